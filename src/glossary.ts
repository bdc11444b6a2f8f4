/**
 * The Spanish lexicon: general Spanish (src/lexicon/es.yaml: stopwords, meta words and a glossary
 * of business and technology words) merged with an article set's own glossary.es.yaml. Glossary
 * keys are found by their folded words or, failing that, by Spanish stem; a phrase key matches a
 * run of words.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Glossary } from './knowledge.ts';
import { stemEs, tokenizeSpanish } from './spanish.ts';
import { fold } from './text.ts';

const spanishSchema = z.object({
  stopwords: z.array(z.string()),
  metaWords: z.array(z.string()),
  glossary: z.record(z.string(), z.union([z.string().transform((v) => [v]), z.array(z.string()).min(1)])),
});

export interface SpanishLexicon {
  stopwords: Set<string>;
  metaWords: Set<string>;
  /** Folded word → English alternatives. */
  words: Map<string, string[]>;
  /** Spanish stem → English alternatives (for inflected forms). */
  stems: Map<string, string[]>;
  /** Multi-word keys as stems, longest first. */
  phrases: { stems: string[]; english: string[] }[];
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
    phrases: [],
  };
  const entries = [...Object.entries(base.glossary), ...Object.entries(glossary?.entries ?? {})];
  for (const [key, english] of entries) {
    const words = tokenizeSpanish(key);
    if (words.length === 0) continue;
    if (words.length > 1) {
      const stems = words.map((w) => w.term);
      const existing = lexicon.phrases.find((p) => p.stems.join(' ') === stems.join(' '));
      if (existing) existing.english = english;
      else lexicon.phrases.push({ stems, english });
      continue;
    }
    const word = words[0];
    if (!word) continue;
    lexicon.words.set(word.surface, english);
    // The first entry for a stem keeps it, so a base form is not overridden by a rarer one.
    if (!lexicon.stems.has(word.term) || glossary?.entries[key]) lexicon.stems.set(word.term, english);
  }
  lexicon.phrases.sort((a, b) => b.stems.length - a.stems.length);
  return lexicon;
}

/** English alternatives of one folded Spanish word, if the glossary has it. */
export function translateWord(lexicon: SpanishLexicon, surface: string): string[] | undefined {
  return lexicon.words.get(surface) ?? lexicon.stems.get(stemEs(surface));
}
