/**
 * Bolt (and its Web API and Socket Mode clients) log through this bridge, so their lines are
 * structured JSON like ours and pass through our logger's secret masking.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log.ts';

function text(parts: unknown[]): string {
  return parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
}

export function boltLogger(log: Logger): BoltLogger {
  const bolt = log.child({ source: 'bolt' });
  return {
    debug: (...msg) => bolt.debug('slack.bolt', { message: text(msg) }),
    info: (...msg) => bolt.info('slack.bolt', { message: text(msg) }),
    warn: (...msg) => bolt.warn('slack.bolt', { message: text(msg) }),
    error: (...msg) => bolt.error('slack.bolt', { message: text(msg) }),
    // Our logger's level (LOG_LEVEL) decides; Bolt's setLevel calls are ignored.
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
