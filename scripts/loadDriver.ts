/**
 * Load on loopback: the real server (Bolt's HTTP receiver, CloudAdapter with TEAMS_LOCAL-style
 * config) or a bare Bolt app / bare CloudAdapter that replies with a fixed text, fed signed Slack
 * events and Teams channel mentions by concurrent senders, answered into the fake Web API / fake
 * Bot Connector. Counts answers per question at the fakes, so "exactly once" is checked where
 * the user would see it. Used by `npm run load`, test/load.test.ts and scripts/bench/e2e.ts.
 */
import { performance } from 'node:perf_hooks';
import { App, ExpressReceiver, webApi } from '@slack/bolt';
import {
  type Activity,
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import express, { type Express, Router } from 'express';
import type { Config, SlackConfig, TeamsConfig } from '../adapters/config.ts';
import { createInFlight, type InFlight } from '../adapters/inflight.ts';
import { createLogger, type LogLevel } from '../adapters/log.ts';
import { type Adapter, startServer } from '../adapters/server.ts';
import type { RetryPolicy } from '../adapters/slack/deliver.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import { type SlackMessage, threadAnswer } from '../adapters/slack/messages.ts';
import { createTeamsAdapter } from '../adapters/teams/index.ts';
import { answerMessage } from '../adapters/teams/messages.ts';
import type { RetryOptions } from '../adapters/teams/retry.ts';
import { type Cita, loadCita } from '../src/index.ts';
import { type FakeConnector, startFakeConnector } from '../test/fakes/connector.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../test/fakes/slackApi.ts';
import { BOT_ID, BOT_USER_ID, slackRequests } from '../test/helpers/slackRequests.ts';

export const LOAD_SIGNING_SECRET = 'load-signing-secret-0123456789';
export const LOAD_BOT_TOKEN = 'xoxb-000-load-bot-token-do-not-log';
export const BARE_TEXT = 'ok';
const SLACK_PATH = '/slack/events';
/** The @mention the load driver puts before each question, on either platform. */
const MENTION = /^(<@[A-Z0-9]+>|<at>[^<]*<\/at>)\s*/;

/**
 * `cita`: the real adapters. `bare`: a bare Bolt app / CloudAdapter replying {@link BARE_TEXT}.
 * `bare-reply`: the same bare apps sending, instead, the message Cita would send for that question
 * (rendered once per question, then reused): the SDKs' cost of carrying a real answer, without
 * Cita's own work.
 */
export type TargetKind = 'cita' | 'bare' | 'bare-reply';

export interface TargetOptions {
  kind?: TargetKind;
  /** The core for `cita` (default: the shipped knowledge). */
  cita?: Cita;
  logLevel?: LogLevel;
  /** Keep the log lines (to check them for secrets). */
  keepLogs?: boolean;
  /** Sees every log line as it is written. */
  onLine?: (line: string) => void;
  slackRetry?: RetryPolicy;
  slackTimeoutMs?: number;
  teamsRetry?: RetryOptions;
}

/** Where load is sent and answers are counted: a server under test and the fakes it answers into. */
export interface LoadEndpoint {
  readonly baseUrl: string;
  readonly slackApi: FakeSlackApi;
  readonly connector: FakeConnector;
  /** Waits (at most `ms`) until the server has no event still being handled. */
  drain(ms: number): Promise<unknown>;
}

/** The server under test alone (its fakes are started separately, maybe in another process). */
export interface ServedTarget {
  readonly kind: TargetKind;
  readonly baseUrl: string;
  readonly inflight: InFlight;
  /** Log lines (JSON) when `keepLogs`; error-level lines are always kept. */
  readonly logLines: string[];
  readonly errorLines: string[];
  close(): Promise<void>;
}

export interface LoadTarget extends LoadEndpoint, ServedTarget {}

/** Renders once per distinct question, then hands back the same message. */
function rendered<T>(render: (question: string) => T): (question: string) => T {
  const seen = new Map<string, T>();
  return (question) => {
    let message = seen.get(question);
    if (message === undefined) {
      message = render(question);
      seen.set(question, message);
    }
    return message;
  };
}

/**
 * A Bolt app answering every mention in its thread with {@link BARE_TEXT} (Bolt's own cost), or
 * with `reply(question)` when given.
 */
function bareSlack(apiUrl: string, inflight: InFlight, reply?: (question: string) => SlackMessage): Adapter {
  const router = Router();
  const receiver = new ExpressReceiver({ signingSecret: LOAD_SIGNING_SECRET, endpoints: SLACK_PATH, router });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: LOAD_BOT_TOKEN, botId: BOT_ID, botUserId: BOT_USER_ID }),
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
    convoStore: false,
  });
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => inflight.track(processEvent(event));
  app.event('app_mention', async ({ event, client }) => {
    const target = { channel: event.channel, thread_ts: event.ts };
    if (!reply) return void (await client.chat.postMessage({ ...target, text: BARE_TEXT }));
    // As Cita's deliverer posts it (adapters/slack/deliver.ts): text, blocks, no unfurling.
    const { text, blocks } = reply(event.text.replace(MENTION, ''));
    await client.chat.postMessage({ ...target, text, blocks, unfurl_links: false, unfurl_media: false });
  });
  return {
    name: 'slack',
    mount: (server: Express) => void server.use(router),
    start: async () => {},
    stop: async () => {},
  };
}

