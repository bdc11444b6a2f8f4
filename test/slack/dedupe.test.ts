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
