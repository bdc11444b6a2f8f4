/**
 * The Slack adapter running for real on loopback: the shared express server (createApp /
 * startServer, port 0) with Bolt's HTTP receiver, talking to the fake Web API. Retries never
 * wait: the requested delays are recorded instead.
 */
import type { Config, SlackConfig } from '../../adapters/config.ts';
import { createLogger } from '../../adapters/log.ts';
import { type RunningServer, startServer } from '../../adapters/server.ts';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import type { UserLocaleOptions } from '../../adapters/slack/userLocale.ts';
import { type Cita, loadCita } from '../../src/index.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slackApi.ts';
import { type SlackRequests, slackRequests } from './slackRequests.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-000-test-bot-token';

export interface SlackHarness {
  api: FakeSlackApi;
  adapter: SlackAdapter;
  server: RunningServer;
  baseUrl: string;
  slack: SlackRequests;
  /** Log lines (JSON), debug level included. */
  logs: string[];
  /** Parsed log records with this event name. */
  logged(event: string): Record<string, unknown>[];
  /** Delays the retries asked to wait, in ms. */
  delays: number[];
  /** Sends nothing; waits until every request is fully handled (answers sent or given up). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

let shipped: Promise<Cita> | undefined;
/** The shipped knowledge, loaded once for all tests. */
export function shippedCita(): Promise<Cita> {
  shipped ??= loadCita();
  return shipped;
}

export async function startSlackHarness(
  options: { cita?: Cita; rateLimitPerMinute?: number; locale?: UserLocaleOptions } = {},
): Promise<SlackHarness> {
  const cita = options.cita ?? (await shippedCita());
  const api = await startFakeSlackApi();
  const logs: string[] = [];
  const log = createLogger('debug', (line) => logs.push(line));
  const slackConfig: SlackConfig = {
    mode: 'http',
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: api.url,
  };
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'debug',
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    slack: slackConfig,
    teams: null,
  };
  const ctx = { getCita: () => cita, log, config };
  const delays: number[] = [];
  const adapter = createSlackAdapter(ctx, slackConfig, {
    retry: { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 },
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const server = await startServer(ctx, [adapter]);
  const baseUrl = `http://127.0.0.1:${server.port}`;
  return {
    api,
    adapter,
    server,
    baseUrl,
    slack: slackRequests(baseUrl, SIGNING_SECRET),
    logs,
    logged: (event) =>
      logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((record) => record.event === event),
    delays,
    async settle() {
      if (!(await adapter.idle(10_000))) throw new Error('Slack adapter still busy after 10 s');
    },
    async close() {
      await server.close();
      await api.close();
    },
  };
}
