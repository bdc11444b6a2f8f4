/**
 * End to end on loopback: signed Slack events through the real Bolt receiver to the fake Web
 * API, and Teams activities through CloudAdapter to the fake Bot Connector, each beside a bare
 * Bolt app / bare CloudAdapter replying a fixed text (same transport, fakes and load), in the
 * same run. `ratioToBare` is Cita's throughput over the bare app's: what Cita adds on top of the
 * platform SDK. A loaded 2-core machine drifts, so each pair is measured in several rounds,
 * alternating which goes first, and each side reports its median round. Run alone:
 * `npx tsx scripts/bench/e2e.ts [--requests 300] [--concurrency 20] [--warmup 400] [--rounds 3]
 * [--platform slack|teams]`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type LoadTarget, runLoad, startTarget, type TargetKind } from '../loadDriver.ts';

export interface EndToEndOptions {
  /** Requests per case (a few hundred). */
  requests?: number;
  concurrency?: number;
  /** Requests per case before measuring (JIT, SDKs' first-request work). */
  warmup?: number;
  /** Rounds of bare and Cita, alternating which goes first; each side's median round is reported. */
  rounds?: number;
  /** The platforms to measure, in this order (default both, Slack first). */
  platforms?: readonly Platform[];
}

export interface EndToEndRow {
  name: string;
  rps: number;
  /** Milliseconds from request sent to answer at the fake. */
  p50: number;
  p99: number;
  /** rps / the bare app's rps on the same platform (1 for the bare rows). */
  ratioToBare: number;
  /** Questions not answered exactly once (0 in a sound run). */
  notOnce: number;
}

export type Platform = 'slack' | 'teams';

async function measure(
  target: LoadTarget,
  platform: Platform,
  options: Required<Omit<EndToEndOptions, 'platforms'>>,
) {
  const counts = (n: number) => ({ [platform]: n });
  await runLoad(target, { ...counts(options.warmup), concurrency: options.concurrency });
  const result = await runLoad(target, {
    ...counts(options.requests),
    concurrency: options.concurrency,
    timeoutMs: 120_000,
  });
  target.slackApi.reset();
  target.connector.reset();
  const r = result[platform];
  if (!r) throw new Error(`no ${platform} result`);
  return { rps: r.rps, p50: r.p50, p99: r.p99, notOnce: r.sent - r.answeredOnce + r.httpErrors };
}

/** The round with the median throughput; `notOnce` counts every round (any miss is a fault). */
function medianRound<T extends { rps: number; notOnce: number }>(rounds: readonly T[]): T | undefined {
  const sorted = [...rounds].sort((a, b) => a.rps - b.rps);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return median && { ...median, notOnce: rounds.reduce((sum, r) => sum + r.notOnce, 0) };
}

/** Measures the four cases (Cita and bare, Slack and Teams), one platform at a time. */
export async function runEndToEnd(options: EndToEndOptions = {}): Promise<EndToEndRow[]> {
  const o: Required<Omit<EndToEndOptions, 'platforms'>> = {
    requests: options.requests ?? 300,
    concurrency: options.concurrency ?? 20,
    warmup: options.warmup ?? 400,
    rounds: Math.max(1, options.rounds ?? 3),
  };
  const rows: EndToEndRow[] = [];
  for (const platform of options.platforms ?? (['slack', 'teams'] as const)) {
    const rounds: Record<TargetKind, Awaited<ReturnType<typeof measure>>[]> = { bare: [], cita: [] };
    // Each on a fresh server, so neither inherits the other's warm caches; the order alternates.
    for (let round = 0; round < o.rounds; round++) {
      for (const kind of round % 2 === 0 ? (['bare', 'cita'] as const) : (['cita', 'bare'] as const)) {
        const target = await startTarget({ kind, logLevel: 'warn' });
        try {
          rounds[kind].push(await measure(target, platform, o));
        } finally {
          await target.close();
        }
      }
    }
    const bare = medianRound(rounds.bare);
    const cita = medianRound(rounds.cita);
    if (!bare || !cita) continue;
    const label = platform === 'slack' ? 'Slack events → Web API' : 'Teams activities → Connector';
    rows.push({
      name: `${label} (bare ${platform === 'slack' ? 'Bolt' : 'CloudAdapter'})`,
      ...bare,
      ratioToBare: 1,
    });
    rows.push({
      name: `${label} (Cita)`,
      ...cita,
      ratioToBare: bare.rps > 0 ? Math.round((cita.rps / bare.rps) * 100) / 100 : 0,
    });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '300' },
      concurrency: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '400' },
      rounds: { type: 'string', default: '3' },
      platform: { type: 'string' },
    },
  });
  const platform = values.platform;
  if (platform !== undefined && platform !== 'slack' && platform !== 'teams') {
    throw new Error(`--platform must be slack or teams, not ${platform}`);
  }
  const rows = await runEndToEnd({
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    warmup: Number(values.warmup),
    rounds: Number(values.rounds),
    ...(platform ? { platforms: [platform] } : {}),
  });
  console.table(rows);
  if (rows.some((r) => r.notOnce > 0)) {
    console.error('some questions were not answered exactly once');
    process.exitCode = 1;
  }
}
