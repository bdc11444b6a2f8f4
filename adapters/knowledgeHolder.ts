/**
 * Holds the live core and swaps it atomically on reload (SIGHUP or a change in the knowledge
 * folder): the new index is built aside; only when it loads cleanly does it replace the old one.
 * A bad file leaves the old index serving and logs why. Requests in flight keep the core they
 * started with.
 */
import { type FSWatcher, watch } from 'node:fs';
import { type Cita, loadCita } from '../src/index.ts';
import type { Logger } from './log.ts';

export interface KnowledgeHolder {
  current(): Cita;
  /** Reloads now; resolves true when the new knowledge is in service. */
  reload(reason: string): Promise<boolean>;
  /** Reloads on changes in the folder (debounced). */
  watch(debounceMs?: number): void;
  close(): void;
}

export function createKnowledgeHolder(
  initial: Cita,
  dir: string | undefined,
  log: Logger,
  load: (dir: string | undefined) => Promise<Cita> = loadCita,
): KnowledgeHolder {
  let cita = initial;
  let running: Promise<boolean> | null = null;
  let again = false;
  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | null = null;

  const reloadOnce = async (reason: string): Promise<boolean> => {
    const started = Date.now();
    try {
      const next = await load(dir);
      cita = next;
      log.info('knowledge.reloaded', {
        reason,
        articles: next.articles.length,
        passages: next.passageCount,
        ms: Date.now() - started,
      });
      return true;
    } catch (error) {
      log.error('knowledge.reload_failed', {
        reason,
        error: error instanceof Error ? error.message : String(error),
        kept: cita.articles.length,
      });
      return false;
    }
  };

  const holder: KnowledgeHolder = {
    current: () => cita,
    async reload(reason) {
      if (running) {
        // One reload at a time; a request during one runs once more after it.
        again = true;
        return running;
      }
      running = (async () => {
        let ok = await reloadOnce(reason);
        while (again) {
          again = false;
          ok = await reloadOnce(reason);
        }
        return ok;
      })();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    watch(debounceMs = 300) {
      if (watcher || !dir) return;
      try {
        watcher = watch(dir, () => {
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => void holder.reload('file change'), debounceMs);
          timer.unref();
        });
        watcher.on('error', (error) => log.warn('knowledge.watch_failed', { error: error.message }));
      } catch (error) {
        log.warn('knowledge.watch_failed', { error: error instanceof Error ? error.message : String(error) });
      }
    },
    close() {
      watcher?.close();
      watcher = null;
      if (timer) clearTimeout(timer);
    },
  };
  return holder;
}
