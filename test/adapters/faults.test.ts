/**
 * Flaky upstreams: the fake Web API and the fake Bot Connector answer 500s, 429s with
 * Retry-After, and never answer at all (hung) for the first calls, then recover. With several
 * questions in flight, each is answered exactly once after recovery, within bounded retries
 * (hung calls cut by the clients' timeouts), and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadTarget, runLoad, startTarget } from '../../scripts/loadDriver.ts';

const QUESTIONS = 8;

let target: LoadTarget;
beforeAll(async () => {
  target = await startTarget({
    logLevel: 'debug',
    keepLogs: true,
    slackRetry: { retries: 3, baseDelayMs: 20, maxDelayMs: 100 },
    slackTimeoutMs: 300,
    teamsRetry: { attempts: 4, baseDelayMs: 20, maxDelayMs: 100, timeoutMs: 300 },
  });
});
afterAll(() => target.close());

const logged = (event: string) =>
  target.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.event === event);

async function healthy() {
  const res = await fetch(`${target.baseUrl}/healthz`);
  return res.status;
}

describe('Slack Web API faults', () => {
  it('answers every question in flight exactly once after 500s, 429s and hung calls', async () => {
    target.slackApi.failNext('chat.postMessage', 3, { status: 500 });
    target.slackApi.failNext('chat.postMessage', 3, { status: 429, retryAfter: 1 });
    target.slackApi.failNext('chat.postMessage', 3, { hang: true });
    const started = Date.now();
    const result = await runLoad(target, { slack: QUESTIONS, concurrency: QUESTIONS, timeoutMs: 10_000 });
    expect(result.slack).toMatchObject({
      sent: QUESTIONS,
      answeredOnce: QUESTIONS,
      duplicates: 0,
      httpErrors: 0,
    });
    const attempts = target.slackApi.calls.filter((c) => c.method === 'chat.postMessage');
    expect(attempts.filter((c) => !c.ok)).toHaveLength(9);
    // Bounded: a hung call is cut at 300 ms and Retry-After is capped, so recovery is quick.
    expect(Date.now() - started).toBeLessThan(5_000);
    const retries = logged('slack.retry').filter((r) => r.call === 'chat.postMessage');
    expect(retries.length).toBeGreaterThanOrEqual(9);
    expect(retries.some((r) => r.code === 'slack_webapi_request_error')).toBe(true); // the timeouts
    expect(retries.some((r) => r.code === 'slack_webapi_rate_limited_error')).toBe(true);
    expect(logged('slack.delivery_failed')).toEqual([]);
    expect(await healthy()).toBe(200);
  });
});

describe('Bot Connector faults', () => {
  it('answers every question in flight exactly once after hung calls, 500s and 429s', async () => {
    target.connector.reset();
    target.connector.hangNext(3);
    target.connector.failNext(3, { status: 500 });
    target.connector.failNext(3, { status: 429, retryAfter: '1' });
    const started = Date.now();
    const result = await runLoad(target, { teams: QUESTIONS, concurrency: QUESTIONS, timeoutMs: 10_000 });
    expect(result.teams).toMatchObject({
      sent: QUESTIONS,
      answeredOnce: QUESTIONS,
      duplicates: 0,
      httpErrors: 0,
    });
    expect(target.connector.calls.filter((c) => c.status === 0)).toHaveLength(3); // hung, then cut
    expect(target.connector.calls.filter((c) => c.status >= 400)).toHaveLength(6);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(logged('teams.connector.retry').length).toBeGreaterThanOrEqual(9);
    expect(logged('teams.connector.gave_up')).toEqual([]);
    expect(logged('teams.turn_error')).toEqual([]);
    expect(await healthy()).toBe(200);
  });

  it('gives up on a connector that never answers within a bounded time, and keeps serving', async () => {
    target.connector.reset();
    target.connector.hangNext(4 * 2); // every attempt of the reply and of the error notice
    const started = Date.now();
    const res = await fetch(`${target.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'hung-1',
        channelId: 'msteams',
        serviceUrl: target.connector.url,
        from: { id: '29:u' },
        recipient: { id: '28:cita-bot-id' },
        conversation: { id: 'a:personal-hung', conversationType: 'personal' },
        text: 'How much is Microsoft investing in Mexico?',
      }),
    });
    await res.arrayBuffer();
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(target.connector.delivered()).toHaveLength(0);
    expect(logged('teams.connector.gave_up').length).toBeGreaterThanOrEqual(1);
    expect(target.inflight.size).toBe(0);
    expect(await healthy()).toBe(200);
  });
});
