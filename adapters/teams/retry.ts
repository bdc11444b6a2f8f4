/**
 * Bounded, logged retries for calls to the Bot Connector (replies, proactive 1:1 chats).
 *
 * The connector client's HTTP pipeline ships with its own retry policy (3 retries, exponential
 * backoff from 1 s, any Retry-After obeyed however long, nothing logged). botbuilder offers no
 * option to tune it, and a turn that waits that long blows Teams' 15-second budget, so {@link boundConnectorRetries} swaps it for
 * {@link connectorRetryPolicy}: few attempts, short capped delays, Retry-After honoured up to the
 * cap, and every retry and give-up logged.
 */
import type { Logger } from '../log.ts';

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number;
  /** Delay before the first retry; doubles each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Per-attempt limit on waiting for the connector's answer (headers); a hung call is aborted
   * and retried. The connector client sets none, so without it a hung call holds the turn forever.
   */
  timeoutMs?: number;
  /** Jitter source (0 ≤ x < 1); none means exact delays (tests). */
  random?: () => number;
}

/** Per-attempt timeout when none is given: three attempts still fit in Teams' 15-second turn, or nearly. */
export const DEFAULT_TIMEOUT_MS = 4000;

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 4000,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  random: Math.random,
};

/** Throttled, timed out or a transient server error. 501 and 505 will not get better by retrying. */
export function isRetriableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** Network failures worth another try (the request may not have reached the service). */
export function isRetriableError(error: unknown): boolean {
  const code = typeof error === 'object' && error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before retry number `retry` (1 for the first retry): the server's Retry-After when given,
 * else exponential backoff (with "equal jitter" when `random` is set), never above `maxDelayMs`.
 */
export function retryDelayMs(
  retry: number,
  options: RetryOptions,
  retryAfter?: string | null,
  now = Date.now(),
): number {
  const fromServer = parseRetryAfter(retryAfter, now);
  const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  const jittered = options.random ? Math.round(backoff / 2 + (backoff / 2) * options.random()) : backoff;
  return Math.min(options.maxDelayMs, fromServer ?? jittered);
}

/** The shapes of @azure/core-rest-pipeline that the policy touches (it is not a direct dependency). */
interface PipelineRequestLike {
  method: string;
  url: string;
  /** Milliseconds; 0 means none. */
  timeout?: number;
  abortSignal?: { aborted: boolean };
}
interface PipelineResponseLike {
  status: number;
  headers: { get(name: string): string | undefined };
}
type SendRequest = (request: PipelineRequestLike) => Promise<PipelineResponseLike>;
export interface PipelinePolicyLike {
  name: string;
  sendRequest(request: PipelineRequestLike, next: SendRequest): Promise<PipelineResponseLike>;
}
interface PipelineLike {
  addPolicy(policy: PipelinePolicyLike, options?: { phase?: string }): void;
  removePolicy(options: { phase?: string; name?: string }): unknown;
}

/** Path only: conversation ids are fine in logs, query strings and headers are not logged. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '?';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function connectorRetryPolicy(
  options: RetryOptions,
  log: Logger,
  wait: (ms: number) => Promise<void> = sleep,
): PipelinePolicyLike {
  return {
    name: 'citaBoundedRetry',
    async sendRequest(request, next) {
      // The URL is parsed only for the log line of a retry or a give-up: most calls succeed at once.
      const { method, url } = request;
      const where = () => ({ method, path: pathOf(url) });
      if (!request.timeout) request.timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      for (let attempt = 1; ; attempt++) {
        let response: PipelineResponseLike | undefined;
        let failure: unknown;
        try {
          response = await next(request);
        } catch (error) {
          failure = error;
        }
        // An abort nobody asked for is our timeout: worth another try.
        const timedOut = isAbortError(failure) && !request.abortSignal?.aborted;
        const retriable = response
          ? isRetriableStatus(response.status)
          : timedOut || isRetriableError(failure);
        const outcome = response ? { status: response.status } : { error: failure };
        if (!retriable || attempt >= options.attempts) {
          if (retriable) log.error('teams.connector.gave_up', { ...where(), ...outcome, attempts: attempt });
          if (response) return response;
          throw failure;
        }
        const delayMs = retryDelayMs(attempt, options, response?.headers.get('retry-after'));
        log.warn('teams.connector.retry', { ...where(), ...outcome, attempt, delayMs });
        await wait(delayMs);
      }
    },
  };
}

/**
 * Replaces the retry policy of a botbuilder ConnectorClient with {@link connectorRetryPolicy}.
 * The pipeline sits on a private field of botbuilder-stdlib's ServiceClientContext: if a future
 * version moves it, this logs a warning and leaves botbuilder's own retries in place rather than
 * failing. A test pins the behaviour on the installed version.
 */
export function boundConnectorRetries(connectorClient: unknown, options: RetryOptions, log: Logger): boolean {
  const pipeline = (connectorClient as { client?: { pipeline?: Partial<PipelineLike> } } | null)?.client
    ?.pipeline;
  if (typeof pipeline?.addPolicy !== 'function' || typeof pipeline.removePolicy !== 'function') {
    log.warn('teams.connector.retry_not_bounded', { reason: 'connector pipeline not found' });
    return false;
  }
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy(connectorRetryPolicy(options, log), { phase: 'Retry' });
  return true;
}
