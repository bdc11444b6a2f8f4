import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createInFlight } from '../../adapters/inflight.ts';
import { createKnowledgeHolder } from '../../adapters/knowledgeHolder.ts';
import { createLogger } from '../../adapters/log.ts';
import { createRateLimiter, rateLimitMessage } from '../../adapters/rateLimit.ts';
import { loadCita } from '../../src/index.ts';

const SOLAR = fileURLToPath(new URL('../fixtures/solar/', import.meta.url));

function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: createLogger('debug', (line) => lines.push(JSON.parse(line))) };
}

describe('rate limit', () => {
  it('allows `limit` questions a sliding minute per user, then says when to retry', () => {
    const limiter = createRateLimiter(2);
    expect([limiter.take('u', 0), limiter.take('u', 1000), limiter.take('u', 2000)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.take('other', 2000)).toBe(true);
    expect(limiter.retryAfter('u', 2000)).toBe(58);
    expect(limiter.take('u', 60_001)).toBe(true);
    expect(rateLimitMessage(58)).toBe(
      "You're asking faster than I can keep up with. Please try again in 58 s.",
    );
  });

  it('is off at 0 and forgets the least recent user past its bound', () => {
    expect(createRateLimiter(0).take('u')).toBe(true);
    const limiter = createRateLimiter(1, 2);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0); // forgets a
    expect(limiter.take('a', 1)).toBe(true);
    expect(limiter.take('c', 1)).toBe(false);
  });
});

describe('knowledge reload', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function copyOfSolar(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'cita-reload-'));
    folders.push(dir);
    for (const name of ['daily-grid.md', 'energy-wire.md', 'vocabulary.yaml'])
      await writeFile(join(dir, name), await readFile(join(SOLAR, name), 'utf8'));
    return dir;
  }

  it('swaps in a good folder and keeps the old index when a file is bad', async () => {
    const dir = await copyOfSolar();
    const { lines, log } = memoryLog();
    const holder = createKnowledgeHolder(await loadCita(dir), dir, log);
    const before = holder.current();

    await writeFile(join(dir, 'broken.md'), '---\ntitle: T\n---\nno publisher');
    expect(await holder.reload('test')).toBe(false);
    expect(holder.current()).toBe(before);
    expect(lines.at(-1)).toMatchObject({
      level: 'error',
      event: 'knowledge.reload_failed',
      error: 'broken.md: field "publisher" is missing',
      kept: 2,
    });

    await writeFile(
      join(dir, 'broken.md'),
      '---\ntitle: Third\npublisher: Wire Three\nurl: https://example.org/3\n---\nAcme Solar hired Bob Smith as chief engineer.',
    );
    expect(await holder.reload('test')).toBe(true);
    expect(holder.current().articles).toHaveLength(3);
    expect(holder.current().ask('Who is Bob Smith?').answered).toBe(true);
    // A question already holding the old core still gets its answer from it.
    expect(before.ask('How big is the battery?').answered).toBe(true);
  });
});

describe('in-flight work', () => {
  it('drains when work settles, or reports a timeout', async () => {
    const inflight = createInFlight();
    let finish: () => void = () => {};
    inflight.track(new Promise<void>((resolve) => (finish = resolve)));
    inflight.track(Promise.reject(new Error('counted and released')).catch(() => {}));
    expect(await inflight.drain(10)).toBe(false);
    finish();
    expect(await inflight.drain(1000)).toBe(true);
    expect(inflight.size).toBe(0);
  });
});

describe('logs', () => {
  it('write one JSON line an event and never a secret', () => {
    const { lines, log } = memoryLog();
    log.child({ adapter: 'slack' }).info('answer', {
      token: 'xoxb-123-456',
      headers: { authorization: 'Bearer abc.def' },
      note: 'sent with xoxb-999-abc and Bearer eyJhbGci.x',
    });
    expect(lines[0]).toMatchObject({
      level: 'info',
      event: 'answer',
      adapter: 'slack',
      token: '[redacted]',
      headers: { authorization: '[redacted]' },
      note: 'sent with [redacted] and [redacted]',
    });
  });
});
