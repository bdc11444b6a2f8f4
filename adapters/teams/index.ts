/**
 * The Teams adapter's wiring: botbuilder's CloudAdapter with authentication built from our
 * validated TeamsConfig, bounded connector retries, the entity-serialization workaround,
 * onTurnError, and `POST /api/messages`. Behaviour lives in bot.ts. Every botbuilder import stays
 * inside adapters/teams, so moving to the Microsoft 365 Agents SDK touches nothing else.
 */
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import express, { type Express } from 'express';
import { z } from 'zod';
import { type AnswerLanguage, detectLanguage } from '../../src/index.ts';
import type { TeamsConfig } from '../config.ts';
import type { InFlight } from '../inflight.ts';
import type { Logger } from '../log.ts';
import { createRateLimiter, type RateLimiter } from '../rateLimit.ts';
import type { Adapter, AdapterContext } from '../server.ts';
import { CitaBot, conversationScope } from './bot.ts';
import { applyEntitySerializationFix } from './entityFix.ts';
import { cleanIncomingText } from './markup.ts';
import { turnErrorText } from './messages.ts';
import { boundConnectorRetries, DEFAULT_RETRY, type RetryOptions } from './retry.ts';

/**
 * The shared services main.ts passes beside the AdapterContext fields: the per-user rate limiter
 * and the in-flight tracker that SIGTERM drains. Optional, so tests and older callers can omit them.
 */
export type TeamsContext = AdapterContext & { limiter?: RateLimiter; inflight?: InFlight };

export interface TeamsAdapterOptions {
  /** Connector retries (tests use zero delays). */
  retry?: RetryOptions;
}

type Auth = ConfigurationBotFrameworkAuthentication;
type ConnectorFactory = ReturnType<Auth['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** Connector clients kept at once: Teams replies to a few service URLs, local use to one. */
export const MAX_CONNECTOR_CLIENTS = 100;

/**
 * A factory that builds one connector client (with `prepare`) per app id, service URL and
 * audience, and hands that one to later turns. botbuilder's factory builds a new one (credentials
 * and a whole HTTP pipeline) for every turn; a client keeps no state of a turn, so reusing it
 * changes nothing that is sent. `inner`'s app id is the one botbuilder took from the request's
 * claims; a factory without it (a botbuilder that moved it) is never reused from.
 */
export function reusingConnectorFactory(
  inner: ConnectorFactory,
  clients: Map<string, Promise<ConnectorClient>>,
  prepare: (client: ConnectorClient) => void,
  max = MAX_CONNECTOR_CLIENTS,
): ConnectorFactory {
  const build = async (serviceUrl: string, audience?: string) => {
    const client = await inner.create(serviceUrl, audience);
    prepare(client);
    return client;
  };
  if (!Object.hasOwn(inner, 'appId')) return { create: build };
  const appId = (inner as { appId?: unknown }).appId;
  return {
    create(serviceUrl: string, audience?: string) {
      const key = JSON.stringify([appId, serviceUrl, audience]);
      const known = clients.get(key);
      if (known) return known;
      const client = build(serviceUrl, audience);
      // A failed build (e.g. no credentials) is not kept: the next turn tries again.
      client.catch(() => {
        if (clients.get(key) === client) clients.delete(key);
      });
      if (clients.size >= max) clients.delete(clients.keys().next().value as string);
      clients.set(key, client);
      return client;
    },
  };
}

/**
 * Authentication from TeamsConfig (never from process.env) whose connector clients all get
 * {@link boundConnectorRetries}: the ones made for incoming turns (via authenticateRequest) and
 * for proactive chats (via createConnectorFactory). Clients are reused across turns
 * ({@link reusingConnectorFactory}).
 */
class CitaAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(
    config: TeamsConfig,
    private readonly retry: RetryOptions,
    private readonly log: Logger,
  ) {
    super(
      config.local
        ? {}
        : {
            MicrosoftAppId: config.appId ?? '',
            MicrosoftAppPassword: config.appPassword ?? '',
            MicrosoftAppType: config.appType,
            MicrosoftAppTenantId: config.tenantId ?? '',
          },
    );
  }

  private bounded(inner: ConnectorFactory): ConnectorFactory {
    return reusingConnectorFactory(inner, this.clients, (client) =>
      boundConnectorRetries(client, this.retry, this.log),
    );
  }

  override async authenticateRequest(...args: Parameters<Auth['authenticateRequest']>) {
    const result = await super.authenticateRequest(...args);
    if (result.connectorFactory) result.connectorFactory = this.bounded(result.connectorFactory);
    return result;
  }

  override createConnectorFactory(...args: Parameters<Auth['createConnectorFactory']>): ConnectorFactory {
    return this.bounded(super.createConnectorFactory(...args));
  }
}

