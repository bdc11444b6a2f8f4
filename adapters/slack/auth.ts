/**
 * Who the bot is (its bot id and user id), asked once with `auth.test` and remembered. Bolt needs
 * both to ignore Cita's own messages; asking ourselves, with bounded retries, means a network
 * hiccup at start-up delays the lookup to the first event instead of crashing the process, while
 * a token Slack rejects stops the start with a clear message.
 */
import type { AuthorizeResult, webApi } from '@slack/bolt';
import type { Logger } from '../log.ts';
import { describeError, platformError, type RetryPolicy, type Sleep, withRetry } from './deliver.ts';

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

export interface BotAuth {
  /** Bolt's `authorize`: the token plus the bot's ids, looked up once. */
  authorize(): Promise<AuthorizeResult>;
  /** Looks the bot up now: throws if Slack rejects the token, logs and carries on if Slack is unreachable. */
  check(): Promise<void>;
}

export function createBotAuth(
  client: webApi.WebClient,
  botToken: string,
  log: Logger,
  retry: { policy: RetryPolicy; sleep?: Sleep },
): BotAuth {
  let known: Promise<BotIdentity> | undefined;
  const lookup = (): Promise<BotIdentity> => {
    known ??= withRetry('auth.test', () => client.auth.test({ token: botToken }), { ...retry, log }).then(
      (r): BotIdentity => ({
        ...(typeof r.bot_id === 'string' ? { botId: r.bot_id } : {}),
        ...(typeof r.user_id === 'string' ? { botUserId: r.user_id } : {}),
      }),
      (error: unknown) => {
        known = undefined; // not remembered: the next event asks again
        throw error;
      },
    );
    return known;
  };
  return {
    async authorize() {
      return { botToken, ...(await lookup()) };
    },
    async check() {
      try {
        const identity = await lookup();
        log.info('slack.identity', { botUserId: identity.botUserId, botId: identity.botId });
      } catch (error) {
        const code = platformError(error);
        if (code) throw new Error(`Slack rejected SLACK_BOT_TOKEN (auth.test: ${code})`);
        log.warn('slack.identity_unavailable', describeError(error));
      }
    },
  };
}
