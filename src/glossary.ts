/**
 * The Spanish lexicon: general Spanish (src/lexicon/es.yaml: stopwords, meta words and a glossary
 * of business and technology words) merged with an article set's own glossary.es.yaml. Glossary
 * keys are found by their folded words or, failing that, by Spanish stem; a phrase key matches a
 * run of words.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FirstLetterMap } from './fuzzy.ts';
import type { Glossary } from './knowledge.ts';
import { stemEs, tokenizeSpanish } from './spanish.ts';
import { fold } from './text.ts';

const spanishSchema = z.object({
  stopwords: z.array(z.string()),
  metaWords: z.array(z.string()),
  glossary: z.record(z.string(), z.union([z.string().transform((v) => [v]), z.array(z.string()).min(1)])),
});

export interface SpanishPhrase {
  stems: string[];
  english: string[];
}

export interface SpanishLexicon {
  stopwords: Set<string>;
  metaWords: Set<string>;
  /** Folded word → English alternatives. */
  words: Map<string, string[]>;
  /** Spanish stem → English alternatives (for inflected forms). */
  stems: Map<string, string[]>;
  /** Multi-word keys as stems, by their first stem, longest first. */
  phrases: Map<string, SpanishPhrase[]>;
  /** The words and stems again, for finding a misspelt word ("inverción"). */
  fuzzyWords: FirstLetterMap<string[]>;
  fuzzyStems: FirstLetterMap<string[]>;
}

let general: z.infer<typeof spanishSchema> | undefined;

function loadGeneral(): z.infer<typeof spanishSchema> {
  general ??= spanishSchema.parse(
    parseYaml(readFileSync(new URL('./lexicon/es.yaml', import.meta.url), 'utf8')),
  );
  return general;
}

/** Builds the Spanish lexicon for one article set; the set's glossary wins over the general one. */
export function buildSpanishLexicon(glossary: Glossary | undefined): SpanishLexicon {
  const base = loadGeneral();
  const lexicon: SpanishLexicon = {
    stopwords: new Set(base.stopwords.map(fold)),
    metaWords: new Set(base.metaWords.map(fold)),
    words: new Map(),
    stems: new Map(),
    phrases: new Map(),
    fuzzyWords: new FirstLetterMap(),
    fuzzyStems: new FirstLetterMap(),
  };
  const entries = [...Object.entries(base.glossary), ...Object.entries(glossary?.entries ?? {})];
  for (const [key, english] of entries) {
    const words = tokenizeSpanish(key);
    if (words.length === 0) continue;
    if (words.length > 1) {
      const stems = words.map((w) => w.term);
      const first = stems[0] as string;
      const list = lexicon.phrases.get(first) ?? [];
      const existing = list.find((p) => p.stems.join(' ') === stems.join(' '));
      if (existing) existing.english = english;
      else lexicon.phrases.set(first, [...list, { stems, english }]);
      continue;
    }
    const word = words[0];
    if (!word) continue;
    lexicon.words.set(word.surface, english);
    // The first entry for a stem keeps it, so a base form is not overridden by a rarer one.
    if (!lexicon.stems.has(word.term) || (glossary && Object.hasOwn(glossary.entries, key)))
      lexicon.stems.set(word.term, english);
  }
  for (const list of lexicon.phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  for (const [word, english] of lexicon.words)
    if (word.length >= FUZZY_MIN) lexicon.fuzzyWords.set(word, english);
  for (const [stem, english] of lexicon.stems)
    if (stem.length >= FUZZY_MIN - 1) lexicon.fuzzyStems.set(stem, english);
  return lexicon;
}

/** Words shorter than this are never corrected: too many short words are one letter apart. */
const FUZZY_MIN = 6;

export interface Translation {
  english: string[];
  /** Found by a small edit distance rather than as written. */
  corrected: boolean;
}

/**
 * English alternatives of one folded Spanish word, if the glossary has it: as written, by stem,
 * or — for a word of six letters or more — one letter off (two from nine letters), keeping its
 * first letter, so "inverción" is "inversión" but a short or unrelated word stays unknown.
 */
export function translateWord(lexicon: SpanishLexicon, surface: string): Translation | undefined {
  const stem = stemEs(surface);
  const exact = lexicon.words.get(surface) ?? lexicon.stems.get(stem);
  if (exact) return { english: exact, corrected: false };
  if (surface.length < FUZZY_MIN || !/^\p{L}+$/u.test(surface)) return undefined;
  const maxEdits = surface.length >= 9 ? 2 : 1;
  let best: { english: string[]; distance: number } | undefined;
  for (const [, english, distance] of [
    ...lexicon.fuzzyWords.fuzzyGet(surface, maxEdits),
    ...lexicon.fuzzyStems.fuzzyGet(stem, Math.min(maxEdits, stem.length >= 8 ? 2 : 1)),
  ])
    if (!best || distance < best.distance) best = { english, distance };
  return best ? { english: best.english, corrected: true } : undefined;
}
