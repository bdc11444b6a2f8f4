/**
 * What every listener gets besides Bolt's arguments: the core, a logger, delivery with retries,
 * the memory of questions already answered, the per-user rate limit and the users' locales.
 */
import type { Cita } from '../../src/index.ts';
import type { Logger } from '../log.ts';
import type { RateLimiter } from '../rateLimit.ts';
import type { Dedupe } from './dedupe.ts';
import type { Deliverer } from './deliver.ts';
import type { UserLocales } from './userLocale.ts';

export interface SlackDeps {
  /** The current core (it may be swapped on reload): call it per request, never keep it. */
  getCita(): Cita;
  log: Logger;
  deliver: Deliverer;
  seen: Dedupe;
  /** RATE_LIMIT_PER_MINUTE, per user: applies to questions for the core, not to help or buttons. */
  limiter: RateLimiter;
  /** Each user's Slack locale (cached `users.info`), a hint for the reply's language. */
  locales: UserLocales;
}
