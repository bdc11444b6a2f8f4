/**
 * Vocabulary: general English (src/lexicon/en.yaml) merged with the article set's own
 * (knowledge/vocabulary.yaml). Synonym groups become one shared term, so a question using any
 * word of a group matches passages using any other; phrases ("chief executive officer") too.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Vocabulary } from './knowledge.ts';
import { fold, tokenize } from './text.ts';

const lexiconSchema = z.object({
  stopwords: z.array(z.string()),
  metaWords: z.array(z.string()),
  synonyms: z.array(z.array(z.string()).min(2)),
  leading: z.object({ asks: z.array(z.string()), roles: z.array(z.string()) }),
  shorthand: z.record(z.string(), z.string()),
});

interface Phrase {
  terms: string[];
  group: string;
}

export interface Lexicon {
  stopwords: Set<string>;
  metaWords: Set<string>;
  /** Single-term synonym → group term. */
  single: Map<string, string>;
  /** Multi-term phrases by their first term, longest first. */
  phrases: Map<string, Phrase[]>;
  /** "Who runs X": the word terms (before synonyms) that ask for a leader, and the roles' terms. */
  leading: { asks: Set<string>; roles: string[] };
  /** Chat shorthand (folded) → the words it stands for ("mny" → "many"). */
  shorthand: Map<string, string>;
}

let english: z.infer<typeof lexiconSchema> | undefined;

function loadEnglish(): z.infer<typeof lexiconSchema> {
  english ??= lexiconSchema.parse(
    parseYaml(readFileSync(new URL('./lexicon/en.yaml', import.meta.url), 'utf8')),
  );
  return english;
}

/** Builds the lexicon for one article set. */
export function buildLexicon(vocabulary: Vocabulary): Lexicon {
  const base = loadEnglish();
  const lexicon: Lexicon = {
    stopwords: new Set(base.stopwords.map(fold)),
    metaWords: new Set(base.metaWords.map(fold)),
    single: new Map(),
    phrases: new Map(),
    leading: { asks: new Set(), roles: [] },
    shorthand: new Map(Object.entries(base.shorthand).map(([short, full]) => [fold(short), full])),
  };
  const groups = [...base.synonyms, ...vocabulary.synonyms].map((group) =>
    group.map((member) => tokenize(member).map((t) => t.term)).filter((terms) => terms.length > 0),
  );
  // Groups sharing a member merge (e.g. a set's vocabulary extending a general group).
  const groupOf = new Map<string, string>();
  for (const members of groups) {
    const keys = members.map((terms) => terms.join(' '));
    const existing = keys.map((k) => groupOf.get(k)).find((g) => g !== undefined);
    const group = existing ?? `~${keys[0]?.replace(/ /g, '_')}`;
    for (const key of keys) groupOf.set(key, group);
  }
  const addPhrase = (phrase: Phrase) => {
    const first = phrase.terms[0] as string;
    const list = [...(lexicon.phrases.get(first) ?? []), phrase];
    lexicon.phrases.set(
      first,
      list.sort((a, b) => b.terms.length - a.terms.length),
    );
  };
  for (const [key, group] of groupOf) {
    const terms = key.split(' ');
    if (terms.length === 1) lexicon.single.set(key, group);
    else addPhrase({ terms, group });
  }
  const termOf = (words: string) => {
    const terms = tokenize(words).map((t) => t.term);
    const { terms: single, phrases } = synonymTerms(lexicon, terms);
    const phrase = phrases.get(0);
    if (phrase?.length === terms.length) return phrase.group;
    if (terms.length === 1) return single[0] ?? '';
    // A role of several words ("general manager") is one thing, as a vocabulary phrase is.
    const group = `~${terms.join('_')}`;
    addPhrase({ terms, group });
    return group;
  };
  lexicon.leading.asks = new Set(base.leading.asks.map((w) => tokenize(w)[0]?.term ?? w));
  lexicon.leading.roles = [...new Set(base.leading.roles.map(termOf))];
  return lexicon;
}

/**
 * Applies synonyms to a term sequence. Returns, for each position, the term to match with, and
 * the group terms of phrases that start at that position.
 */
export function synonymTerms(
  lexicon: Lexicon,
  terms: readonly string[],
): { terms: string[]; phrases: Map<number, { group: string; length: number }> } {
  const out = terms.map((t) => lexicon.single.get(t) ?? t);
  const phrases = new Map<number, { group: string; length: number }>();
  for (let i = 0; i < terms.length; i++) {
    const candidates = lexicon.phrases.get(terms[i] as string);
    if (!candidates) continue;
    const phrase = candidates.find((p) => startsAt(terms, i, p.terms));
    if (phrase) phrases.set(i, { group: phrase.group, length: phrase.terms.length });
  }
  return { terms: out, phrases };
}

/** Whether `terms` reads `phrase` from position `at` on. */
function startsAt(terms: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let k = 1; k < phrase.length; k++) if (terms[at + k] !== phrase[k]) return false;
  return true;
}
