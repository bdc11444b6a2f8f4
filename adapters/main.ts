/**
 * `npm start`: with Slack and/or Teams configured, serves them; with neither, opens the
 * local terminal chat over the shipped (or --knowledge) articles.
 */
import { existsSync } from 'node:fs';
import { KnowledgeError, loadCita } from '../src/index.ts';
import { knowledgeDirFrom } from './cli/args.ts';
import { runChat } from './cli/chat.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { type Adapter, startServer } from './server.ts';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const cita = await loadCita(knowledgeDirFrom(process.argv.slice(2)) ?? config.knowledgeDir);
  if (!config.slack && !config.teams) return runChat(cita);

  const log = createLogger(config.logLevel);
  const ctx = { getCita: () => cita, log, config };
  const adapters: Adapter[] = [];
  if (config.slack) adapters.push((await import('./slack/index.ts')).createSlackAdapter(ctx, config.slack));
  if (config.teams) {
    if (config.teams.local)
      log.warn('teams.local', { message: 'TEAMS_LOCAL=1: Teams requests are NOT authenticated' });
    adapters.push((await import('./teams/index.ts')).createTeamsAdapter(ctx, config.teams));
  }
  const running = await startServer(ctx, adapters);
  const stop = (signal: string) => {
    log.info('server.stopping', { signal });
    const timer = setTimeout(() => process.exit(0), 10_000);
    timer.unref();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return -1; // keep running
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
