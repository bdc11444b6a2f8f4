/**
 * A fake Bot Connector on loopback (node:http): the three routes a Teams bot calls, recording
 * every request so tests can assert exactly what reached "Teams". It can be told to fail the
 * next N calls (500, 429 with Retry-After, …), to never answer them (hang), or to hold one
 * until released, to exercise retries, timeouts and shutdown.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ConnectorRoute = 'createConversation' | 'sendToConversation' | 'replyToActivity';

export interface ConnectorCall {
  route: ConnectorRoute | 'unknown';
  method: string;
  path: string;
  /** Decoded conversation id, when the route has one. */
  conversationId?: string;
  replyToId?: string;
  /** The body parsed as JSON (the raw text when it is not JSON), on first read. */
  body: any;
  /** The raw body as received, for size checks. */
  raw: string;
  headers: IncomingHttpHeaders;
  /** The status the fake answered with (0: never answered, see `hangNext`). */
  status: number;
  /** performance.now() when the request had fully arrived. */
  at: number;
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
  /** Never answer the next `count` requests (until reset or close): the client must time out. */
  hangNext(count: number): void;
  /** Holds the answer to the next request until the returned function is called. */
  holdNext(): () => void;
  /** Requests arrived and being held right now. */
  readonly held: number;
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

/**
 * `call` with `body` parsed from `raw` when first read. The load driver only needs the route, so
 * a benchmark does not bill the bot under test (same process) for parsing its own replies, which a
 * real connector does elsewhere; tests read `body` as before.
 */
function withBody(call: Omit<ConnectorCall, 'body'>): ConnectorCall {
  let parsed: { value: unknown } | undefined;
  return Object.defineProperty(call as ConnectorCall, 'body', {
    enumerable: true,
    get() {
      if (!parsed) {
        try {
          parsed = { value: call.raw ? JSON.parse(call.raw) : null };
        } catch {
          parsed = { value: call.raw };
        }
      }
      return parsed.value;
    },
  });
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failures: FailureSpec[] = [];
  let hangs = 0;
  let held = 0;
  const hung = new Set<ServerResponse>();
  const holds: { gate: Promise<void>; open: () => void }[] = [];
  let counter = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const at = performance.now();
      if (hangs > 0) {
        hangs--;
        const path = new URL(req.url ?? '/', 'http://fake').pathname;
        const raw = Buffer.concat(chunks).toString('utf8');
        calls.push({
          ...route(req.method ?? '', path),
          method: req.method ?? '',
          path,
          body: null,
          raw,
          headers: req.headers,
          status: 0,
          at,
        });
        hung.add(res);
        return;
      }
      const hold = holds.shift();
      if (hold) {
        held++;
        await hold.gate;
        held--;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const where = route(req.method ?? '', path);
      const failure = failures.shift();
      const status =
        failure?.status ??
        (where.route === 'unknown' ? 404 : where.route === 'createConversation' ? 201 : 200);
      calls.push(
        withBody({ ...where, method: req.method ?? '', path, raw, headers: req.headers, status, at }),
      );
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
    delivered: () => calls.filter((c) => c.status > 0 && c.status < 300),
    failNext(count, failure = { status: 500 }) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    get held() {
      return held;
    },
    hangNext(count) {
      hangs += count;
    },
    holdNext() {
      let open = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      holds.push({ gate, open });
      return open;
    },
    reset() {
      calls.length = 0;
      failures.length = 0;
      hangs = 0;
      for (const hold of holds.splice(0)) hold.open();
      for (const res of hung) res.socket?.destroy();
      hung.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const hold of holds.splice(0)) hold.open();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
