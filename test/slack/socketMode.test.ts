/**
 * Socket Mode end to end: the real Bolt SocketModeReceiver (and @slack/socket-mode's WebSocket
 * client) connecting to a fake Socket Mode endpoint on loopback, which the fake Web API's
 * `apps.connections.open` hands out. Envelopes go in over the socket, acknowledgements come back
 * on it, and answers go out through the fake Web API and response_url, as with Slack.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config, SlackConfig } from '../../adapters/config.ts';
import { createLogger } from '../../adapters/log.ts';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slackApi.ts';
import { type FakeSocketMode, startFakeSocketMode } from '../fakes/socketMode.ts';
import { BOT_TOKEN, shippedCita } from '../helpers/slackHarness.ts';
import { commandFields, eventCallback, mentionEvent } from '../helpers/slackRequests.ts';

const APP_TOKEN = 'xapp-1-A0CITA-000-test-app-token';

let socket: FakeSocketMode;
let api: FakeSlackApi;
let adapter: SlackAdapter;
const logs: string[] = [];

beforeAll(async () => {
  socket = await startFakeSocketMode();
  api = await startFakeSlackApi({ socketModeUrl: socket.url });
  const cita = await shippedCita();
  const slack: SlackConfig = { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.url };
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'debug',
    rateLimitPerMinute: 0,
    slack,
    teams: null,
  };
  const log = createLogger('debug', (line) => logs.push(line));
  adapter = createSlackAdapter({ getCita: () => cita, log, config }, slack, {
    retry: { retries: 2, baseDelayMs: 0, maxDelayMs: 0 },
  });
  await adapter.start();
});
afterAll(async () => {
  await adapter.stop();
  await socket.close();
  await api.close();
});
afterEach(() => {
  api.reset();
});

describe('Slack in Socket Mode', () => {
  it('opens the socket with the app token, and answers a mention in its thread once acknowledged', async () => {
    expect(socket.connections).toBe(1);
    expect(api.posts('auth.test').map((call) => call.token)).toEqual([BOT_TOKEN]);
    expect(api.posts('apps.connections.open').map((call) => call.token)).toEqual([APP_TOKEN]);
    api.reset();

    const event = mentionEvent('How much is Microsoft investing in Mexico?');
    const ack = await socket.send('events_api', eventCallback(event));
    expect(ack.envelope_id).toMatch(/^env-/);
    await adapter.idle(10_000);

    const [post, ...more] = api.posts('chat.postMessage');
    expect(more).toHaveLength(0);
    expect(post?.token).toBe(BOT_TOKEN);
    expect(post?.args).toMatchObject({ channel: 'C0GENERAL', thread_ts: event.ts });
    // Cited: the answer quotes an article and links its source.
    expect(String(post?.args.text)).toMatch(/<https:\/\/[^|>]+\|[^>]+>/);
  });

  it('answers /figures through the response_url after acknowledging the envelope', async () => {
    const ack = await socket.send(
      'slash_commands',
      commandFields('/figures', '', { responseUrl: api.responseUrl('figures-over-socket') }),
    );
    expect(ack.envelope_id).toMatch(/^env-/);
    await adapter.idle(10_000);
    const [response] = api.responses;
    expect(response).toMatchObject({ id: 'figures-over-socket', ok: true });
    expect(response?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(response?.body.blocks)).toMatch(/https:\/\//);
  });

  it('ignores a message that is not an envelope, and keeps answering', async () => {
    socket.sendRaw('this is not JSON {');
    const event = mentionEvent('How many years does the investment cover?');
    await socket.send('events_api', eventCallback(event));
    await adapter.idle(10_000);
    expect(api.posts('chat.postMessage')).toHaveLength(1);
  });

  it('answers a redelivered event only once', async () => {
    const callback = eventCallback(mentionEvent('Who is the CEO of Microsoft?'));
    await socket.send('events_api', callback);
    await socket.send('events_api', callback, { retryAttempt: 1 });
    await adapter.idle(10_000);
    expect(api.posts('chat.postMessage')).toHaveLength(1);
  });

  it('reconnects when Slack asks it to (a fresh URL from apps.connections.open), and answers on the new socket', {
    timeout: 20_000,
  }, async () => {
    socket.disconnect('refresh_requested');
    await socket.connected(2);
    expect(api.posts('apps.connections.open')).toHaveLength(1);
    await socket.send(
      'events_api',
      eventCallback(mentionEvent('How much is Microsoft investing in Mexico?')),
    );
    await adapter.idle(10_000);
    expect(api.posts('chat.postMessage')).toHaveLength(1);
  });

  it('keeps trying when apps.connections.open fails during a reconnect (Slack down for a moment)', {
    timeout: 30_000,
  }, async () => {
    api.failNext('apps.connections.open', 1, { status: 503 });
    const before = socket.connections;
    socket.disconnect('refresh_requested');
    await socket.connected(before + 1);
    await socket.send(
      'events_api',
      eventCallback(mentionEvent('How much is Microsoft investing in Mexico?')),
    );
    await adapter.idle(10_000);
    expect(api.posts('chat.postMessage')).toHaveLength(1);
  });

  it('closes the socket on stop, and does not reconnect', async () => {
    await adapter.stop();
    await socket.allClosed();
    const connections = socket.connections;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(socket.connections).toBe(connections);
  });
});
