/**
 * `npm start`: with Slack and/or Teams configured, serves them; with neither, opens the
 * local terminal chat over the shipped (or --knowledge) articles.
 */
import { existsSync } from 'node:fs';
import { type CitaOptions, DEFAULT_KNOWLEDGE_DIR, KnowledgeError, loadCita } from '../src/index.ts';
import { knowledgeDirFrom } from './cli/args.ts';
import { runChat } from './cli/chat.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createInFlight } from './inflight.ts';
import { createKnowledgeHolder } from './knowledgeHolder.ts';
import { createLogger } from './log.ts';
import { createRateLimiter } from './rateLimit.ts';
import { type Adapter, startServer } from './server.ts';

/** How long SIGTERM waits for answers in flight before exiting anyway. */
const DRAIN_MS = 8_000;

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const dir = knowledgeDirFrom(process.argv.slice(2)) ?? config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  if (!config.slack && !config.teams) return runChat(await loadCita(dir));

  const log = createLogger(config.logLevel);
  // A bug in the core reaches the user as a plain apology; the operator gets the error in the log.
  const options: CitaOptions = {
    onError: (error, context) =>
      log.error('core.failed', {
        ...context,
        error,
        stack: error instanceof Error ? error.stack : undefined,
      }),
  };
  const cita = await loadCita(dir, options);

  const knowledge = createKnowledgeHolder(cita, dir, log, (from) => loadCita(from, options));
  const inflight = createInFlight();
  const ctx = {
    getCita: knowledge.current,
    log,
    config,
    inflight,
    limiter: createRateLimiter(config.rateLimitPerMinute),
  };
  const adapters: Adapter[] = [];
  if (config.slack) adapters.push((await import('./slack/index.ts')).createSlackAdapter(ctx, config.slack));
  if (config.teams) {
    if (config.teams.local)
      log.warn('teams.local', { message: 'TEAMS_LOCAL=1: Teams requests are NOT authenticated' });
    adapters.push((await import('./teams/index.ts')).createTeamsAdapter(ctx, config.teams));
  }
  const running = await startServer(ctx, adapters);
  knowledge.watch();
  process.on('SIGHUP', () => void knowledge.reload('SIGHUP'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('server.stopping', { signal, inflight: inflight.size });
    knowledge.close();
    const closed = running.close(); // stop accepting; open requests finish
    const drained = await inflight.drain(DRAIN_MS);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    log.info('server.stopped', { signal, drained });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return -1; // keep serving
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof KnowledgeError)
      console.error(`cita: ${error.message}`);
    else console.error(`cita: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
