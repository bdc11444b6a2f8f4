/**
 * Hostile requests to the real server with Slack and Teams mounted together: malformed JSON,
 * wrong content types, bodies over 1 MB, missing, forged or replayed signatures. Each gets a
 * 4xx, runs no bot code (nothing reaches the fakes), and the server keeps serving.
 * (Bad signature and stale timestamp alone: test/slack/events.test.ts; Teams' own odd bodies
 * and 401s: test/teams/teams.test.ts.)
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_SIGNING_SECRET, type LoadTarget, startTarget } from '../../scripts/loadDriver.ts';
import { sign } from '../helpers/slackRequests.ts';

let target: LoadTarget;
beforeAll(async () => {
  target = await startTarget({ logLevel: 'debug', keepLogs: true });
});
afterAll(() => target.close());

/** A POST on a connection of its own (an early 413 leaves a connection unusable for the next request). */
function post(path: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.baseUrl}${path}`,
      { method: 'POST', agent: false, headers: { ...headers, connection: 'close' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      // The server may answer 413 and close before the whole body is written.
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve(-1) : reject(error),
    );
    req.end(body);
  });
}

const now = () => Math.floor(Date.now() / 1000);
function signed(body: string, contentType: string, timestamp = now()): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(LOAD_SIGNING_SECRET, timestamp, body),
  };
}

const mention = (eventId: string) =>
  JSON.stringify({
    type: 'event_callback',
    team_id: 'T0CITA',
    event_id: eventId,
    event: {
      type: 'app_mention',
      user: 'U0MALLORY',
      text: '<@UCITA> <!channel> How much is Microsoft investing in Mexico?',
      ts: '1790000000.000100',
      channel: 'C0GENERAL',
    },
  });
const BIG = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(1_100_000) });

function nothingPosted() {
  expect(target.slackApi.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  expect(target.connector.calls).toEqual([]);
}

async function stillServing() {
  const res = await fetch(`${target.baseUrl}/healthz`);
  expect(res.status).toBe(200);
}

describe('hostile requests to /slack/events', () => {
  it('refuses unsigned, forged, replayed and oversize requests with 401/413 before any bot code', async () => {
    const body = mention('EvHostile1');
    const stale = now() - 10 * 60;
    const cases: [string, Promise<number>, number][] = [
      ['no signature headers', post('/slack/events', body, { 'content-type': 'application/json' }), 401],
      [
        'signature without timestamp',
        post('/slack/events', body, {
          'content-type': 'application/json',
          'x-slack-signature': signed(body, 'application/json')['x-slack-signature'] ?? '',
        }),
        401,
      ],
      [
        'signature of another body',
        post('/slack/events', body, signed(mention('EvOther'), 'application/json')),
        401,
      ],
      [
        'signed with another secret',
        post('/slack/events', body, {
          ...signed(body, 'application/json'),
          'x-slack-signature': sign('not-the-secret', now(), body),
        }),
        401,
      ],
      [
        'replayed: same signature, stale timestamp',
        post('/slack/events', body, signed(body, 'application/json', stale)),
        401,
      ],
      [
        'over 1 MB, unsigned',
        post('/slack/events', BIG, {
          'content-type': 'application/json',
          'x-slack-signature': 'v0=00',
          'x-slack-request-timestamp': String(now()),
        }),
        413,
      ],
      ['over 1 MB, signed', post('/slack/events', BIG, signed(BIG, 'application/json')), 413],
      [
        'malformed JSON, unsigned',
        post('/slack/events', '{"type":', { 'content-type': 'application/json' }),
        401,
      ],
    ];
    for (const [name, status, expected] of cases) {
      const got = await status;
      // -1: the connection was cut after an early 413 while the body was still being written.
      expect(expected === 413 && got === -1 ? 413 : got, name).toBe(expected);
    }
    nothingPosted();
    await stillServing();
  });

  it('answers correctly signed junk with a 4xx and runs no listener', async () => {
    const cases: [string, string, string][] = [
      ['malformed JSON', '{"type":', 'application/json'],
      ['empty body', '', 'application/json'],
      ['form with a broken payload', 'payload=%7Bnot', 'application/x-www-form-urlencoded'],
      ['JSON as text/plain', '{"type":"event_callback"}', 'text/plain'],
      ['a form that is no Slack payload', 'a=b', 'application/x-www-form-urlencoded'],
      ['an array', '[1,2,3]', 'application/json'],
    ];
    // Bolt answers an unrecognised but signed body with 404 after its 3-second ack timeout: run them together.
    const statuses = await Promise.all(
      cases.map(([, body, type]) => post('/slack/events', body, signed(body, type))),
    );
    cases.forEach(([name], i) => {
      expect(statuses[i], name).toBeGreaterThanOrEqual(400);
      expect(statuses[i], name).toBeLessThan(500);
    });
    nothingPosted();
    expect(target.logLines.some((l) => /"slack\.(mention|message|listener_failed)"/.test(l))).toBe(false);
    await stillServing();
  });

  it('answers an exact replay within the signature window once', async () => {
    const body = mention('EvReplay1');
    const headers = signed(body, 'application/json');
    expect(await post('/slack/events', body, headers)).toBe(200);
    expect(await post('/slack/events', body, headers)).toBe(200);
    await target.inflight.drain(5_000);
    expect(target.slackApi.posts('chat.postMessage')).toHaveLength(1);
    expect(JSON.stringify(target.slackApi.posts('chat.postMessage')[0]?.args)).not.toContain('<!channel>');
    target.slackApi.reset();
  });
});

describe('hostile requests to /api/messages (TEAMS_LOCAL)', () => {
  it('refuses wrong content types, malformed JSON and oversize bodies with a 4xx', async () => {
    const activity = JSON.stringify({
      type: 'message',
      serviceUrl: target.connector.url,
      conversation: { id: 'a:x' },
      from: { id: '29:m' },
      recipient: { id: '28:cita-bot-id' },
      text: 'How much is Microsoft investing in Mexico?',
    });
    const cases: [string, string, Record<string, string>, number][] = [
      ['text/plain', activity, { 'content-type': 'text/plain' }, 400],
      [
        'form-encoded',
        `a=${encodeURIComponent(activity)}`,
        { 'content-type': 'application/x-www-form-urlencoded' },
        400,
      ],
      ['no content type', activity, {}, 400],
      ['malformed JSON', '{"type":"message",', { 'content-type': 'application/json' }, 400],
      ['JSON null', 'null', { 'content-type': 'application/json' }, 400],
      [
        'over 1 MB',
        `{"type":"message","text":"${'x'.repeat(1_100_000)}"}`,
        { 'content-type': 'application/json' },
        413,
      ],
    ];
    for (const [name, body, headers, expected] of cases) {
      const got = await post('/api/messages', body, headers);
      expect(expected === 413 && got === -1 ? 413 : got, name).toBe(expected);
    }
    nothingPosted();
    await stillServing();
  });
});