/** `Authorization: Bearer <token>`: anything else is refused before botbuilder sees the request. */
function hasBearerToken(header: string | undefined): boolean {
  return typeof header === 'string' && /^Bearer\s+\S+$/i.test(header.trim());
}

const activityShape = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }),
});

/**
 * Why an activity cannot be processed, or null. Replies go to the activity's serviceUrl; with
 * authentication Teams' token vouches for it, but unauthenticated local use must not let anyone
 * make the bot POST to any address, so there it must be a loopback URL (Emulator, Playground).
 */
export function rejectActivity(body: unknown, local: boolean): string | null {
  const parsed = activityShape.safeParse(body);
  if (!parsed.success) return 'not an activity (type, serviceUrl and conversation.id are required)';
  let url: URL;
  try {
    url = new URL(parsed.data.serviceUrl);
  } catch {
    return 'serviceUrl is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'serviceUrl is not http(s)';
  if (local && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname)) {
    return 'TEAMS_LOCAL only accepts a loopback serviceUrl (Emulator, Agents Playground)';
  }
  return null;
}

/**
 * The language of a turn that failed: its text's, with its locale as a hint. Never throws, whatever
 * the activity holds (English when nothing can be read), so the apology always goes out.
 */
export function turnErrorLanguage(activity: Partial<Activity>): AnswerLanguage {
  try {
    const locale = typeof activity.locale === 'string' ? activity.locale : undefined;
    return detectLanguage(cleanIncomingText(activity.text), locale);
  } catch {
    return 'en';
  }
}

export function createTeamsAdapter(
  ctx: TeamsContext,
  config: TeamsConfig,
  options: TeamsAdapterOptions = {},
): Adapter {
  const log = ctx.log.child({ adapter: 'teams' });
  applyEntitySerializationFix();
  const adapter = new CloudAdapter(new CitaAuthentication(config, options.retry ?? DEFAULT_RETRY, log));

  // Logs the error (never its details to the user) and tells the user something went wrong; a
  // failure to say so (connector down) is logged too and never escapes the turn.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const activity = context.activity;
    log.error('teams.turn_error', {
      error,
      stack: error?.stack,
      activityType: activity.type,
      scope: conversationScope(activity),
    });
    if (activity.type !== 'message') return;
    try {
      await context.sendActivity(turnErrorText(turnErrorLanguage(activity)));
    } catch (replyError) {
      log.error('teams.turn_error.reply_failed', { error: replyError });
    }
  };

  const bot = new CitaBot({
    getCita: () => ctx.getCita(),
    log,
    appId: config.local ? '' : (config.appId ?? ''),
    limiter: ctx.limiter ?? createRateLimiter(ctx.config.rateLimitPerMinute),
  });

  return {
    name: 'teams',
    mount(app: Express) {
      // JSON parsing on this route only: Slack's routes need raw bodies to check signatures.
      app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
        // botbuilder would also answer 401 here; refusing early keeps it out of the request entirely.
        if (!config.local && !hasBearerToken(req.headers.authorization)) {
          log.warn('teams.unauthorized', { reason: 'no bearer token', ip: req.ip });
          res.status(401).json({ error: 'unauthorized' });
          return;
        }
        const rejected = rejectActivity(req.body, config.local);
        if (rejected) {
          log.warn('teams.bad_request', { reason: rejected });
          res.status(400).json({ error: rejected });
          return;
        }
        // Tracked so that shutdown waits for the reply being sent.
        const turn = adapter.process(req, res, (context) => bot.run(context));
        await (ctx.inflight ? ctx.inflight.track(turn) : turn);
      });
    },
    async start() {
      log.info('teams.ready', {
        route: '/api/messages',
        authenticated: !config.local,
        appType: config.appType,
      });
    },
    async stop() {},
  };
}
