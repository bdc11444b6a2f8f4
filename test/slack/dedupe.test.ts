import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDedupe, eventKey, messageKey } from '../../adapters/slack/dedupe.ts';

describe('dedupe', () => {
  it('says "first time" once per key, and catches a copy under any of its keys', () => {
    const d = createDedupe();
    expect(d.firstTime('event:E1', 'msg:C1:1.0')).toBe(true);
    expect(d.firstTime('event:E1', 'msg:C1:1.0')).toBe(false);
    // The same message through another event (an @mention also delivered as `message`).
    expect(d.firstTime('event:E2', 'msg:C1:1.0')).toBe(false);
    // ...and E2 is now remembered too.
    expect(d.firstTime('event:E2')).toBe(false);
    expect(d.firstTime('event:E3', 'msg:C1:2.0')).toBe(true);
  });

  it('forgets keys after the TTL', () => {
    let now = 0;
    const d = createDedupe({ ttlMs: 1000, now: () => now });
    expect(d.firstTime('a')).toBe(true);
    now = 999;
    expect(d.firstTime('a')).toBe(false);
    now = 999 + 1000;
    expect(d.firstTime('a')).toBe(true);
  });

  it('is bounded: past maxSize the oldest keys go', () => {
    const d = createDedupe({ maxSize: 3 });
    for (const k of ['a', 'b', 'c', 'd']) d.firstTime(k);
    expect(d.size).toBe(3);
    expect(d.firstTime('a')).toBe(true);
    expect(d.firstTime('d')).toBe(false);
  });

  it('behaves like a plain expiry-ordered map on any sequence of keys and times (property)', () => {
    // The model: every key with its expiry, oldest first; expired and over-size keys leave from the front.
    const model = (ttlMs: number, maxSize: number) => {
      let entries: [string, number][] = [];
      const evict = (at: number) => {
        entries = entries.filter(([, expires]) => expires > at);
        entries = entries.slice(Math.max(0, entries.length - maxSize));
      };
      return {
        firstTime(at: number, keys: string[]) {
          evict(at);
          const first = keys.every((k) => !entries.some(([key]) => key === k));
          for (const k of keys) entries = [...entries.filter(([key]) => key !== k), [k, at + ttlMs]];
          evict(at);
          return first;
        },
        size: () => entries.length,
      };
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 20 }),
            fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 3 }),
          ),
          { maxLength: 200 },
        ),
        (ttlMs, maxSize, steps) => {
          let now = 0;
          const d = createDedupe({ ttlMs, maxSize, now: () => now });
          const m = model(ttlMs, maxSize);
          for (const [advance, keys] of steps) {
            now += advance;
            expect(d.firstTime(...keys)).toBe(m.firstTime(now, keys));
            expect(d.size).toBe(m.size());
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps answering right when one key is repeated many times', () => {
    const d = createDedupe({ maxSize: 5 });
    for (let i = 0; i < 50_000; i++) expect(d.firstTime('same')).toBe(i === 0);
    expect(d.size).toBe(1);
    expect(d.firstTime('other')).toBe(true);
  });

  it('answers when there is nothing to key on', () => {
    const d = createDedupe();
    expect(d.firstTime(undefined, '')).toBe(true);
    expect(d.firstTime(undefined)).toBe(true);
    expect(d.size).toBe(0);
  });

  it('keys', () => {
    expect(eventKey('Ev1')).toBe('event:Ev1');
    expect(eventKey(undefined)).toBeUndefined();
    expect(messageKey('C1', '1.0')).toBe('msg:C1:1.0');
    expect(messageKey('C1', undefined)).toBeUndefined();
  });
});
