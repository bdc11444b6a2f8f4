/**
 * The one HTTP server: every enabled adapter mounts its routes on it (Slack at /slack/events,
 * Teams at /api/messages), beside GET /healthz.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Cita } from '../src/index.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';

/** What every adapter gets: the current core (it may be swapped on reload), a logger, the config. */
export interface AdapterContext {
  getCita(): Cita;
  log: Logger;
  config: Config;
}

/** A surface Cita serves: mounts its routes, then starts (e.g. opens a socket) and stops. */
export interface Adapter {
  readonly name: string;
  mount(app: Express): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

/** Builds the express app with /healthz and every adapter's routes. */
export function createApp(ctx: AdapterContext, adapters: readonly Adapter[]): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({
      status: 'ok',
      adapters: adapters.map((a) => a.name),
      articles: ctx.getCita().articles.length,
    });
  });
  for (const adapter of adapters) adapter.mount(app);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Express error handler (4 arguments): bad JSON, oversize bodies and the like become a 4xx, never a crash.
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status =
      typeof err === 'object' && err && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    if (status >= 500) ctx.log.error('http.error', { error: err });
    if (!res.headersSent)
      res.status(status).json({ error: status >= 500 ? 'internal error' : 'bad request' });
  });
  return app;
}

/** Starts the server on config.port / config.host, then every adapter. */
export async function startServer(ctx: AdapterContext, adapters: readonly Adapter[]): Promise<RunningServer> {
  const app = createApp(ctx, adapters);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(ctx.config.port, ctx.config.host, (error?: Error) =>
      error ? reject(error) : resolve(s),
    );
  });
  try {
    for (const adapter of adapters) await adapter.start();
  } catch (error) {
    // An adapter that cannot start (e.g. a rejected token) must not leave the port held open.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  ctx.log.info('server.ready', {
    port,
    adapters: adapters.map((a) => a.name),
    articles: ctx.getCita().articles.length,
  });
  return {
    server,
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const adapter of adapters) await adapter.stop();
    },
  };
}
