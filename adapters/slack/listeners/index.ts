/** Every listener of the Slack app, grouped by kind (events, slash commands, button actions). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import * as actions from './actions/index.ts';
import * as commands from './commands/index.ts';
import * as events from './events/index.ts';

export function registerListeners(app: App, deps: SlackDeps): void {
  events.register(app, deps);
  commands.register(app, deps);
  actions.register(app, deps);
}
