/**
 * The real server process (`adapters/main.ts` under tsx, TEAMS_LOCAL=1 on loopback), driven
 * by signals: SIGTERM delivers the answer in flight, refuses new connections and exits 0;
 * SIGHUP reloads the knowledge, keeping the old articles when a new file is bad.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeConnector, startFakeConnector } from '../fakes/connector.ts';

const MAIN = fileURLToPath(new URL('../../adapters/main.ts', import.meta.url));
const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const TSX = import.meta.resolve('tsx');

interface Server {
  child: ChildProcess;
  port: number;
  base: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: Server[] = [];
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const c of cleanup.splice(0)) await c();
});

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Polls `check` every 50 ms until it returns true, for at most `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function health(base: string): Promise<{ articles: number } | null> {
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
    return res.ok ? ((await res.json()) as { articles: number }) : null;
  } catch {
    return null;
  }
}

/** Spawns the server in an empty folder (no .env) with only the variables given. */
async function spawnServer(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const cwd = await mkdtemp(join(tmpdir(), 'cita-proc-'));
  cleanup.push(() => rm(cwd, { recursive: true, force: true }));
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      TEAMS_LOCAL: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const server: Server = { child, port, base: `http://127.0.0.1:${port}`, stderr: () => err, exited };
  running.push(server);
  await until(
    async () => (await health(server.base)) !== null || child.exitCode !== null,
    20_000,
    '/healthz',
  );
  if (child.exitCode !== null) throw new Error(`server exited early: ${err}`);
  return server;
}

/** Resolves true when a TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

function personalMessage(connector: FakeConnector, id: string, text: string) {
  return {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:user-ana', name: 'Ana' },
    recipient: { id: '28:cita-bot-id', name: 'Cita' },
    conversation: { id: 'a:personal-ana', conversationType: 'personal' },
    text,
  };
}

describe('the server process', () => {
  it('on SIGTERM delivers the answer in flight, refuses new connections, and exits 0 within 10 s', async () => {
    const connector = await startFakeConnector();
    cleanup.push(() => connector.close());
    const server = await spawnServer();
    const release = connector.holdNext(); // the reply is slowed at the "Bot Connector"
    const answer = fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        personalMessage(connector, 'term-1', 'How much is Microsoft investing in Mexico?'),
      ),
    });
    await until(() => connector.held === 1, 10_000, 'the reply to reach the connector');

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await until(() => server.stderr().includes('"server.stopping"'), 5_000, 'server.stopping');
    expect(await refused(server.port)).toBe(true);
    release();

    expect((await answer).status).toBe(200);
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(connector.delivered()).toHaveLength(1);
    expect(connector.delivered()[0]?.replyToId).toBe('term-1');
    expect(server.stderr()).toMatch(/"server\.stopped".*"drained":true/);
  }, 40_000);

  it('on SIGHUP reloads a good new article, and keeps serving the old ones when a file is bad', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cita-knowledge-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await cp(KNOWLEDGE, dir, { recursive: true });
    const server = await spawnServer({ KNOWLEDGE_DIR: dir });
    const before = (await health(server.base))?.articles ?? 0;
    expect(before).toBeGreaterThan(0);

    await writeFile(
      join(dir, 'extra.md'),
      '---\ntitle: Acme Solar opens a plant\npublisher: The Daily Grid\nurl: https://example.org/acme\n' +
        'published: 2025-03-04\n---\n\nAcme Solar opened a 200 MW plant in the Atacama desert on Monday.\n',
    );
    server.child.kill('SIGHUP');
    await until(async () => (await health(server.base))?.articles === before + 1, 15_000, 'articles + 1');

    await writeFile(join(dir, 'broken.md'), '---\ntitle: T\n---\nno publisher');
    server.child.kill('SIGHUP');
    await until(() => server.stderr().includes('"knowledge.reload_failed"'), 15_000, 'reload_failed');
    expect((await health(server.base))?.articles).toBe(before + 1);

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  }, 60_000);
});
