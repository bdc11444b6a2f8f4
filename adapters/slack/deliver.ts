/**
 * Getting a message to Slack: bounded retries on 429 (honouring Retry-After), 5xx and network
 * errors, a plain-text repost when Slack rejects the blocks, and a log line for every failure.
 * Nothing here throws: a failed delivery is logged, never a crash.
 *
 * The Web API client's own retries are turned off (index.ts) so these are the only ones: the
 * client's default would retry for about 30 minutes, and a 429 would pause every other call.
 */
import type { RespondArguments, RespondFn, types, webApi } from '@slack/bolt';
import type { Logger } from '../log.ts';
import type { SlackMessage } from './messages.ts';

type WebClient = webApi.WebClient;

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff for 5xx and network errors; doubled on each retry. */
  baseDelayMs: number;
  /** Upper bound on any wait, Retry-After included (tests set 0). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };

export type Sleep = (ms: number) => Promise<void>;
const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slack's answers that mean "these blocks are not acceptable": the text alone may still go through. */
const BLOCKS_REJECTED = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_blocks_too_long',
  'invalid_arguments',
  'too_many_blocks',
]);

interface ErrorShape {
  code?: unknown;
  statusCode?: unknown;
  retryAfter?: unknown;
  data?: { error?: unknown };
  cause?: unknown;
}

function shape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

/** The Slack error code (`invalid_blocks`, `not_in_channel`…) of a platform error, if any. */
export function platformError(error: unknown): string | undefined {
  const e = shape(error);
  return e.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string'
    ? e.data.error
    : undefined;
}

/**
 * How long to wait before retrying after `error` (attempt 0 = the first retry), or null when a
 * retry cannot help (Slack said no: bad channel, bad blocks, bad token…).
 */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy): number | null {
  const e = shape(error);
  const backoff = policy.baseDelayMs * 2 ** attempt;
  let delay: number | null = null;
  if (e.code === 'slack_webapi_rate_limited_error')
    delay = (typeof e.retryAfter === 'number' ? e.retryAfter : 1) * 1000;
  else if (e.code === 'slack_webapi_request_error') delay = backoff;
  else if (e.code === 'slack_webapi_http_error' && typeof e.statusCode === 'number' && e.statusCode >= 500)
    delay = backoff;
  else if (e.code === 'slack_bolt_respond_error' && typeof e.statusCode === 'number')
    delay = e.statusCode === 429 || e.statusCode >= 500 ? backoff : null;
  // fetch() (used for response_url) rejects with a TypeError when the network fails.
  else if (error instanceof TypeError && /fetch failed/i.test(error.message)) delay = backoff;
  return delay === null ? null : Math.min(Math.max(delay, 0), policy.maxDelayMs);
}

/** What to log about an error: codes and statuses, never request bodies or tokens. */
export function describeError(error: unknown): Record<string, unknown> {
  const e = shape(error);
  const out: Record<string, unknown> = {};
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.statusCode === 'number') out.status = e.statusCode;
  if (typeof e.retryAfter === 'number') out.retryAfter = e.retryAfter;
  const slackError = platformError(error);
  if (slackError) out.slackError = slackError;
  out.message = error instanceof Error ? error.message : String(error);
  return out;
}

/** Runs `op`, retrying as {@link retryDelay} allows; rethrows the last error. */
export async function withRetry<T>(
  call: string,
  op: () => Promise<T>,
  options: { policy: RetryPolicy; log: Logger; sleep?: Sleep },
): Promise<T> {
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      const delay = attempt < options.policy.retries ? retryDelay(error, attempt, options.policy) : null;
      if (delay === null) throw error;
      options.log.warn('slack.retry', {
        call,
        attempt: attempt + 1,
        delayMs: delay,
        ...describeError(error),
      });
      await sleep(delay);
    }
  }
}

export interface Target {
  channel: string;
  /** Reply in this thread. */
  thread_ts?: string;
}