/**
 * A CloudAdapter without authentication replying {@link BARE_TEXT} (botbuilder's own cost), or
 * `reply(question)` when given.
 */
function bareTeams(inflight: InFlight, reply?: (question: string) => Partial<Activity>): Adapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context: TurnContext, next) => {
    await context.sendActivity(reply?.((context.activity.text ?? '').replace(MENTION, '')) ?? BARE_TEXT);
    await next();
  });
  return {
    name: 'teams',
    mount(server: Express) {
      server.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
        await inflight.track(adapter.process(req, res, (context) => bot.run(context)));
      });
    },
    start: async () => {},
    stop: async () => {},
  };
}

export interface Fakes {
  readonly slackApi: FakeSlackApi;
  readonly connector: FakeConnector;
  close(): Promise<void>;
}

/** The fake Slack Web API and the fake Bot Connector, on 127.0.0.1. */
export async function startFakes(): Promise<Fakes> {
  const [slackApi, connector] = await Promise.all([startFakeSlackApi(), startFakeConnector()]);
  return {
    slackApi,
    connector,
    close: async () => void (await Promise.all([slackApi.close(), connector.close()])),
  };
}

/**
 * Starts a server on 127.0.0.1 (a free port) with Slack and Teams mounted, answering Slack into
 * `slackApiUrl` (Teams answers go to each activity's serviceUrl).
 */
export async function serveTarget(slackApiUrl: string, options: TargetOptions = {}): Promise<ServedTarget> {
  const kind = options.kind ?? 'cita';
  const logLines: string[] = [];
  const errorLines: string[] = [];
  const log = createLogger(options.logLevel ?? 'info', (line) => {
    options.onLine?.(line);
    if (options.keepLogs) logLines.push(line);
    if (line.includes('"level":"error"')) errorLines.push(line);
  });
  const slack: SlackConfig = {
    mode: 'http',
    botToken: LOAD_BOT_TOKEN,
    signingSecret: LOAD_SIGNING_SECRET,
    apiUrl: slackApiUrl,
  };
  const teams: TeamsConfig = { local: true, appType: 'MultiTenant' };
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    rateLimitPerMinute: 0,
    slack,
    teams,
  };
  const inflight = createInFlight();
  const cita = options.cita ?? (await loadCita());
  const ctx = { getCita: () => cita, log, config, inflight };
  const adapters =
    kind === 'bare'
      ? [bareSlack(slackApiUrl, inflight), bareTeams(inflight)]
      : kind === 'bare-reply'
        ? [
            bareSlack(
              slackApiUrl,
              inflight,
              rendered((q) => threadAnswer(cita.ask(q))),
            ),
            bareTeams(
              inflight,
              rendered((q) => answerMessage(cita.ask(q), 'channel')),
            ),
          ]
        : [
            createSlackAdapter(ctx, slack, {
              ...(options.slackRetry ? { retry: options.slackRetry } : {}),
              ...(options.slackTimeoutMs ? { timeoutMs: options.slackTimeoutMs } : {}),
            }),
            createTeamsAdapter(ctx, teams, options.teamsRetry ? { retry: options.teamsRetry } : {}),
          ];
  const server = await startServer(ctx, adapters);
  return {
    kind,
    baseUrl: `http://127.0.0.1:${server.port}`,
    inflight,
    logLines,
    errorLines,
    close: () => server.close(),
  };
}

