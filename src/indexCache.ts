/**
 * An on-disk cache of what Cita builds from a large knowledge folder (the analysed corpus, the
 * search index and the key figures), so a restart over unchanged articles skips the analysis.
 * Keyed by a hash of the knowledge's content and of Cita's own source (a code change that could
 * analyse differently invalidates it). Kept in `.cache/cita/` beside the knowledge folder, else in
 * the OS temp folder; any cache problem just means building afresh.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Corpus } from './corpus.ts';
import type { FigureCluster } from './keyFigures.ts';
import type { Knowledge } from './knowledge.ts';

/** Below this many paragraphs, building is faster than reading a cache: none is kept. */
export const CACHE_MIN_PASSAGES = 5000;

export interface Built {
  corpus: Corpus;
  /** `MiniSearch#toJSON()` of the index. */
  index: unknown;
  clusters: FigureCluster[];
  topics: string[];
}

let codeHash: string | undefined;

/** Hash of Cita's analysis code: every file under src/. */
function sourceHash(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(fileURLToPath(new URL('./', import.meta.url)));
  codeHash = hash.digest('hex');
  return codeHash;
}

/** The cache key of a knowledge set: its articles, vocabulary and the code that analyses them. */
export function knowledgeHash(knowledge: Knowledge): string {
  const hash = createHash('sha256').update(sourceHash());
  hash.update(JSON.stringify(knowledge.vocabulary));
  for (const article of knowledge.articles) hash.update(JSON.stringify(article));
  return hash.digest('hex').slice(0, 32);
}

function folders(knowledge: Knowledge): string[] {
  const dir = resolve(knowledge.dir);
  return [join(dirname(dir), '.cache', 'cita'), join(tmpdir(), 'cita-cache')];
}

const fileName = (knowledge: Knowledge, key: string) => `${basename(resolve(knowledge.dir))}-${key}.v8`;

/** The cached build of this knowledge, if there is one. */
export function readBuilt(knowledge: Knowledge, key: string): Built | undefined {
  for (const folder of folders(knowledge)) {
    try {
      const built = deserialize(readFileSync(join(folder, fileName(knowledge, key)))) as Omit<
        Built,
        'corpus'
      > & {
        corpus: Omit<Corpus, 'articles'>;
      };
      return { ...built, corpus: { ...built.corpus, articles: knowledge.articles } };
    } catch {
      // Not there or unreadable: try the next place.
    }
  }
  return undefined;
}

/** Stores a build (replacing older ones of the same folder); silently gives up if it cannot. */
export function writeBuilt(knowledge: Knowledge, key: string, built: Built): void {
  const { articles: _, ...corpus } = built.corpus;
  let data: Buffer;
  try {
    data = serialize({ ...built, corpus });
  } catch {
    return;
  }
  const name = fileName(knowledge, key);
  const prefix = `${basename(resolve(knowledge.dir))}-`;
  for (const folder of folders(knowledge)) {
    try {
      mkdirSync(folder, { recursive: true });
      const partial = join(folder, `${name}.${process.pid}.tmp`);
      writeFileSync(partial, data);
      renameSync(partial, join(folder, name));
      for (const old of readdirSync(folder))
        if (old.startsWith(prefix) && old.endsWith('.v8') && old !== name)
          rmSync(join(folder, old), { force: true });
      return;
    } catch {
      // Read-only or full: try the next place.
    }
  }
}