/** A message sent through a response_url. */
export interface ResponseMessage extends Partial<SlackMessage> {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
}

export interface Deliverer {
  /** Posts a message (links never unfurl); if the blocks are rejected, posts the text alone. */
  post(client: WebClient, target: Target, message: SlackMessage): Promise<boolean>;
  /** Opens (or finds) the DM with `user` and posts there. */
  dm(client: WebClient, user: string, message: SlackMessage): Promise<boolean>;
  /** Answers through a response_url (slash commands, button clicks). */
  respond(respond: RespondFn | undefined, message: ResponseMessage): Promise<boolean>;
  publishHome(client: WebClient, user: string, view: types.HomeView): Promise<boolean>;
}

function blocksOf(message: Partial<SlackMessage>): { blocks?: types.KnownBlock[] } {
  return message.blocks && message.blocks.length > 0 ? { blocks: message.blocks } : {};
}

export function createDeliverer(log: Logger, policy: RetryPolicy = DEFAULT_RETRY, sleep?: Sleep): Deliverer {
  const retry = <T>(call: string, op: () => Promise<T>) => withRetry(call, op, { policy, log, sleep });

  /** Runs `send(blocks)`; on a blocks rejection, once more with the text alone. */
  async function withTextFallback(
    call: string,
    message: Partial<SlackMessage>,
    send: (withBlocks: boolean) => Promise<unknown>,
  ) {
    try {
      await retry(call, () => send(true));
      return true;
    } catch (error) {
      // A response_url answers 400 (not a Slack error code) when it does not accept the blocks.
      const e = shape(error);
      const rejected =
        BLOCKS_REJECTED.has(platformError(error) ?? '') ||
        (e.code === 'slack_bolt_respond_error' && e.statusCode === 400);
      if (!rejected || !blocksOf(message).blocks) {
        log.error('slack.delivery_failed', { call, ...describeError(error) });
        return false;
      }
      log.warn('slack.blocks_rejected', { call, ...describeError(error) });
    }
    try {
      await retry(call, () => send(false));
      return true;
    } catch (error) {
      log.error('slack.delivery_failed', { call, fallback: 'text', ...describeError(error) });
      return false;
    }
  }

  const deliverer: Deliverer = {
    post: (client, target, message) =>
      withTextFallback('chat.postMessage', message, (withBlocks) =>
        client.chat.postMessage({
          ...target,
          text: message.text,
          ...(withBlocks ? blocksOf(message) : {}),
          unfurl_links: false,
          unfurl_media: false,
        }),
      ),

    async dm(client, user, message) {
      let channel: string | undefined;
      try {
        const opened = await retry('conversations.open', () => client.conversations.open({ users: user }));
        channel = opened.channel?.id;
      } catch (error) {
        log.error('slack.delivery_failed', { call: 'conversations.open', ...describeError(error) });
        return false;
      }
      if (!channel) {
        log.error('slack.delivery_failed', {
          call: 'conversations.open',
          message: 'no channel in the answer',
        });
        return false;
      }
      return deliverer.post(client, { channel }, message);
    },

    async respond(respond, message) {
      if (!respond) {
        log.error('slack.delivery_failed', {
          call: 'response_url',
          message: 'no response_url in the request',
        });
        return false;
      }
      const { blocks: _blocks, ...rest } = message;
      return withTextFallback('response_url', message, (withBlocks) =>
        // Bolt's RespondArguments is a union over postMessage's shapes; this object is one of them.
        respond({ ...rest, ...(withBlocks ? blocksOf(message) : {}) } as RespondArguments),
      );
    },

    async publishHome(client, user, view) {
      try {
        await retry('views.publish', () => client.views.publish({ user_id: user, view }));
        return true;
      } catch (error) {
        log.error('slack.delivery_failed', { call: 'views.publish', ...describeError(error) });
        return false;
      }
    },
  };
  return deliverer;
}
