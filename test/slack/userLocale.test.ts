/** The per-user locale cache: one `users.info` per user per hour, failures remembered briefly, bounded. */
import type { webApi } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../adapters/log.ts';
import { createUserLocales } from '../../adapters/slack/userLocale.ts';

type Reply = { locale?: string } | Error | 'hang';

/** A WebClient with only `users.info`, answering from `replies` (per user) and recording calls. */
function fakeClient(replies: Record<string, Reply[]>) {
  const calls: { user: string; include_locale: unknown }[] = [];
  const client = {
    users: {
      info: async (args: { user: string; include_locale?: boolean }) => {
        calls.push({ user: args.user, include_locale: args.include_locale });
        const reply = replies[args.user]?.shift() ?? {};
        if (reply === 'hang') return new Promise(() => {});
        if (reply instanceof Error) throw reply;
        return { ok: true, user: { id: args.user, ...reply } };
      },
    },
  };
  return { client: client as unknown as webApi.WebClient, calls };
}

function setup(replies: Record<string, Reply[]>, options: Parameters<typeof createUserLocales>[1] = {}) {
  let clock = 0;
  const lines: string[] = [];
  const locales = createUserLocales(
    createLogger('debug', (l) => lines.push(l)),
    { now: () => clock, ...options },
  );
  const { client, calls } = fakeClient(replies);
  return {
    get: (user: string) => locales.get(client, user),
    locales,
    calls,
    lines,
    advance(ms: number) {
      clock += ms;
    },
  };
}

describe('user locales', () => {
  it('asks Slack once per user (include_locale) and remembers the answer for an hour', async () => {
    const t = setup({ U0ANA: [{ locale: 'es-ES' }, { locale: 'es-MX' }], U0BOB: [{ locale: 'en-GB' }] });
    expect(await Promise.all([t.get('U0ANA'), t.get('U0ANA'), t.get('U0BOB')])).toEqual([
      'es-ES',
      'es-ES',
      'en-GB',
    ]);
    t.advance(59 * 60_000);
    expect(await t.get('U0ANA')).toBe('es-ES');
    expect(t.calls).toEqual([
      { user: 'U0ANA', include_locale: true },
      { user: 'U0BOB', include_locale: true },
    ]);
    t.advance(2 * 60_000);
    expect(await t.get('U0ANA')).toBe('es-MX');
    expect(t.calls).toHaveLength(3);
  });

  it('answers a remembered locale at once, without arming a timeout', async () => {
    const t = setup({ U0ANA: [{ locale: 'es-ES' }] });
    expect(await t.get('U0ANA')).toBe('es-ES');
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      expect(await t.get('U0ANA')).toBe('es-ES');
      expect(timers).not.toHaveBeenCalled();
    } finally {
      timers.mockRestore();
    }
  });

  it('gives no hint when Slack fails, logs it, and asks again only after a minute', async () => {
    const failure = Object.assign(new Error('An API error occurred: missing_scope'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'missing_scope' },
    });
    const t = setup({ U0ANA: [failure, { locale: 'es-ES' }] });
    expect(await t.get('U0ANA')).toBeUndefined();
    t.advance(30_000);
    expect(await t.get('U0ANA')).toBeUndefined();
    expect(t.calls).toHaveLength(1);
    expect(t.lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        event: 'slack.locale_unavailable',
        user: 'U0ANA',
        slackError: 'missing_scope',
      }),
    ]);
    t.advance(31_000);
    expect(await t.get('U0ANA')).toBe('es-ES');
    expect(t.calls).toHaveLength(2);
  });

  it('never waits longer than the timeout, and does not ask again while the lookup is pending', async () => {
    const t = setup({ U0ANA: ['hang'] }, { timeoutMs: 20 });
    const started = performance.now();
    expect(await t.get('U0ANA')).toBeUndefined();
    expect(await t.get('U0ANA')).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(t.calls).toHaveLength(1);
    expect(t.lines.map((l) => JSON.parse(l).event)).toEqual([
      'slack.locale_unavailable',
      'slack.locale_unavailable',
    ]);
  });

  it('is bounded: past maxSize the oldest user is forgotten first', async () => {
    const t = setup({ U0A: [{ locale: 'es-ES' }, { locale: 'es-ES' }] }, { maxSize: 2 });
    await t.get('U0A');
    await t.get('U0B');
    await t.get('U0C');
    expect(t.locales.size).toBe(2);
    await t.get('U0A');
    expect(t.calls.map((c) => c.user)).toEqual(['U0A', 'U0B', 'U0C', 'U0A']);
  });

  it('never asks about something that is not a Slack user id', async () => {
    const t = setup({});
    expect(await t.get('')).toBeUndefined();
    expect(await t.get('<!channel>')).toBeUndefined();
    expect(t.calls).toEqual([]);
  });

  it('gives no hint for a user without a locale', async () => {
    const t = setup({ U0ANA: [{}] });
    expect(await t.get('U0ANA')).toBeUndefined();
  });
});
