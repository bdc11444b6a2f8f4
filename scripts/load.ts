/**
 * `npm run load`: 500 signed Slack events and 500 Teams channel mentions from 20 concurrent
 * senders each, into the real server on loopback (fake Web API and Bot Connector). Prints
 * exactly-once counts, p50/p99 (request sent → answer at the fake), memory before and after,
 * and whether any log line carried the bot token. Exits 1 when a question was lost or doubled,
 * an error happened, a secret was logged, or memory did not come back near its baseline.
 *
 *   node --expose-gc --import tsx scripts/load.ts [--slack 500] [--teams 500] [--concurrency 20] [--log-level info]
 */
import { parseArgs } from 'node:util';
import { LOAD_BOT_TOKEN, type PlatformResult, runLoad, startTarget } from './loadDriver.ts';

const { values } = parseArgs({
  options: {
    slack: { type: 'string', default: '500' },
    teams: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '20' },
    // debug makes every line Bolt and botbuilder write go through the token check (and costs throughput).
    'log-level': { type: 'string', default: 'debug' },
  },
});
const slack = Number(values.slack);
const teams = Number(values.teams);
const concurrency = Number(values.concurrency);

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
async function memory() {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed) };
}

let leaks = 0;
const target = await startTarget({
  logLevel: values['log-level'] === 'info' ? 'info' : 'debug',
  onLine: (line) => {
    if (line.includes(LOAD_BOT_TOKEN)) leaks++;
  },
});
try {
  // Warm up (JIT, Bolt's and botbuilder's first-request work), then measure.
  await runLoad(target, { slack: 50, teams: 50, concurrency });
  target.slackApi.reset();
  target.connector.reset();
  const before = await memory();
  const result = await runLoad(target, { slack, teams, concurrency, timeoutMs: 120_000 });
  // The fakes keep every call they recorded: drop those so only the server's memory is compared.
  target.slackApi.reset();
  target.connector.reset();
  const after = await memory();

  const row = (name: string, r: PlatformResult | null) =>
    r && {
      name,
      sent: r.sent,
      once: r.answeredOnce,
      dup: r.duplicates,
      missing: r.missing,
      httpErr: r.httpErrors,
      rps: r.rps,
      p50ms: r.p50,
      p99ms: r.p99,
      maxMs: r.max,
    };
  console.table([row('slack', result.slack), row('teams', result.teams)].filter(Boolean));
  console.log(
    `memory: before rss ${before.rssMb} MB heap ${before.heapUsedMb} MB; after rss ${after.rssMb} MB heap ${after.heapUsedMb} MB` +
      (gc ? '' : ' (no global.gc: run with --expose-gc for settled numbers)'),
  );
  console.log(`wall: ${result.ms} ms; error log lines: ${target.errorLines.length}; token in logs: ${leaks}`);

  const problems: string[] = [];
  for (const [name, r] of [
    ['slack', result.slack],
    ['teams', result.teams],
  ] as const) {
    if (!r) continue;
    if (r.answeredOnce !== r.sent)
      problems.push(`${name}: ${r.sent - r.answeredOnce} not answered exactly once`);
    if (r.httpErrors > 0) problems.push(`${name}: ${r.httpErrors} HTTP errors`);
  }
  if (target.errorLines.length > 0) problems.push(`error logs: ${target.errorLines[0]}`);
  if (leaks > 0) problems.push(`the bot token appeared in ${leaks} log lines`);
  if (gc && after.heapUsedMb > before.heapUsedMb * 1.5 + 20)
    problems.push('heap did not return near its baseline');
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
} finally {
  await target.close();
}
