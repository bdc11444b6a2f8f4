/**
 * A fake Bot Connector on loopback (node:http): the three routes a Teams bot calls, recording
 * every request so tests can assert exactly what reached "Teams". It can be told to fail the
 * next N calls (500, 429 with Retry-After, …) to exercise retries.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ConnectorRoute = 'createConversation' | 'sendToConversation' | 'replyToActivity';

export interface ConnectorCall {
  route: ConnectorRoute | 'unknown';
  method: string;
  path: string;
  /** Decoded conversation id, when the route has one. */
  conversationId?: string;
  replyToId?: string;
  body: any;
  /** The raw body as received, for size checks. */
  raw: string;
  headers: IncomingHttpHeaders;
  /** The status the fake answered with. */
  status: number;
}

export interface FailureSpec {
  status: number;
  retryAfter?: string;
}

export interface FakeConnector {
  /** `http://127.0.0.1:PORT/` — use as the activities' serviceUrl. */
  readonly url: string;
  /** Every request, including failed ones, in arrival order. */
  readonly calls: ConnectorCall[];
  /** Only the requests that were answered with success. */
  delivered(): ConnectorCall[];
  /** Fail the next `count` requests with `failure`. */
  failNext(count: number, failure?: FailureSpec): void;
  reset(): void;
  close(): Promise<void>;
}

function route(method: string, path: string): Pick<ConnectorCall, 'route' | 'conversationId' | 'replyToId'> {
  if (method !== 'POST') return { route: 'unknown' };
  if (path === '/v3/conversations') return { route: 'createConversation' };
  const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
  if (!m?.[1]) return { route: 'unknown' };
  const conversationId = decodeURIComponent(m[1]);
  return m[2]
    ? { route: 'replyToActivity', conversationId, replyToId: decodeURIComponent(m[2]) }
    : { route: 'sendToConversation', conversationId };
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failures: FailureSpec[] = [];
  let counter = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const where = route(req.method ?? '', path);
      const failure = failures.shift();
      const status =
        failure?.status ??
        (where.route === 'unknown' ? 404 : where.route === 'createConversation' ? 201 : 200);
      calls.push({ ...where, method: req.method ?? '', path, body, raw, headers: req.headers, status });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure?.retryAfter) headers['retry-after'] = failure.retryAfter;
      res.writeHead(status, headers);
      counter++;
      if (failure) res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'injected failure' } }));
      else if (where.route === 'createConversation')
        res.end(JSON.stringify({ id: `a:personal-${counter}`, activityId: '' }));
      else if (where.route === 'unknown')
        res.end(JSON.stringify({ error: { code: 'NotFound', message: path } }));
      else res.end(JSON.stringify({ id: `activity-${counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    delivered: () => calls.filter((c) => c.status < 300),
    failNext(count, failure = { status: 500 }) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    reset() {
      calls.length = 0;
      failures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
