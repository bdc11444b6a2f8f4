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
  // Every key lives ttlMs, so insertion order is expiry order: `queue` holds the entries oldest
  // first and `seen` each key's latest entry (an entry replaced by a later one is stale and is
  // skipped when it reaches the head). Evicting pops from the head: O(1) per key, where walking a
  // Map from its start would step over every slot deleted since its last rehash.
  const seen = new Map<string, Entry>();
  const queue: Entry[] = [];
  let head = 0;
  // Repeats of one key add entries without adding keys: bound those too.
  const maxQueued = 2 * maxSize + 16;

  const evict = (at: number) => {
    while (head < queue.length) {
      const entry = queue[head] as Entry;
      const live = seen.get(entry.key) === entry;
      if (live && entry.expires > at && seen.size <= maxSize && queue.length - head <= maxQueued) break;
      if (live) seen.delete(entry.key);
      head++;
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  };

  return {
    firstTime(...keys) {
      const at = now();
      evict(at);
      const present = keys.filter((k): k is string => typeof k === 'string' && k !== '');
      const first = present.every((k) => !seen.has(k));
      for (const key of present) {
        const entry = { key, expires: at + ttlMs };
        seen.set(key, entry);
        queue.push(entry);
      }
      evict(at);
      return first;
    },
    get size() {
      return seen.size;
    },
  };
}

interface Entry {
  readonly key: string;
  readonly expires: number;
}

/** The key of one message, whichever event (`app_mention` or `message`) brought it. */
export function messageKey(channel: string | undefined, ts: string | undefined): string | undefined {
  return channel && ts ? `msg:${channel}:${ts}` : undefined;
}

/** The key of one event delivery, the same across Slack's retries. */
export function eventKey(eventId: unknown): string | undefined {
  return typeof eventId === 'string' && eventId ? `event:${eventId}` : undefined;
}
