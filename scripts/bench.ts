/**
 * `npm run bench [-- --sizes shipped,1000,10000,100000] [--seed N] [--no-docs]`: how Cita's cost
 * grows with the knowledge, beside the floor it cannot beat (a bare MiniSearch index over the
 * same passages answering the same questions with one `search` call).
 *
 * Each size runs in its own child process (clean memory numbers, GC exposed): time from files
 * to ready (`loadCita`), answer latency p50/p99 over a fixed question mix, RSS and heap after GC.
 * Generated corpora live in os.tmpdir() and are removed afterwards. Writes docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { DEFAULT_KNOWLEDGE_DIR, loadCita } from '../src/cita.ts';
import { loadKnowledge } from '../src/knowledge.ts';
import { type GeneratedQuestion, generateCorpus } from './bench/corpus.ts';
import { DEFAULT_EVAL_SET, readEvalSet } from './evaluate.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** Answers timed per size (the question mix repeats until reached), after a warm-up. */
const TIMED_ASKS = 10_000;
/** From this many passages on, fewer timed asks (the floor alone costs ~50 ms an ask at 100k). */
const LARGE_PASSAGES = 10_000;
const TIMED_ASKS_LARGE = 300;
/** Warm-up before timing, the same for Cita and the floor. */
const WARM_UP_MS = 2000;
const timedAsks = (passages: number) => (passages >= LARGE_PASSAGES ? TIMED_ASKS_LARGE : TIMED_ASKS);