/** Starts the fakes and a server answering into them, all in this process. */
export async function startTarget(options: TargetOptions = {}): Promise<LoadTarget> {
  const fakes = await startFakes();
  const { slackApi, connector } = fakes;
  let served: ServedTarget;
  try {
    served = await serveTarget(slackApi.url, options);
  } catch (error) {
    await fakes.close();
    throw error;
  }
  return {
    ...served,
    slackApi,
    connector,
    drain: (ms) => served.inflight.drain(ms),
    async close() {
      await served.close();
      await fakes.close();
    },
  };
}

export interface PlatformResult {
  sent: number;
  /** Questions with exactly one answer. */
  answeredOnce: number;
  /** Questions answered more than once. */
  duplicates: number;
  /** Questions never answered. */
  missing: number;
  /** HTTP answers other than 2xx, and requests that failed outright. */
  httpErrors: number;
  /** Questions per second, from the first request sent to the last answer received. */
  rps: number;
  /** Milliseconds from request sent to answer at the fake. */
  p50: number;
  p99: number;
  max: number;
}

export interface LoadOptions {
  slack?: number;
  teams?: number;
  /** Concurrent senders per platform (each sends its next request when the last one is answered by HTTP). */
  concurrency?: number;
  /** Questions asked, in turn. */
  questions?: readonly string[];
  /** Upper bound on the whole run. */
  timeoutMs?: number;
  /** Distinguishes ids between runs against the same target. */
  runId?: string;
}

export interface LoadResult {
  slack: PlatformResult | null;
  teams: PlatformResult | null;
  ms: number;
}

export const DEFAULT_QUESTIONS = [
  'How much is Microsoft investing in Mexico?',
  'Who is the CEO of Microsoft Mexico?',
  'What did the articles say about data centers?',
  'How many people will be trained?',
];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Runs `count` jobs over `concurrency` workers; each job is awaited before the worker takes the next. */
async function pool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Pending {
  sentAt: Map<string, number>;
  httpErrors: number;
  started: number;
}

function summarize(
  pending: Pending,
  answers: readonly { key: string | undefined; at: number }[],
): PlatformResult {
  const byKey = new Map<string, number[]>();
  for (const a of answers) {
    if (!a.key || !pending.sentAt.has(a.key)) continue;
    byKey.set(a.key, [...(byKey.get(a.key) ?? []), a.at]);
  }
  const latencies: number[] = [];
  let last = pending.started;
  let once = 0;
  let duplicates = 0;
  for (const [key, sent] of pending.sentAt) {
    const at = byKey.get(key);
    if (!at) continue;
    if (at.length === 1) once++;
    else duplicates++;
    const first = Math.min(...at);
    latencies.push(first - sent);
    last = Math.max(last, first);
  }
  latencies.sort((a, b) => a - b);
  const answered = byKey.size;
  const seconds = (last - pending.started) / 1000;
  return {
    sent: pending.sentAt.size,
    answeredOnce: once,
    duplicates,
    missing: pending.sentAt.size - answered,
    httpErrors: pending.httpErrors,
    rps: seconds > 0 ? Math.round((answered / seconds) * 10) / 10 : 0,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    max: Math.round((latencies.at(-1) ?? 0) * 10) / 10,
  };
}

let runs = 0;
let tsSeq = 0;

/**
 * Sends `slack` signed app_mention events and `teams` channel @mentions (both at once when both
 * are asked for), waits until each has an answer at the fakes (or `timeoutMs`), lets in-flight
 * work drain, and reports exactly-once counts and latencies.
 */
