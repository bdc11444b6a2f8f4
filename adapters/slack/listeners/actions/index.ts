import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import * as feedback from './feedback.ts';
import * as shareAnswer from './shareAnswer.ts';
import * as shareFigures from './shareFigures.ts';
import * as sources from './sources.ts';

export function register(app: App, deps: SlackDeps): void {
  sources.register(app, deps);
  feedback.register(app, deps);
  shareAnswer.register(app, deps);
  shareFigures.register(app, deps);
}