interface Measure {
  label: string;
  passages: number;
  sentences: number;
  questions: number;
  /** Timed asks (after the warm-up). */
  asks: number;
  answered: number;
  readyMs: number;
  /** Ready again, with the on-disk index cache filled by the first start. */
  warmReadyMs: number | null;
  p50: number;
  p99: number;
  /** RSS once the heap has settled after the asks (see {@link settledMemory}). */
  rssMb: number;
  /** The process's highest RSS so far (getrusage): the build's transient memory included. */
  peakRssMb: number;
  /** RSS of a second start (its own process), once the cache is filled. */
  warmRssMb: number | null;
  warmPeakRssMb: number | null;
  heapMb: number;
  floorReadyMs: number;
  floorP50: number;
  floorP99: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function timeAll(
  questions: readonly string[],
  asks: number,
  ask: (q: string) => unknown,
): { p50: number; p99: number } {
  // Warm-up (JIT, lazy caches): a whole pass, then on for 2 s, so that what is timed is the
  // steady state of a long-running bot, not the compiler: V8 optimises a path taken by one
  // question in thirty only after thousands of asks.
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let i = 0; i < questions.length || performance.now() < warmUntil; i++)
    ask(questions[i % questions.length] as string);
  const times: number[] = [];
  for (let i = 0; times.length < asks; i++) {
    const q = questions[i % questions.length] as string;
    const t = performance.now();
    ask(q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Memory once the heap has settled: a forced GC, a pause for V8's concurrent sweeper to hand the
 * freed pages back, another GC. (Read straight after one GC, RSS still counts pages the sweeper has
 * not returned yet: up to ~200 MB more at 100,000 passages, varying from run to run.)
 */
async function settledMemory(): Promise<{ rssMb: number; heapMb: number; peakRssMb: number }> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return {
    rssMb: rss / 2 ** 20,
    heapMb: heapUsed / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 2 ** 10,
  };
}

/** In the child: measure one knowledge folder. */
async function child(dir: string, questionsFile: string, label: string): Promise<void> {
  const questions = (JSON.parse(readFileSync(questionsFile, 'utf8')) as GeneratedQuestion[]).map((q) => q.q);
  let t = performance.now();
  const cita = await loadCita(dir);
  const readyMs = performance.now() - t;
  const asks = timedAsks(cita.passageCount);
  const { p50, p99 } = timeAll(questions, asks, (q) => cita.ask(q));
  const answered = questions.filter((q) => cita.ask(q).answered).length;
  const memory = await settledMemory();

  // The floor: files read, one bare MiniSearch index over the passages, one search per question.
  t = performance.now();
  const knowledge = await loadKnowledge(dir);
  const floor = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  let id = 0;
  floor.addAll(knowledge.articles.flatMap((a) => a.paragraphs.map((p) => ({ id: id++, text: p.text }))));
  const floorReadyMs = performance.now() - t;
  const floorTimes = timeAll(questions, asks, (q) => floor.search(q));
  const result: Measure = {
    label,
    passages: cita.passageCount,
    sentences: 0,
    questions: questions.length,
    asks,
    answered,
    readyMs,
    warmReadyMs: null,
    p50,
    p99,
    ...memory,
    warmRssMb: null,
    warmPeakRssMb: null,
    floorReadyMs,
    floorP50: floorTimes.p50,
    floorP99: floorTimes.p99,
  };
  process.stdout.write(`\n@@${JSON.stringify(result)}\n`);
}

/**
 * In a second child: a restart over the same files, once the first start filled the cache —
 * time to ready, and RSS after a forced GC (its own process, so nothing of the first counts).
 */
async function restartChild(dir: string): Promise<void> {
  const t = performance.now();
  const cita = await loadCita(dir);
  const warmReadyMs = performance.now() - t;
  const { rssMb: warmRssMb, peakRssMb: warmPeakRssMb } = await settledMemory();
  process.stdout.write(
    `\n@@${JSON.stringify({ warmReadyMs, warmRssMb, warmPeakRssMb, passages: cita.passageCount })}\n`,
  );
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function spawnChild<T>(label: string, args: string[]): T {
  const out = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', SELF, ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = out.stdout.split('\n').find((l) => l.startsWith('@@'));
  if (out.status !== 0 || !line) throw new Error(`bench child for ${label} failed (status ${out.status})`);
  return JSON.parse(line.slice(2)) as T;
}

function runChild(
  dir: string,
  questions: readonly GeneratedQuestion[],
  label: string,
  work: string,
): Measure {
  const questionsFile = join(work, `${label}-questions.json`);
  writeFileSync(questionsFile, JSON.stringify(questions));
  const first = spawnChild<Measure>(label, ['--child', dir, questionsFile, label]);
  const restart = spawnChild<{ warmReadyMs: number; warmRssMb: number; warmPeakRssMb: number }>(label, [
    '--restart',
    dir,
  ]);
  return { ...first, ...restart };
}

function shippedQuestions(): GeneratedQuestion[] {
  return readEvalSet(DEFAULT_EVAL_SET).map((item) => ({
    kind: item.kind === 'oos' ? 'oos' : item.kind === 'typo' ? 'typo' : 'answerable',
    q: item.q,
  }));
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const ratio = (a: number, b: number) => `${(a / Math.max(b, 1e-6)).toFixed(1)}×`;

function table(rows: readonly Measure[]): string {
  const head = [
    'knowledge',
    'passages',
    'ready ms (cold / cached)',
    'answer p50 ms',
    'answer p99 ms',
    'RSS MB (cold / cached)',
    'peak RSS MB (cold / cached)',
    'heap MB',
    'floor ready ms',
    'floor p50 / p99 ms',
    'p50 / p99 vs floor',
    'answered',
    'timed asks',
  ];
  const lines = rows.map((r) => [
    r.label,
    String(r.passages),
    `${ms(r.readyMs)} / ${r.warmReadyMs === null ? '–' : ms(r.warmReadyMs)}`,
    ms(r.p50),
    ms(r.p99),
    `${r.rssMb.toFixed(0)} / ${r.warmRssMb === null ? '–' : r.warmRssMb.toFixed(0)}`,
    `${r.peakRssMb.toFixed(0)} / ${r.warmPeakRssMb === null ? '–' : r.warmPeakRssMb.toFixed(0)}`,
    r.heapMb.toFixed(0),
    ms(r.floorReadyMs),
    `${ms(r.floorP50)} / ${ms(r.floorP99)}`,
    `${ratio(r.p50, r.floorP50)} / ${ratio(r.p99, r.floorP99)}`,
    `${r.answered}/${r.questions}`,
    String(r.asks),
  ]);
  return [head, head.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** End to end through the real Slack and Teams transports on loopback, beside the bare SDKs. */
async function endToEnd(): Promise<string> {
  // Imported here so the per-size children never load the adapters.
  const { runEndToEnd } = await import('./bench/e2e.ts');
  const rows = await runEndToEnd();
  const head = [
    'end to end (loopback)',
    'req/s',
    'p50 ms',
    'p99 ms',
    'req/s vs bare',
    'server CPU ms / request',
    'not answered once',
  ];
  const lines = rows.map((r) => [
    r.name,
    r.rps.toFixed(0),
    ms(r.p50),
    ms(r.p99),
    `${r.ratioToBare.toFixed(2)}×`,
    ms(r.cpuMsPerRequest),
    String(r.notOnce),
  ]);
  return [head, head.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--child') return child(argv[1] as string, argv[2] as string, argv[3] as string);
  if (argv[0] === '--restart') return restartChild(argv[1] as string);
  const sizes = (argValue(argv, '--sizes') ?? 'shipped,1000,10000,100000').split(',').map((s) => s.trim());
  const seed = Number(argValue(argv, '--seed') ?? 42);
  const work = mkdtempSync(join(tmpdir(), 'cita-bench-'));
  const rows: Measure[] = [];
  try {
    for (const size of sizes) {
      const started = performance.now();
      if (size === 'shipped') {
        rows.push(runChild(DEFAULT_KNOWLEDGE_DIR, shippedQuestions(), 'shipped', work));
      } else {
        const passages = Number(size);
        if (!Number.isInteger(passages) || passages <= 0) throw new Error(`--sizes: not a size: ${size}`);
        const { files, questions } = generateCorpus({ passages, seed });
        const dir = join(work, `k${passages}`);
        mkdirSync(dir);
        for (const [name, content] of files) writeFileSync(join(dir, name), content);
        rows.push(runChild(dir, questions, String(passages), work));
        rmSync(dir, { recursive: true, force: true });
      }
      console.error(`bench: ${size} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const machine = `nproc ${availableParallelism()} (${cpus().length} CPUs reported) (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const out = table(rows);
  let e2e: string;
  if (argv.includes('--no-e2e')) e2e = 'end to end: skipped (--no-e2e)';
  else {
    const started = performance.now();
    e2e = await endToEnd();
    console.error(`bench: end to end done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${out}\n\n${e2e}\n\n${machine}, ${date}`);
  if (!argv.includes('--no-docs')) {
    const doc = `# Benchmarks

Latest \`npm run bench\` table. Cita (\`loadCita\`: files to ready; \`ask\`) beside the floor: a bare
MiniSearch index over the same passages answering the same questions with one plain \`search\` call.
"shipped" is knowledge/ with the eval questions; the numbered sizes are generated corpora (seed ${seed},
20 passages per article, 60 answerable, 20 misspelt, 20 out-of-scope questions) in os.tmpdir().
"cached" is a second start over the same files: from 5,000 passages on, it loads the on-disk cache
(src/indexCache.ts) the first start wrote; below that, nothing is cached and it simply builds again.
Latency is over ${TIMED_ASKS} asks (${TIMED_ASKS_LARGE} from ${LARGE_PASSAGES.toLocaleString('en')} passages on) after a warm-up
(a whole pass, then 2 s of asks, the same for the floor). RSS is once the heap has settled (a forced
GC, 200 ms for V8's concurrent sweeper to return freed pages, another GC): of the first start after
its asks, before the floor is built, and of the second start in a process of its own. Peak RSS is
the process's highest RSS up to that point (getrusage), the build's transient memory included.
MB here are MiB.

End to end: signed Slack events through the real Bolt receiver to a fake Web API, and Teams
activities through CloudAdapter to a fake Bot Connector, on loopback, asking the eval questions in
turn (scripts/bench/e2e.ts). Beside Cita, on the same transport, fakes and load: a bare Bolt app /
bare CloudAdapter replying a fixed text (the floor), and the same bare app sending the very message
Cita sends for that question (rendered once per question): what the SDK itself spends carrying a
real answer. The server under test runs in a process of its own; the load driver and the fakes,
which stand in for Slack's and Microsoft's servers, run in the bench's process. Each case runs 2 s
to warm up, then 2,000 timed requests from 20 concurrent senders; 3 rounds, each case on a fresh
process, the order rotating; the median round is shown. Latency is from request sent to answer at
the fake; server CPU is the server process's user + system time (all threads) per timed request.

Command: \`${command}\`

Machine: ${machine}

Date: ${date}

${out}

${e2e}
`;
    writeFileSync(join(ROOT, 'docs/benchmarks.md'), doc);
  }
}

await main(process.argv.slice(2));
