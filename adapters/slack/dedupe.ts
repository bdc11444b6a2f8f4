/**
 * "Have we already answered this?" Slack retries an event (up to 3 times, over about 5 minutes)
 * when our acknowledgement is slow or lost, and an @mention can also arrive as a `message` event:
 * each question is keyed by its `event_id` and by its channel + message ts, and answered once.
 *
 * Bounded in time and size: a key is forgotten after `ttlMs`, and past `maxSize` keys the
 * oldest go first, so a flood of events cannot grow memory without limit.
 */

export interface Dedupe {
  /**
   * True the first time any of `keys` is seen within the TTL; false if one was seen already.
   * Either way every key is remembered, so a later copy under any of them is caught.
   */
  firstTime(...keys: readonly (string | undefined)[]): boolean;
  readonly size: number;
}

export interface DedupeOptions {
  /** Longer than Slack's retry window (about 5 minutes) with room to spare. */
  ttlMs?: number;
  maxSize?: number;
  now?: () => number;
}

export function createDedupe({
  ttlMs = 30 * 60_000,
  maxSize = 10_000,
  now = Date.now,
}: DedupeOptions = {}): Dedupe {
  // A Map iterates in insertion order and every key lives ttlMs: the oldest entry expires first.
  const seen = new Map<string, number>();

  const evict = (at: number) => {
    for (const [key, expires] of seen) {
      if (expires > at && seen.size <= maxSize) break;
      seen.delete(key);
    }
  };

  return {
    firstTime(...keys) {
      const at = now();
      evict(at);
      const present = keys.filter((k): k is string => typeof k === 'string' && k !== '');
      const first = present.every((k) => !seen.has(k));
      for (const key of present) {
        seen.delete(key); // re-insert at the end: the order stays the expiry order
        seen.set(key, at + ttlMs);
      }
      evict(at);
      return first;
    },
    get size() {
      return seen.size;
    },
  };
}

/** The key of one message, whichever event (`app_mention` or `message`) brought it. */
export function messageKey(channel: string | undefined, ts: string | undefined): string | undefined {
  return channel && ts ? `msg:${channel}:${ts}` : undefined;
}

/** The key of one event delivery, the same across Slack's retries. */
export function eventKey(eventId: unknown): string | undefined {
  return typeof eventId === 'string' && eventId ? `event:${eventId}` : undefined;
}
