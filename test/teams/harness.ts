/**
 * The real server (createApp/startServer) with the real Teams adapter on loopback, a fake Bot
 * Connector for its outgoing calls, captured logs, and builders for the activities Teams sends.
 */
import net from 'node:net';
import type { Config, TeamsConfig } from '../../adapters/config.ts';
import { createLogger } from '../../adapters/log.ts';
import { type RunningServer, startServer } from '../../adapters/server.ts';
import {
  createTeamsAdapter,
  type TeamsAdapterOptions,
  type TeamsContext,
} from '../../adapters/teams/index.ts';
import { type Cita, loadCita } from '../../src/index.ts';
import { type FakeConnector, startFakeConnector } from '../fakes/connector.ts';

export const LOCAL: TeamsConfig = { local: true, appType: 'MultiTenant' };
export const NO_DELAY = { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 };

export const BOT = { id: '28:cita-bot-id', name: 'Cita' };
export const USER = {
  id: '29:user-ana',
  name: 'Ana <b>Admin</b>',
  aadObjectId: '00000000-0000-0000-0000-00000000a0a0',
};
export const TENANT = '11111111-2222-3333-4444-555555555555';
export const CHANNEL_CONVERSATION = '19:abc123@thread.tacv2;messageid=1700000000001';

export interface Harness {
  readonly base: string;
  readonly connector: FakeConnector;
  readonly cita: Cita;
  /** Parsed log records. */
  readonly logs: Record<string, unknown>[];
  /** Raw log lines, to check that no secret is ever written. */
  readonly logLines: string[];
  /** Hosts of every TCP connection opened since the harness started. */
  readonly connections: string[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  teams?: TeamsConfig;
  adapter?: TeamsAdapterOptions;
  rateLimitPerMinute?: number;
  /** A core to use instead of the shipped knowledge. */
  cita?: Cita;
  /** Shared services main.ts would pass (rate limiter, in-flight tracker). */
  shared?: Pick<TeamsContext, 'limiter' | 'inflight'>;
}

// Every TCP connection in the process goes through Socket#connect: recording its host shows
// that the adapter never talks to anything but the loopback fakes (no token or metadata fetches).
const connections: string[] = [];
const originalConnect = net.Socket.prototype.connect;
let patched = false;
function recordConnections(): void {
  if (patched) return;
  patched = true;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; path?: string } | number | string | unknown[];
    const options = Array.isArray(first) ? first[0] : first;
    const host =
      typeof options === 'object' && options !== null
        ? ((options as { host?: string; path?: string }).host ??
          (options as { path?: string }).path ??
          'localhost')
        : typeof args[1] === 'string'
          ? args[1]
          : 'localhost';
    connections.push(String(host));
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  recordConnections();
  const from = connections.length;
  const connector = await startFakeConnector();
  const cita = options.cita ?? (await loadCita());
  const logs: Record<string, unknown>[] = [];
  const logLines: string[] = [];
  const log = createLogger('debug', (line) => {
    logLines.push(line);
    logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  const teams = options.teams ?? LOCAL;
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'debug',
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    slack: null,
    teams,
  };
  const ctx: TeamsContext = { getCita: () => cita, log, config, ...options.shared };
  const adapter = createTeamsAdapter(ctx, teams, { retry: NO_DELAY, ...options.adapter });
  const server: RunningServer = await startServer(ctx, [adapter]);
  const base = `http://127.0.0.1:${server.port}`;
  return {
    base,
    connector,
    cita,
    logs,
    logLines,
    get connections() {
      return connections.slice(from);
    },
    async post(body, headers = {}) {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    async close() {
      await server.close();
      await connector.close();
    },
  };
}

let sequence = 0;
const nextId = () => `1700000000${String(++sequence).padStart(3, '0')}`;

function base(serviceUrl: string) {
  return {
    id: nextId(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: '2025-01-01T10:00:00.000Z',
    from: USER,
    recipient: BOT,
    locale: 'en-US',
  };
}

/** `@Cita <text>` in a channel thread. */
export function channelMessage(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    ...base(serviceUrl),
    type: 'message',
    text: `<at>Cita</at> ${text}`,
    textFormat: 'plain',
    conversation: { id: CHANNEL_CONVERSATION, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    entities: [{ type: 'mention', text: '<at>Cita</at>', mentioned: BOT }],
    channelData: {
      tenant: { id: TENANT },
      team: { id: '19:team@thread.tacv2' },
      channel: { id: '19:abc123@thread.tacv2' },
    },
    ...extra,
  };
}

/** A message in the personal (1:1) chat with Cita. */
export function personalMessage(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    ...base(serviceUrl),
    type: 'message',
    text,
    conversation: { id: 'a:1personal-chat-with-ana', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

/** A button click (`Action.Submit`) on one of Cita's cards in a channel. */
export function channelClick(serviceUrl: string, value: unknown) {
  return channelMessage(serviceUrl, '', {
    text: undefined,
    entities: undefined,
    value,
    replyToId: 'card-activity-1',
  });
}

export function feedbackInvoke(serviceUrl: string, value: unknown) {
  return {
    ...base(serviceUrl),
    type: 'invoke',
    name: 'message/submitAction',
    value,
    replyToId: 'answer-activity-1',
    conversation: { id: CHANNEL_CONVERSATION, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

export function botAdded(serviceUrl: string) {
  return {
    ...base(serviceUrl),
    type: 'conversationUpdate',
    membersAdded: [BOT],
    conversation: { id: CHANNEL_CONVERSATION, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, eventType: 'teamMemberAdded' },
  };
}
