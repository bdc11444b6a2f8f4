import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import * as appHomeOpened from './appHomeOpened.ts';
import * as appMention from './appMention.ts';
import * as directMessage from './directMessage.ts';

export function register(app: App, deps: SlackDeps): void {
  appMention.register(app, deps);
  directMessage.register(app, deps);
  appHomeOpened.register(app, deps);
}
