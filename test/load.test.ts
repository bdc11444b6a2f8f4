/**
 * A small load run through the real server on loopback (scripts/loadDriver.ts; `npm run load`
 * is the big one): every question answered exactly once at the fakes, no HTTP or logged error,
 * no secret in the logs, memory bounded. No timing assertions.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOAD_BOT_TOKEN, type LoadTarget, runLoad, startTarget } from '../scripts/loadDriver.ts';
import { channelMessage, type Harness, startHarness } from './teams/harness.ts';

describe('load through the real server', () => {
  let target: LoadTarget;
  beforeAll(async () => {
    target = await startTarget({ logLevel: 'debug', keepLogs: true });
  });
  afterAll(() => target.close());

  it('answers 100 Slack events and 100 Teams activities exactly once each, with no error', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await runLoad(target, { slack: 100, teams: 100, concurrency: 20, timeoutMs: 30_000 });
    for (const r of [result.slack, result.teams]) {
      expect(r).toMatchObject({ sent: 100, answeredOnce: 100, duplicates: 0, missing: 0, httpErrors: 0 });
    }
    expect(target.errorLines).toEqual([]);
    expect(target.inflight.size).toBe(0);
    // Generous: a leak of the answers themselves would be far more over many runs; this catches gross growth.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('never writes the bot token in any log line, debug included', () => {
    expect(target.logLines.length).toBeGreaterThan(200);
    expect(target.logLines.join('\n')).not.toContain(LOAD_BOT_TOKEN);
  });
});

describe('a burst of forged Teams requests with an app id configured', () => {
  const PASSWORD = 'load-app-password-must-not-appear';
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      teams: {
        local: false,
        appId: '00000000-0000-0000-0000-0000000c17a0',
        appPassword: PASSWORD,
        appType: 'MultiTenant',
      },
    });
  });
  afterAll(() => h.close());

  it('refuses every one with 401, sends nothing, and logs neither the password nor the tokens', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // botbuilder prints auth failures
    try {
      const statuses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          h
            .post(
              channelMessage(h.connector.url, 'How much is Microsoft investing in Mexico?'),
              i % 3 === 0 ? {} : { authorization: `Bearer forged.${i}.token-${'x'.repeat(i)}` },
            )
            .then((r) => r.status),
        ),
      );
      expect(new Set(statuses)).toEqual(new Set([401]));
    } finally {
      quiet.mockRestore();
    }
    expect(h.connector.calls).toHaveLength(0);
    const logs = h.logLines.join('\n');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toMatch(/forged\.\d+\.token/);
  });
});