export async function runLoad(target: LoadEndpoint, options: LoadOptions = {}): Promise<LoadResult> {
  const concurrency = options.concurrency ?? 20;
  const questions = options.questions ?? DEFAULT_QUESTIONS;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const run = options.runId ?? `r${++runs}-${Date.now().toString(36)}`;
  const deadline = Date.now() + timeoutMs;
  const started = performance.now();
  const slackCount = options.slack ?? 0;
  const teamsCount = options.teams ?? 0;
  const slackCallsFrom = target.slackApi.calls.length;
  const teamsCallsFrom = target.connector.calls.length;
  const signed = slackRequests(target.baseUrl, LOAD_SIGNING_SECRET);

  const slack: Pending = { sentAt: new Map(), httpErrors: 0, started };
  const teams: Pending = { sentAt: new Map(), httpErrors: 0, started };

  const sendSlack = async (i: number) => {
    if (Date.now() > deadline) return;
    const ts = `${1_800_000_000 + ++tsSeq}.000100`;
    const event = {
      type: 'app_mention',
      user: `U0SENDER${i % concurrency}`,
      text: `<@${BOT_USER_ID}> ${questions[i % questions.length]}`,
      ts,
      channel: 'C0LOAD',
      event_ts: ts,
    };
    slack.sentAt.set(ts, performance.now());
    try {
      const res = await signed.event(event, { eventId: `Ev${run}-${i}` });
      await res.arrayBuffer();
      if (!res.ok) slack.httpErrors++;
    } catch {
      slack.httpErrors++;
    }
  };

  const sendTeams = async (i: number) => {
    if (Date.now() > deadline) return;
    const id = `${run}-${i}`;
    const activity = {
      type: 'message',
      id,
      channelId: 'msteams',
      serviceUrl: target.connector.url,
      timestamp: new Date().toISOString(),
      from: { id: `29:sender-${i % concurrency}`, name: 'Sender', aadObjectId: `aad-${i % concurrency}` },
      recipient: { id: '28:cita-bot-id', name: 'Cita' },
      conversation: {
        id: `19:load@thread.tacv2;messageid=${id}`,
        conversationType: 'channel',
        isGroup: true,
        tenantId: 'tenant-load',
      },
      text: `<at>Cita</at> ${questions[i % questions.length]}`,
      textFormat: 'plain',
      entities: [
        { type: 'mention', text: '<at>Cita</at>', mentioned: { id: '28:cita-bot-id', name: 'Cita' } },
      ],
      channelData: { tenant: { id: 'tenant-load' }, team: { id: '19:team@thread.tacv2' } },
      locale: 'en-US',
    };
    teams.sentAt.set(id, performance.now());
    try {
      const res = await fetch(`${target.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      });
      await res.arrayBuffer();
      if (!res.ok) teams.httpErrors++;
    } catch {
      teams.httpErrors++;
    }
  };

  const slackAnswers = () =>
    target.slackApi.calls
      .slice(slackCallsFrom)
      .filter((c) => c.ok && c.method === 'chat.postMessage')
      .map((c) => ({ key: typeof c.args.thread_ts === 'string' ? c.args.thread_ts : undefined, at: c.at }));
  const teamsAnswers = () =>
    target.connector.calls
      .slice(teamsCallsFrom)
      .filter((c) => c.status > 0 && c.status < 300)
      .map((c) => ({ key: c.replyToId ?? c.body?.replyToId, at: c.at }));

  await Promise.all([pool(slackCount, concurrency, sendSlack), pool(teamsCount, concurrency, sendTeams)]);

  // Slack acknowledges before answering: wait for the answers themselves, within the deadline.
  const answered = () =>
    new Set(slackAnswers().map((a) => a.key)).size >= slack.sentAt.size &&
    new Set(teamsAnswers().map((a) => a.key)).size >= teams.sentAt.size;
  while (!answered() && Date.now() < deadline) await sleep(5);
  await target.drain(Math.max(0, deadline - Date.now()));
  await sleep(50); // a late duplicate would show up here

  return {
    slack: slackCount > 0 ? summarize(slack, slackAnswers()) : null,
    teams: teamsCount > 0 ? summarize(teams, teamsAnswers()) : null,
    ms: Math.round(performance.now() - started),
  };
}
