import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log.ts';
import {
  createDeliverer,
  describeError,
  type RetryPolicy,
  retryDelay,
  withRetry,
} from '../../adapters/slack/deliver.ts';

const policy: RetryPolicy = { retries: 3, baseDelayMs: 100, maxDelayMs: 5000 };
const log = createLogger('silent');

const rateLimited = (s: number) =>
  Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: s });
const http = (status: number) =>
  Object.assign(new Error('http'), { code: 'slack_webapi_http_error', statusCode: status });
const platform = (error: string) =>
  Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

describe('retryDelay', () => {
  it('honours Retry-After on a 429, within the bound', () => {
    expect(retryDelay(rateLimited(2), 0, policy)).toBe(2000);
    expect(retryDelay(rateLimited(60), 0, policy)).toBe(5000);
  });
  it('backs off exponentially on 5xx and network errors', () => {
    expect(retryDelay(http(500), 0, policy)).toBe(100);
    expect(retryDelay(http(503), 2, policy)).toBe(400);
    expect(retryDelay(Object.assign(new Error('x'), { code: 'slack_webapi_request_error' }), 1, policy)).toBe(
      200,
    );
    expect(retryDelay(new TypeError('fetch failed'), 0, policy)).toBe(100);
    expect(
      retryDelay(
        Object.assign(new Error('x'), { code: 'slack_bolt_respond_error', statusCode: 502 }),
        0,
        policy,
      ),
    ).toBe(100);
  });
  it('does not retry what a retry cannot fix', () => {
    expect(retryDelay(platform('channel_not_found'), 0, policy)).toBeNull();
    expect(retryDelay(http(400), 0, policy)).toBeNull();
    expect(
      retryDelay(
        Object.assign(new Error('x'), { code: 'slack_bolt_respond_error', statusCode: 404 }),
        0,
        policy,
      ),
    ).toBeNull();
    expect(retryDelay(new Error('bug'), 0, policy)).toBeNull();
  });
  it('recognises the real Web API errors', () => {
    // The Web API client's own error classes, as thrown with retries and rate-limit waits off.
    const e = new webApi.WebAPIRateLimitedError(3);
    expect(retryDelay(e, 0, policy)).toBe(3000);
  });
});

describe('withRetry', () => {
  it('retries within the bound, then rethrows the last error', async () => {
    const delays: number[] = [];
    let calls = 0;
    const op = async () => {
      calls++;
      throw http(500);
    };
    await expect(
      withRetry('x', op, { policy, log, sleep: async (ms) => void delays.push(ms) }),
    ).rejects.toThrow('http');
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
  });
});

describe('describeError', () => {
  it('keeps codes and statuses, never request data', () => {
    expect(describeError(platform('invalid_blocks'))).toEqual({
      code: 'slack_webapi_platform_error',
      slackError: 'invalid_blocks',
      message: 'invalid_blocks',
    });
  });
});

describe('createDeliverer', () => {
  it('posts with link previews off, and reposts the text alone when the blocks are rejected', async () => {
    const sent: Record<string, unknown>[] = [];
    const client = {
      chat: {
        postMessage: async (args: Record<string, unknown>) => {
          sent.push(args);
          if (args.blocks) throw platform('invalid_blocks');
          return { ok: true };
        },
      },
    } as unknown as webApi.WebClient;
    const ok = await createDeliverer(log, policy, async () => {}).post(
      client,
      { channel: 'C1', thread_ts: '1.0' },
      { text: 'fallback', blocks: [{ type: 'divider' }] },
    );
    expect(ok).toBe(true);
    expect(sent).toEqual([
      {
        channel: 'C1',
        thread_ts: '1.0',
        text: 'fallback',
        blocks: [{ type: 'divider' }],
        unfurl_links: false,
        unfurl_media: false,
      },
      { channel: 'C1', thread_ts: '1.0', text: 'fallback', unfurl_links: false, unfurl_media: false },
    ]);
  });

  it('never throws: a failure is reported as false', async () => {
    const client = {
      chat: { postMessage: async () => Promise.reject(platform('not_in_channel')) },
    } as unknown as webApi.WebClient;
    await expect(
      createDeliverer(log, policy).post(client, { channel: 'C1' }, { text: 't', blocks: [] }),
    ).resolves.toBe(false);
    await expect(createDeliverer(log, policy).respond(undefined, { text: 't' })).resolves.toBe(false);
  });
});
