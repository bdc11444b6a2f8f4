import { describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log.ts';
import {
  boundConnectorRetries,
  connectorRetryPolicy,
  isRetriableStatus,
  parseRetryAfter,
  retryDelayMs,
} from '../../adapters/teams/retry.ts';

const options = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

function capture() {
  const records: Record<string, unknown>[] = [];
  return { records, log: createLogger('debug', (line) => records.push(JSON.parse(line))) };
}

const response = (status: number, retryAfter?: string) => ({
  status,
  headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) },
});

describe('retry delays', () => {
  it('backs off exponentially up to the cap, honouring Retry-After within it', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, options))).toEqual([100, 200, 400, 800, 1000]);
    expect(retryDelayMs(1, options, '0.5')).toBe(500);
    expect(retryDelayMs(1, options, '120')).toBe(1000);
    expect(retryDelayMs(1, { ...options, random: () => 0 })).toBe(50);
    expect(retryDelayMs(3, { ...options, random: () => 0.999 })).toBe(400);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:02 GMT', now)).toBe(2000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('retries throttling and transient server errors only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetriableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 501, 505].some(isRetriableStatus)).toBe(false);
  });
});

describe('connectorRetryPolicy', () => {
  const request = { method: 'POST', url: 'https://smba.example/v3/conversations/a%3A1/activities?secret=x' };

  it('retries until success, logging each retry with the waited delay', async () => {
    const { records, log } = capture();
    const waits: number[] = [];
    const statuses = [503, 429, 200];
    const policy = connectorRetryPolicy(options, log, async (ms) => {
      waits.push(ms);
    });
    const res = await policy.sendRequest(request, async () =>
      response(statuses.shift() ?? 0, statuses.length === 1 ? '0' : undefined),
    );
    expect(res.status).toBe(200);
    expect(waits).toEqual([100, 0]);
    expect(records.map((r) => [r.event, r.status, r.attempt, r.path])).toEqual([
      ['teams.connector.retry', 503, 1, '/v3/conversations/a%3A1/activities'],
      ['teams.connector.retry', 429, 2, '/v3/conversations/a%3A1/activities'],
    ]);
  });

  it('gives up after the bounded attempts and returns the last failure', async () => {
    const { records, log } = capture();
    let calls = 0;
    const policy = connectorRetryPolicy(options, log, async () => {});
    const res = await policy.sendRequest(request, async () => {
      calls++;
      return response(500);
    });
    expect([res.status, calls]).toEqual([500, 3]);
    expect(records.at(-1)).toMatchObject({ level: 'error', event: 'teams.connector.gave_up', attempts: 3 });
  });

  it('does not retry a client error, and retries network errors', async () => {
    const { log } = capture();
    let calls = 0;
    const policy = connectorRetryPolicy(options, log, async () => {});
    expect((await policy.sendRequest(request, async () => (calls++, response(403)))).status).toBe(403);
    expect(calls).toBe(1);
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    await expect(policy.sendRequest(request, async () => Promise.reject((calls++, reset)))).rejects.toBe(
      reset,
    );
    expect(calls).toBe(4);
  });

  it('replaces the pipeline retry policy, or says it could not', () => {
    const { records, log } = capture();
    const ops: string[] = [];
    const client = {
      client: {
        pipeline: {
          removePolicy: (o: { phase: string }) => ops.push(`remove ${o.phase}`),
          addPolicy: (p: { name: string }, o: { phase: string }) => ops.push(`add ${p.name} ${o.phase}`),
        },
      },
    };
    expect(boundConnectorRetries(client, options, log)).toBe(true);
    expect(ops).toEqual(['remove Retry', 'add citaBoundedRetry Retry']);
    expect(boundConnectorRetries({}, options, log)).toBe(false);
    expect(records.at(-1)?.event).toBe('teams.connector.retry_not_bounded');
  });
});
