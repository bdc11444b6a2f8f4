/**
 * The server under test in a process of its own, so the end-to-end bench charges it only for its
 * own work: the load driver and the fake Slack Web API / Bot Connector (standing in for Slack's
 * and Microsoft's servers) run in the parent. Started by scripts/bench/e2e.ts through
 * `child_process.fork`; talks over the IPC channel:
 *   child → parent: `{ type: 'ready', baseUrl }` once listening;
 *   parent → child: `{ id, type: 'drain', ms }` | `{ id, type: 'cpu' }` | `{ id, type: 'close' }`;
 *   child → parent: `{ id, value }` for each (`cpu`: process.cpuUsage() user + system, µs);
 *   the child exits when the parent disconnects (after `close`, or if the bench dies).
 */
import { z } from 'zod';
import { serveTarget } from '../loadDriver.ts';

export const ServerArgs = z.object({ kind: z.enum(['cita', 'bare', 'bare-reply']), slackApiUrl: z.url() });
export type ServerArgs = z.infer<typeof ServerArgs>;

const IpcRequest = z.object({
  id: z.number(),
  type: z.enum(['drain', 'cpu', 'close']),
  ms: z.number().optional(),
});

const send = (message: unknown) => process.send?.(message);

if (process.send) {
  const args = ServerArgs.parse(JSON.parse(process.argv[2] ?? '{}'));
  const served = await serveTarget(args.slackApiUrl, { kind: args.kind, logLevel: 'warn' });
  process.on('message', async (raw) => {
    const request = IpcRequest.parse(raw);
    if (request.type === 'drain') {
      send({ id: request.id, value: await served.inflight.drain(request.ms ?? 0) });
    } else if (request.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ id: request.id, value: user + system });
    } else {
      await served.close();
      send({ id: request.id, value: true });
    }
  });
  // The bench stopped (or crashed): never outlive it.
  process.once('disconnect', () => process.exit(0));
  send({ type: 'ready', baseUrl: served.baseUrl });
}
