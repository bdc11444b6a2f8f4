/**
 * The Slack user's locale (`es-ES`): a hint for the language Cita frames its replies in (the core
 * leans Spanish in close calls; figures, help and the Home tab follow it when nothing else tells).
 * Asked with `users.info` (`include_locale`, scope `users:read`) and remembered per user for an
 * hour; a failure is remembered for a minute, so a failing API is not asked on every message.
 * A lookup never waits longer than `timeoutMs` and never throws: without an answer there is simply
 * no hint, and Cita answers in the question's language (English by default).
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../log.ts';
import { describeError } from './deliver.ts';
import { isUserId } from './escape.ts';

export interface UserLocales {
  /** The user's locale, or undefined when unknown, failed or slower than the timeout. Never throws. */
  get(client: webApi.WebClient, user: string): Promise<string | undefined>;
  readonly size: number;
}

export interface UserLocaleOptions {
  /** How long a known locale is remembered (users rarely change it). */
  ttlMs?: number;
  /** How long a failed lookup is remembered before Slack is asked again. */
  failureTtlMs?: number;
  /** The longest an answer waits for the lookup; a slower one still fills the cache for later. */
  timeoutMs?: number;
  /** Users remembered at most; past it the oldest go first. */
  maxSize?: number;
  now?: () => number;
}

interface Entry {
  locale: Promise<string | undefined>;
  expires: number;
  /** Set once the lookup has settled: then answers need no timer. */
  settled?: { locale: string | undefined };
}

const TIMED_OUT = Symbol('timed out');

/** `promise`, or TIMED_OUT after `ms` if it has not settled by then. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createUserLocales(
  log: Logger,
  {
    ttlMs = 60 * 60_000,
    failureTtlMs = 60_000,
    timeoutMs = 1_500,
    maxSize = 5_000,
    now = Date.now,
  }: UserLocaleOptions = {},
): UserLocales {
  // Insertion order is lookup order: past maxSize the oldest lookup is forgotten first.
  const cache = new Map<string, Entry>();

  const lookup = (client: webApi.WebClient, user: string): Entry => {
    const entry: Entry = { locale: Promise.resolve(undefined), expires: now() + ttlMs };
    entry.locale = client.users.info({ user, include_locale: true }).then(
      (r) => (typeof r.user?.locale === 'string' && r.user.locale ? r.user.locale : undefined),
      (error: unknown) => {
        entry.expires = now() + failureTtlMs;
        log.warn('slack.locale_unavailable', { user, ...describeError(error) });
        return undefined;
      },
    );
    void entry.locale.then((locale) => {
      entry.settled = { locale };
    });
    cache.delete(user);
    cache.set(user, entry);
    for (const oldest of cache.keys()) {
      if (cache.size <= maxSize) break;
      cache.delete(oldest);
    }
    return entry;
  };

  return {
    async get(client, user) {
      if (!isUserId(user)) return undefined;
      const cached = cache.get(user);
      const entry = cached && cached.expires > now() ? cached : lookup(client, user);
      if (entry.settled) return entry.settled.locale;
      const locale = await within(entry.locale, timeoutMs);
      if (locale !== TIMED_OUT) return locale;
      log.warn('slack.locale_unavailable', { user, timeoutMs });
      return undefined;
    },
    get size() {
      return cache.size;
    },
  };
}
