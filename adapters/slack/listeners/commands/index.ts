import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import * as cita from './cita.ts';
import * as figures from './figures.ts';

export function register(app: App, deps: SlackDeps): void {
  figures.register(app, deps);
  cita.register(app, deps);
}
