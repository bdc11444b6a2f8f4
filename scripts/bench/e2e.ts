/**
 * End to end on loopback: signed Slack events through the real Bolt receiver to the fake Web
 * API, and Teams activities through CloudAdapter to the fake Bot Connector, asking the eval set's
 * questions in turn. Three servers per platform, same transport, fakes and load:
 *   - bare Bolt / bare CloudAdapter replying a fixed text (the floor: the SDK's own cost);
 *   - the same bare app sending the message Cita would send (rendered once per question): what the
 *     SDK spends carrying a real answer, Block Kit or Adaptive Card included;
 *   - Cita.
 * `ratioToBare` is each one's throughput over the bare app's. The server under test runs in a
 * process of its own (scripts/bench/serverProcess.ts), the driver and fakes in this one, as Slack's
 * and Microsoft's servers are not on the bot's machine; `cpuMsPerRequest` is that process's CPU
 * time (all its threads) per request, which does not depend on how fast the driver is. Each case
 * warms up for a fixed time, then is timed. A loaded 2-core machine drifts, so every case is
 * measured in several rounds on a fresh process, the order rotating, and reports its median round.
 * Run alone:
 * `npx tsx scripts/bench/e2e.ts [--requests 2000] [--concurrency 20] [--warmup-ms 2000] [--rounds 3]
 * [--platform slack|teams] [--server-node-option=--cpu-prof …]`.
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_EVAL_SET, readEvalSet } from '../evaluate.ts';
import { type LoadEndpoint, runLoad, startFakes, type TargetKind } from '../loadDriver.ts';
import type { ServerArgs } from './serverProcess.ts';

export interface EndToEndOptions {
  /** Timed requests per case. */
  requests?: number;
  concurrency?: number;
  /** How long each case runs before it is timed (JIT, SDKs' first-request work). */
  warmupMs?: number;
  /** Rounds of bare and Cita, alternating which goes first; each side's median round is reported. */
  rounds?: number;
  /** The platforms to measure, in this order (default both, Slack first). */
  platforms?: readonly Platform[];
  /** Asked in turn (default: the eval set's questions, as in the core bench on the shipped knowledge). */
  questions?: readonly string[];
  /** Extra Node options for the server processes (e.g. `--cpu-prof` to profile them). */
  serverNodeOptions?: readonly string[];
}

type Settings = Required<Omit<EndToEndOptions, 'platforms'>>;

export interface EndToEndRow {
  name: string;
  rps: number;
  /** Milliseconds from request sent to answer at the fake. */
  p50: number;
  p99: number;
  /** rps / the bare app's rps on the same platform (1 for the bare rows). */
  ratioToBare: number;
  /** CPU time (user + system) the server process spent per request in the timed run. */
  cpuMsPerRequest: number;
  /** Questions not answered exactly once (0 in a sound run). */
  notOnce: number;
}

