/**
 * The Slack adapter: a Bolt app over the core. HTTP mode mounts Bolt's ExpressReceiver on the
 * shared server at POST /slack/events (events, slash commands and button clicks); Socket Mode
 * opens a WebSocket to Slack instead and needs no public URL.
 */
import { App, ExpressReceiver, webApi } from '@slack/bolt';
import { type Express, Router } from 'express';
import type { SlackConfig } from '../config.ts';
import { createInFlight, type InFlight } from '../inflight.ts';
import { createRateLimiter, type RateLimiter } from '../rateLimit.ts';
import type { Adapter, AdapterContext } from '../server.ts';
import { createBotAuth } from './auth.ts';
import { boltLogger } from './boltLogger.ts';
import { createDedupe, type DedupeOptions } from './dedupe.ts';
import { createDeliverer, DEFAULT_RETRY, type RetryPolicy, type Sleep } from './deliver.ts';
import { registerListeners } from './listeners/index.ts';
import { createUserLocales, type UserLocaleOptions } from './userLocale.ts';

export const SLACK_EVENTS_PATH = '/slack/events';
/** The largest request body /slack/events reads (as for Teams' /api/messages). */
export const SLACK_BODY_LIMIT = 1024 * 1024;

export interface SlackAdapterOptions {
  /** Retries of Web API and response_url calls (tests use `maxDelayMs: 0`). */
  retry?: RetryPolicy;
  /** How retries wait (tests record the delays instead of waiting). */
  sleep?: Sleep;
  dedupe?: DedupeOptions;
  /** Web API request timeout. */
  timeoutMs?: number;
  /** How long `stop()` waits for answers in progress. */
  drainMs?: number;
  /** The users' locale lookups (`users.info`): cache lifetimes and how long an answer waits. */
  locale?: UserLocaleOptions;
}

/**
 * What the Slack adapter may share with the rest of the process: the per-user rate limiter
 * (RATE_LIMIT_PER_MINUTE) and the in-flight tracker that shutdown drains. Both optional.
 */
export type SlackContext = AdapterContext & { limiter?: RateLimiter; inflight?: InFlight };

export interface SlackAdapter extends Adapter {
  readonly app: App;
  /**
   * Resolves true once every request being handled has finished (its answer sent, or given up
   * and logged), false if some are still running after `timeoutMs`.
   */
  idle(timeoutMs?: number): Promise<boolean>;
}

export function createSlackAdapter(
  ctx: SlackContext,
  config: SlackConfig,
  options: SlackAdapterOptions = {},
): SlackAdapter {
  const log = ctx.log.child({ adapter: 'slack' });
  const logger = boltLogger(log);
  const retry = { policy: options.retry ?? DEFAULT_RETRY, sleep: options.sleep };
  // Our retries (deliver.ts) are the only ones: the client's default retries for ~30 minutes and
  // pauses every call on a 429.
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    logger,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
  };
  const auth = createBotAuth(
    new webApi.WebClient(config.botToken, clientOptions),
    config.botToken,
    log,
    retry,
  );
  const common = {
    logger,
    clientOptions,
    authorize: auth.authorize,
    ignoreSelf: true,
    convoStore: false as const,
  };

  // HTTP mode: Bolt's routes live on this router, mounted on the shared server in mount(). (The
  // receiver also builds an express app of its own; it is never started.)
  const router = Router();
  let app: App;
  if (config.mode === 'socket') {
    if (!config.appToken) throw new Error('Slack Socket Mode needs SLACK_APP_TOKEN');
    // The socket's own client (apps.connections.open, at start and on every reconnect) keeps the
    // SDK's retries: without them, one failed call while Slack recycles the socket ends the
    // connection for good (and rejects where nothing can catch it).
    const { retryConfig: _ours, rejectRateLimitedCalls: _alsoOurs, ...socketClientOptions } = clientOptions;
    app = new App({
      ...common,
      socketMode: true,
      appToken: config.appToken,
      installerOptions: { clientOptions: socketClientOptions },
    });
  } else {
    if (!config.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET');
    const receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      router,
      logger,
      // Bolt reads up to 4 MB before checking the signature; nothing Slack sends comes near 1 MB.
      bodyLimit: SLACK_BODY_LIMIT,
    });
    app = new App({ ...common, receiver });
  }
  app.error(async (error) => {
    log.error('slack.unhandled', { error });
  });

  // Every receiver hands each request to app.processEvent before acknowledging it: tracking it
  // there lets stop() and tests wait for answers that are still on their way.
  const inflight = ctx.inflight ?? createInFlight();
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => inflight.track(processEvent(event));

  const deliver = createDeliverer(log, retry.policy, retry.sleep);
  registerListeners(app, {
    getCita: () => ctx.getCita(),
    log,
    deliver,
    seen: createDedupe(options.dedupe),
    limiter: ctx.limiter ?? createRateLimiter(ctx.config.rateLimitPerMinute),
    locales: createUserLocales(log, options.locale),
  });

  let socketOpen = false;
  return {
    name: 'slack',
    app,
    mount(server: Express) {
      if (config.mode === 'http') server.use(router);
    },
    async start() {
      await auth.check();
      if (config.mode === 'socket') {
        await app.start();
        socketOpen = true;
      }
      log.info(
        'slack.ready',
        config.mode === 'http' ? { mode: 'http', path: SLACK_EVENTS_PATH } : { mode: 'socket' },
      );
    },
    async stop() {
      if (socketOpen) {
        socketOpen = false;
        await app.stop();
      }
      if (!(await inflight.drain(options.drainMs ?? 8_000)))
        log.warn('slack.stop_timeout', { inFlight: inflight.size });
    },
    idle: (timeoutMs = 30_000) => inflight.drain(timeoutMs),
  };
}
