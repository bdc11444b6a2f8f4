/**
 * Requests as Slack sends them to POST /slack/events, correctly signed: events as JSON, slash
 * commands and button clicks form-encoded (a click's JSON in the `payload` field).
 */
import { createHmac } from 'node:crypto';

export const TEAM_ID = 'T0CITA';
export const BOT_USER_ID = 'UCITA';
export const BOT_ID = 'BCITA';

/** `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Override the signature (e.g. a wrong one). */
  signature?: string;
  /** Sent as X-Slack-Retry-Num, as Slack does on a retry. */
  retryNum?: number;
}

export interface SlackRequests {
  send(body: string, contentType: string, options?: SendOptions): Promise<Response>;
  event(event: Record<string, unknown>, options?: SendOptions & { eventId?: string }): Promise<Response>;
  urlVerification(challenge: string, options?: SendOptions): Promise<Response>;
  command(command: string, text: string, options?: SendOptions & CommandOptions): Promise<Response>;
  buttonClick(
    action: { actionId: string; value: string },
    options?: SendOptions & ClickOptions,
  ): Promise<Response>;
}

let eventCounter = 0;
let tsCounter = 0;

/** A fresh message timestamp (`1710000000.000001`, …), as Slack gives each message. */
export const nextTs = () => `1710000000.${String(++tsCounter).padStart(6, '0')}`;

/** An `app_mention` event: `text` after the bot's mention, in #general, by U0ASKER. */
export function mentionEvent(
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { ts: string } {
  const ts = nextTs();
  return {
    type: 'app_mention',
    user: 'U0ASKER',
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    channel: 'C0GENERAL',
    event_ts: ts,
    ...extra,
  };
}

/** An Events API callback, as Slack wraps an event (over HTTP, or as a Socket Mode envelope's payload). */
export function eventCallback(event: Record<string, unknown>, eventId?: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0CITA',
    event,
    type: 'event_callback',
    event_id: eventId ?? `Ev${++eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
  };
}

export interface CommandOptions {
  responseUrl: string;
  user?: string;
  channel?: string;
}

/** A slash command's fields (form-encoded over HTTP, a JSON payload over Socket Mode). */
export function commandFields(
  command: string,
  text: string,
  options: CommandOptions,
): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'cita-test',
    channel_id: options.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: options.user ?? 'U0ASKER',
    user_name: 'asker',
    command,
    text,
    api_app_id: 'A0CITA',
    response_url: options.responseUrl,
    trigger_id: '123.456.abc',
  };
}

export interface ClickOptions extends CommandOptions {
  threadTs?: string;
}

/** A button click's `block_actions` payload. */
export function clickPayload(
  action: { actionId: string; value: string },
  options: ClickOptions,
): Record<string, unknown> {
  const channel = options.channel ?? 'C0GENERAL';
  return {
    type: 'block_actions',
    token: 'legacy-verification-token',
    api_app_id: 'A0CITA',
    team: { id: TEAM_ID, domain: 'cita-test' },
    user: { id: options.user ?? 'U0ASKER', username: 'asker', team_id: TEAM_ID },
    channel: { id: channel, name: 'general' },
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: channel,
      is_ephemeral: false,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    message: { type: 'message', ts: '1700000000.000100', text: 'answer', user: BOT_USER_ID },
    trigger_id: '123.456.abc',
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: action.actionId,
        block_id: 'cita_answer',
        value: action.value,
        text: { type: 'plain_text', text: 'button' },
        action_ts: '1700000001.000000',
      },
    ],
  };
}

export function slackRequests(baseUrl: string, secret: string): SlackRequests {
  const send = (body: string, contentType: string, options: SendOptions = {}) => {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(secret, timestamp, body),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
  };
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  return {
    send,
    event: (event, options = {}) =>
      send(JSON.stringify(eventCallback(event, options.eventId)), 'application/json', options),
    urlVerification(challenge, options = {}) {
      const body = JSON.stringify({
        token: 'legacy-verification-token',
        challenge,
        type: 'url_verification',
      });
      return send(body, 'application/json', options);
    },
    command: (command, text, options = { responseUrl: '' }) =>
      send(form(commandFields(command, text, options)), 'application/x-www-form-urlencoded', options),
    buttonClick: (action, options = { responseUrl: '' }) =>
      send(
        form({ payload: JSON.stringify(clickPayload(action, options)) }),
        'application/x-www-form-urlencoded',
        options,
      ),
  };
}