export interface RemoteTarget extends LoadEndpoint {
  /** The server process's CPU time so far, µs. */
  cpu(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the fakes here and the server under test in a child process answering into them. */
export async function startRemoteTarget(
  kind: TargetKind,
  nodeOptions: readonly string[],
): Promise<RemoteTarget> {
  const fakes = await startFakes();
  const args: ServerArgs = { kind, slackApiUrl: fakes.slackApi.url };
  const child = fork(fileURLToPath(new URL('./serverProcess.ts', import.meta.url)), [JSON.stringify(args)], {
    execArgv: ['--import', import.meta.resolve('tsx'), ...nodeOptions],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (value: unknown) => void>();
  let ready: (baseUrl: string) => void = () => {};
  const started = new Promise<string>((resolve, reject) => {
    ready = resolve;
    child.once('exit', (code) =>
      reject(new Error(`the server process exited (${code}) before it was ready`)),
    );
  });
  child.on('message', (message: { id?: number; type?: string; baseUrl?: string; value?: unknown }) => {
    if (message.type === 'ready' && message.baseUrl) ready(message.baseUrl);
    else if (message.id !== undefined) {
      waiting.get(message.id)?.(message.value);
      waiting.delete(message.id);
    }
  });
  let ids = 0;
  const ask = (type: 'drain' | 'cpu' | 'close', ms?: number) =>
    new Promise<unknown>((resolve) => {
      const id = ++ids;
      waiting.set(id, resolve);
      child.send({ id, type, ms });
    });
  const closeAll = async () => {
    if (child.connected) {
      await ask('close');
      child.disconnect(); // the child exits when its channel closes
    }
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    await fakes.close();
  };
  let baseUrl: string;
  try {
    baseUrl = await started;
  } catch (error) {
    child.kill();
    await fakes.close();
    throw error;
  }
  return {
    baseUrl,
    slackApi: fakes.slackApi,
    connector: fakes.connector,
    drain: (ms) => ask('drain', ms),
    cpu: async () => Number(await ask('cpu')),
    close: closeAll,
  };
}

export type Platform = 'slack' | 'teams';

async function measure(target: RemoteTarget, platform: Platform, options: Settings) {
  const load = (count: number, timeoutMs?: number) =>
    runLoad(target, {
      [platform]: count,
      concurrency: options.concurrency,
      questions: options.questions,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
  // Warm up for a fixed time, not a fixed count: V8 optimises the answer path only after
  // thousands of questions, as in the core bench.
  const warmUntil = performance.now() + options.warmupMs;
  while (performance.now() < warmUntil) await load(200);
  target.slackApi.reset();
  target.connector.reset();
  const cpuBefore = await target.cpu();
  const result = await load(options.requests, 120_000);
  const cpuUs = (await target.cpu()) - cpuBefore;
  target.slackApi.reset();
  target.connector.reset();
  const r = result[platform];
  if (!r) throw new Error(`no ${platform} result`);
  return {
    rps: r.rps,
    p50: r.p50,
    p99: r.p99,
    cpuMsPerRequest: Math.round(cpuUs / Math.max(1, r.sent)) / 1000,
    notOnce: r.sent - r.answeredOnce + r.httpErrors,
  };
}

type Round = Awaited<ReturnType<typeof measure>>;

/** The round with the median throughput; `notOnce` counts every round (any miss is a fault). */
function medianRound(rounds: readonly Round[]): Round | undefined {
  const sorted = [...rounds].sort((a, b) => a.rps - b.rps);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return median && { ...median, notOnce: rounds.reduce((sum, r) => sum + r.notOnce, 0) };
}

const KINDS: readonly TargetKind[] = ['bare', 'bare-reply', 'cita'];

function rowName(platform: Platform, kind: TargetKind): string {
  const label = platform === 'slack' ? 'Slack events → Web API' : 'Teams activities → Connector';
  const sdk = platform === 'slack' ? 'Bolt' : 'CloudAdapter';
  if (kind === 'cita') return `${label} (Cita)`;
  return kind === 'bare' ? `${label} (bare ${sdk})` : `${label} (bare ${sdk} sending Cita's reply)`;
}

/**
 * Measures bare, bare sending Cita's reply, and Cita, on each platform in turn: every case on a
 * fresh server process (none inherits another's warm caches), the order rotating each round.
 */
export async function runEndToEnd(options: EndToEndOptions = {}): Promise<EndToEndRow[]> {
  const o: Settings = {
    requests: options.requests ?? 2000,
    concurrency: options.concurrency ?? 20,
    warmupMs: options.warmupMs ?? 2000,
    rounds: Math.max(1, options.rounds ?? 3),
    questions: options.questions ?? readEvalSet(DEFAULT_EVAL_SET).map((item) => item.q),
    serverNodeOptions: options.serverNodeOptions ?? [],
  };
  const rows: EndToEndRow[] = [];
  for (const platform of options.platforms ?? (['slack', 'teams'] as const)) {
    const rounds = new Map<TargetKind, Round[]>(KINDS.map((kind) => [kind, []]));
    for (let round = 0; round < o.rounds; round++) {
      for (let i = 0; i < KINDS.length; i++) {
        const kind = KINDS[(round + i) % KINDS.length] as TargetKind;
        const target = await startRemoteTarget(kind, o.serverNodeOptions);
        try {
          rounds.get(kind)?.push(await measure(target, platform, o));
        } finally {
          await target.close();
        }
      }
    }
    const bare = medianRound(rounds.get('bare') ?? []);
    if (!bare) continue;
    for (const kind of KINDS) {
      const median = medianRound(rounds.get(kind) ?? []);
      if (!median) continue;
      const ratioToBare = bare.rps > 0 ? Math.round((median.rps / bare.rps) * 100) / 100 : 0;
      rows.push({ name: rowName(platform, kind), ...median, ratioToBare });
    }
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '20' },
      'warmup-ms': { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '3' },
      platform: { type: 'string' },
      'server-node-option': { type: 'string', multiple: true },
    },
  });
  const platform = values.platform;
  if (platform !== undefined && platform !== 'slack' && platform !== 'teams') {
    throw new Error(`--platform must be slack or teams, not ${platform}`);
  }
  const rows = await runEndToEnd({
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    warmupMs: Number(values['warmup-ms']),
    rounds: Number(values.rounds),
    ...(platform ? { platforms: [platform] } : {}),
    serverNodeOptions: values['server-node-option'] ?? [],
  });
  console.table(rows);
  if (rows.some((r) => r.notOnce > 0)) {
    console.error('some questions were not answered exactly once');
    process.exitCode = 1;
  }
}
