/**
 * A fake Slack Web API on loopback (point SLACK_API_URL at `url`), plus response_url endpoints.
 * It records every call, answers like Slack for the methods Cita uses (`users.info` with a locale
 * that can be set per user), and can be told to fail the next N calls (429 with Retry-After, 5xx,
 * a Slack error such as `invalid_blocks`, or a dropped connection).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  /** The arguments, form- or JSON-decoded; `blocks`, `view` and `attachments` parsed from JSON. */
  args: Record<string, unknown>;
  /** The token the call carried (Authorization header or `token` field). */
  token: string | undefined;
  /** Whether this attempt succeeded (a failed attempt is recorded too). */
  ok: boolean;
  /** performance.now() when the call arrived (before any hold or failure). */
  at: number;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  ok: boolean;
}

export type Failure =
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 }
  | { error: string }
  | { drop: true }
  /** Never answers (until reset or close): the client's timeout must give up on it. */
  | { hang: true };

export interface FakeSlackApi {
  /** `http://127.0.0.1:PORT/api/`: the Web API base URL, trailing slash included. */
  readonly url: string;
  readonly calls: ApiCall[];
  readonly responses: ResponseUrlPost[];
  /** A response_url served by this fake. */
  responseUrl(id: string): string;
  /** Successful calls to `method` (failed attempts left out). */
  posts(method: string): ApiCall[];
  /** Fails the next `count` calls to `method` ('response_url' for response URLs, '*' for any). */
  failNext(method: string, count: number, failure: Failure): void;
  /** Holds the answer to the next call to `method` until the returned function is called. */
  holdNext(method: string): () => void;
  /** The locale `users.info` gives for `user` (`null`: none); `en-US` unless set. */
  setLocale(user: string, locale: string | null): void;
  /** Forgets recorded calls, failures, holds and locales. */
  reset(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw);
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return out;
}

let tsCounter = 1_700_000_000;

/** What `users.info` gives when no locale was set for the user: Slack's default. */
const DEFAULT_LOCALE = 'en-US';

function answer(
  method: string,
  args: Record<string, unknown>,
  locales: ReadonlyMap<string, string | null>,
  options: FakeSlackApiOptions,
): Record<string, unknown> {
  switch (method) {
    case 'apps.connections.open':
      return options.socketModeUrl
        ? { ok: true, url: options.socketModeUrl }
        : { ok: false, error: 'not_allowed_token_type' };
    case 'auth.test':
      return {
        ok: true,
        url: 'https://cita-test.slack.com/',
        team: 'Cita Test',
        user: 'cita',
        team_id: 'T0CITA',
        user_id: 'UCITA',
        bot_id: 'BCITA',
      };
    case 'chat.postMessage': {
      const ts = `${++tsCounter}.000100`;
      return { ok: true, channel: args.channel, ts, message: { ts, text: args.text, bot_id: 'BCITA' } };
    }
    case 'chat.postEphemeral':
      return { ok: true, message_ts: `${++tsCounter}.000200` };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${String(args.users ?? 'X').split(',')[0]}` } };
    case 'views.publish':
      return { ok: true, view: { id: 'VHOME', type: 'home' } };
    case 'users.info': {
      const id = String(args.user ?? '');
      const locale = locales.has(id) ? locales.get(id) : DEFAULT_LOCALE;
      // Like Slack: the locale is only there when asked for (`include_locale`).
      const withLocale = String(args.include_locale) === 'true' && locale;
      return { ok: true, user: { id, name: id.toLowerCase(), ...(withLocale ? { locale } : {}) } };
    }
    default:
      return { ok: true };
  }
}

export interface FakeSlackApiOptions {
  /** What `apps.connections.open` hands out (a fake Socket Mode endpoint, test/fakes/socketMode.ts). */
  socketModeUrl?: string;
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const failures: { method: string; left: number; failure: Failure }[] = [];
  const locales = new Map<string, string | null>();

  const holds: { method: string; gate: Promise<void>; open: () => void }[] = [];
  const hung = new Set<ServerResponse>();
  const waitIfHeld = async (method: string) => {
    const i = holds.findIndex((x) => x.method === method);
    if (i < 0) return;
    const [hold] = holds.splice(i, 1);
    await hold?.gate;
  };

  const takeFailure = (method: string): Failure | undefined => {
    const f = failures.find((x) => x.left > 0 && (x.method === method || x.method === '*'));
    if (!f) return undefined;
    f.left--;
    return f.failure;
  };

  /** Answers a failure; true if it did (then the call counts as not ok). */
  const fail = (res: ServerResponse, failure: Failure | undefined, asResponseUrl: boolean): boolean => {
    if (!failure) return false;
    if ('drop' in failure) {
      res.socket?.destroy();
      return true;
    }
    if ('hang' in failure) {
      hung.add(res);
      return true;
    }
    if ('error' in failure) {
      // The Web API answers 200 {ok:false}; a response_url answers 4xx with the code as text.
      if (asResponseUrl) res.writeHead(400, { 'content-type': 'text/plain' }).end(failure.error);
      else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: failure.error }));
      return true;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (failure.status === 429) headers['retry-after'] = String(failure.retryAfter ?? 1);
    res
      .writeHead(failure.status, headers)
      .end(JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' }));
    return true;
  };

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readBody(req).catch((): Record<string, unknown> => ({}));
    if (req.method === 'POST' && path.startsWith('/respond/')) {
      await waitIfHeld('response_url');
      const failed = fail(res, takeFailure('response_url'), true);
      responses.push({ id: path.slice('/respond/'.length), body, ok: !failed });
      if (!failed) res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method === 'POST' && path.startsWith('/api/')) {
      const at = performance.now();
      const method = path.slice('/api/'.length);
      await waitIfHeld(method);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
      const failed = fail(res, takeFailure(method), false);
      calls.push({ method, args: body, token, ok: !failed, at });
      if (!failed)
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(answer(method, body, locales, options)));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    calls,
    responses,
    responseUrl: (id) => `${origin}/respond/${id}`,
    posts: (method) => calls.filter((c) => c.method === method && c.ok),
    failNext(method, count, failure) {
      failures.push({ method, left: count, failure });
    },
    holdNext(method) {
      let open = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      holds.push({ method, gate, open });
      return open;
    },
    setLocale(user, locale) {
      locales.set(user, locale);
    },
    reset() {
      calls.length = 0;
      locales.clear();
      responses.length = 0;
      failures.length = 0;
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
