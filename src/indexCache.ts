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
import { type Corpus, NO_FIGURES, type Passage, type Sentence, type SentenceFigure } from './corpus.ts';
import type { FigureCluster } from './keyFigures.ts';
import type { Knowledge } from './knowledge.ts';

/** Below this many paragraphs, building is faster than reading a cache: none is kept. */
export const CACHE_MIN_PASSAGES = 5000;

/**
 * What is kept: the analysed corpus and the key figures — the costly part of a start. The
 * search index is not: MiniSearch rebuilds it from the cached terms in a few seconds, with far
 * less memory at its peak than loading its JSON form.
 */
export interface Built {
  corpus: Corpus;
  clusters: FigureCluster[];
  topics: string[];
}

/**
 * The corpus as a few flat columns: one copy of each term, sentence texts as offsets into their
 * paragraphs, passages without their text (both come back from the knowledge). A corpus object
 * graph serialized as is holds a copy of every term of every sentence, which makes the file and
 * the memory needed to read it several times larger.
 */
interface PackedCorpus {
  passages: Omit<Passage, 'text'>[];
  terms: string[];
  sentenceArticle: Int32Array;
  sentencePassage: Int32Array;
  /** Offsets of each sentence in its passage's text; -1 when it is kept in `texts`. */
  textStart: Int32Array;
  textEnd: Int32Array;
  texts: Map<number, string>;
  length: Int32Array;
  /** Bit 0: hasName; bit 1: hasFullName. */
  flags: Uint8Array;
  /** Sentence i's terms (as indexes into `terms`) and positions are [termStart[i], termStart[i + 1]). */
  termStart: Int32Array;
  termIds: Int32Array;
  positions: Int32Array;
  figures: Map<number, readonly SentenceFigure[]>;
  titleTerms: Set<string>[];
  sourceTerms: Set<string>[];
  df: Map<string, number>;
  surfaces: Map<string, string>;
  names: Set<string>;
}

/** Packs a corpus for the cache (see {@link PackedCorpus}). */
export function packCorpus(corpus: Corpus): PackedCorpus {
  const { sentences, passages } = corpus;
  const n = sentences.length;
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const total = sentences.reduce((sum, s) => sum + s.terms.length, 0);
  const packed: PackedCorpus = {
    passages: passages.map(({ text: _, ...passage }) => passage),
    terms,
    sentenceArticle: new Int32Array(n),
    sentencePassage: new Int32Array(n),
    textStart: new Int32Array(n),
    textEnd: new Int32Array(n),
    texts: new Map(),
    length: new Int32Array(n),
    flags: new Uint8Array(n),
    termStart: new Int32Array(n + 1),
    termIds: new Int32Array(total),
    positions: new Int32Array(total),
    figures: new Map(),
    titleTerms: corpus.titleTerms,
    sourceTerms: corpus.sourceTerms,
    df: corpus.df,
    surfaces: corpus.surfaces,
    names: corpus.names,
  };
  const cursor = new Map<number, number>();
  let k = 0;
  sentences.forEach((s, i) => {
    packed.sentenceArticle[i] = s.article;
    packed.sentencePassage[i] = s.passage;
    const passageText = passages[s.passage]?.text ?? '';
    const start = passageText.indexOf(s.text, cursor.get(s.passage) ?? 0);
    if (start >= 0) {
      packed.textStart[i] = start;
      packed.textEnd[i] = start + s.text.length;
      cursor.set(s.passage, start + s.text.length);
    } else {
      packed.textStart[i] = -1;
      packed.texts.set(i, s.text);
    }
    packed.length[i] = s.length;
    packed.flags[i] = (s.hasName ? 1 : 0) | (s.hasFullName ? 2 : 0);
    packed.termStart[i] = k;
    s.terms.forEach((term, j) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = terms.length;
        terms.push(term);
        ids.set(term, id);
      }
      packed.termIds[k] = id;
      packed.positions[k] = s.positions[j] as number;
      k++;
    });
    if (s.figures.length > 0) packed.figures.set(i, s.figures);
  });
  packed.termStart[n] = k;
  return packed;
}

/** The corpus again, from its packed form and the knowledge it was built from. */
export function unpackCorpus(packed: PackedCorpus, knowledge: Knowledge): Corpus {
  // Written out field by field, in buildCorpus's order: one compact object shape for them all.
  const passages: Passage[] = packed.passages.map((p) => ({
    id: p.id,
    article: p.article,
    index: p.index,
    text: knowledge.articles[p.article]?.paragraphs[p.index]?.text ?? '',
    kind: p.kind,
    heading: p.heading,
    sentences: p.sentences,
  }));
  const sentences: Sentence[] = [];
  for (let i = 0; i < packed.sentenceArticle.length; i++) {
    const passage = passages[packed.sentencePassage[i] as number] as Passage;
    const start = packed.textStart[i] as number;
    const from = packed.termStart[i] as number;
    const to = packed.termStart[i + 1] as number;
    const terms: string[] = [];
    const positions: number[] = [];
    for (let k = from; k < to; k++) {
      terms.push(packed.terms[packed.termIds[k] as number] as string);
      positions.push(packed.positions[k] as number);
    }
    const flags = packed.flags[i] as number;
    sentences.push({
      id: i,
      article: packed.sentenceArticle[i] as number,
      passage: passage.id,
      text: start >= 0 ? passage.text.slice(start, packed.textEnd[i]) : (packed.texts.get(i) ?? ''),
      // Exact-size copies, without the spare room push() left: they live as long as the corpus.
      terms: terms.slice(),
      positions: positions.slice(),
      length: packed.length[i] as number,
      figures: packed.figures.get(i) ?? NO_FIGURES,
      hasName: (flags & 1) !== 0,
      hasFullName: (flags & 2) !== 0,
    });
  }
  return {
    articles: knowledge.articles,
    passages,
    sentences,
    titleTerms: packed.titleTerms,
    sourceTerms: packed.sourceTerms,
    df: packed.df,
    surfaces: packed.surfaces,
    names: packed.names,
  };
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
      const stored = deserialize(readFileSync(join(folder, fileName(knowledge, key)))) as Omit<
        Built,
        'corpus'
      > & { corpus: PackedCorpus };
      return { ...stored, corpus: unpackCorpus(stored.corpus, knowledge) };
    } catch {
      // Not there or unreadable: try the next place.
    }
  }
  return undefined;
}

/** Stores a build (replacing older ones of the same folder); silently gives up if it cannot. */
export function writeBuilt(knowledge: Knowledge, key: string, built: Built): void {
  let data: Buffer;
  try {
    data = serialize({ ...built, corpus: packCorpus(built.corpus) });
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
