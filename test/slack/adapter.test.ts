/** The adapter's shape: imports only the core's public API; Socket Mode mounts no HTTP route. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../adapters/config.ts';
import { createLogger } from '../../adapters/log.ts';
import { createApp } from '../../adapters/server.ts';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { startFakeSlackApi } from '../fakes/slackApi.ts';
import { shippedCita } from '../helpers/slackHarness.ts';
import { slackRequests } from '../helpers/slackRequests.ts';

const dir = fileURLToPath(new URL('../../adapters/slack/', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(`${folder}${d.name}/`) : d.name.endsWith('.ts') ? [`${folder}${d.name}`] : [],
  );
}

describe('Slack adapter', () => {
  it('uses the core only through src/index.ts, and never reads process.env', () => {
    for (const file of sources(dir)) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/from '([^']+)'/g)) {
        if (m[1]?.includes('/src/')) expect(m[1], file).toMatch(/\/src\/index\.ts$/);
      }
      expect(source, file).not.toContain('process.env');
    }
  });

  it('in Socket Mode mounts nothing on the HTTP server and opens no connection until start()', async () => {
    const cita = await shippedCita();
    const slack = { mode: 'socket' as const, botToken: 'xoxb-1-test', appToken: 'xapp-1-test' };
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      rateLimitPerMinute: 0,
      slack,
      teams: null,
    };
    const ctx = { getCita: () => cita, log: createLogger('silent'), config };
    const adapter = createSlackAdapter(ctx, slack);
    const app = createApp(ctx, [adapter]);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    await new Promise((resolve) => server.close(resolve));
    await adapter.stop(); // never started: nothing to close, no error
  });

  it('refuses HTTP mode without a signing secret', async () => {
    const cita = await shippedCita();
    const slack = { mode: 'http' as const, botToken: 'xoxb-1-test' };
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      rateLimitPerMinute: 0,
      slack,
      teams: null,
    };
    expect(() =>
      createSlackAdapter({ getCita: () => cita, log: createLogger('silent'), config }, slack),
    ).toThrow('Slack HTTP mode needs SLACK_SIGNING_SECRET');
  });
});

describe('start-up against the Web API', () => {
  const setup = async () => {
    const api = await startFakeSlackApi();
    const cita = await shippedCita();
    const slack = { mode: 'http' as const, botToken: 'xoxb-1-test', signingSecret: 's', apiUrl: api.url };
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      rateLimitPerMinute: 0,
      slack,
      teams: null,
    };
    const lines: string[] = [];
    const ctx = { getCita: () => cita, log: createLogger('info', (l) => lines.push(l)), config };
    const adapter = createSlackAdapter(ctx, slack, { retry: { retries: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    return { api, adapter, lines, cita };
  };

  it('stops the start with a clear message when Slack rejects the token', async () => {
    const { api, adapter } = await setup();
    api.failNext('auth.test', 1, { error: 'invalid_auth' });
    await expect(adapter.start()).rejects.toThrow('Slack rejected SLACK_BOT_TOKEN (auth.test: invalid_auth)');
    await api.close();
  });

  it('starts anyway when Slack is unreachable, and looks the bot up at the first event', async () => {
    const { api, adapter, lines, cita } = await setup();
    api.failNext('auth.test', 2, { status: 503 });
    await adapter.start();
    expect(lines.join('\n')).toContain('slack.identity_unavailable');
    expect(api.calls.map((c) => [c.method, c.ok])).toEqual([
      ['auth.test', false],
      ['auth.test', false],
    ]);
    const server = createApp({ getCita: () => cita, log: createLogger('silent'), config: {} as Config }, [
      adapter,
    ]).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const t = '1730000000.000001';
    await slackRequests(`http://127.0.0.1:${port}`, 's').event({
      type: 'message',
      channel_type: 'im',
      user: 'U0ASKER',
      text: 'sources',
      ts: t,
      channel: 'D0ASKER',
      event_ts: t,
    });
    await adapter.idle();
    expect(api.calls.slice(2).map((c) => [c.method, c.ok])).toEqual([
      ['auth.test', true],
      ['users.info', true], // the asker's locale, a hint for the reply's language
      ['chat.postMessage', true],
    ]);
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });
});
