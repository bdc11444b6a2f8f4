/**
 * A fake Slack Socket Mode endpoint on loopback: the WebSocket URL the fake Web API's
 * `apps.connections.open` hands out (`startFakeSlackApi({ socketModeUrl })`). Like Slack, it
 * greets each connection with `hello`, sends envelopes (`events_api`, `slash_commands`,
 * `interactive`) and waits for the app to acknowledge each one by its `envelope_id`, and can ask
 * the app to reconnect with a `disconnect` message.
 */
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  /** `ws://127.0.0.1:PORT/link`. */
  readonly url: string;
  /** Connections opened so far (a reconnect adds one). */
  readonly connections: number;
  /** Resolves once `count` connections have been opened and greeted. */
  connected(count?: number): Promise<void>;
  /** Sends an envelope on the newest open connection; resolves with the app's acknowledgement. */
  send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options?: { retryAttempt?: number },
  ): Promise<Ack>;
  /** Sends raw text (not an envelope) on the newest open connection. */
  sendRaw(text: string): void;
  /** Slack's "please reconnect" (`refresh_requested`, `link_disabled`, …). */
  disconnect(reason: string): void;
  /** Resolves once no connection is open. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

let envelopes = 0;

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/link' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const open: WebSocket[] = [];
  const acks = new Map<string, (ack: Ack) => void>();
  const waiters: (() => void)[] = [];
  let connections = 0;
  const notify = () => {
    for (const wake of waiters.splice(0)) wake();
  };

  server.on('connection', (socket) => {
    connections++;
    open.push(socket);
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as Ack;
      acks.get(ack.envelope_id)?.(ack);
      acks.delete(ack.envelope_id);
    });
    socket.on('close', () => {
      open.splice(open.indexOf(socket), 1);
      notify();
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.length,
        debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0CITA' },
      }),
    );
    notify();
  });

  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const newest = (): WebSocket => {
    const socket = open.at(-1);
    if (!socket) throw new Error('no Socket Mode connection is open');
    return socket;
  };

  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    get connections() {
      return connections;
    },
    connected: (count = 1) => until(() => connections >= count && open.length > 0),
    send(type, payload, options = {}) {
      const envelopeId = `env-${++envelopes}`;
      const acked = new Promise<Ack>((resolve) => acks.set(envelopeId, resolve));
      newest().send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api'
            ? {
                retry_attempt: options.retryAttempt ?? 0,
                retry_reason: options.retryAttempt ? 'timeout' : '',
              }
            : {}),
        }),
      );
      return acked;
    },
    sendRaw: (text) => newest().send(text),
    disconnect: (reason) =>
      newest().send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-socket-mode' } })),
    allClosed: () => until(() => open.length === 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
