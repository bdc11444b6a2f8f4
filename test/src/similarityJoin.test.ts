import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Corpus, Sentence } from '../../src/corpus.ts';
import { SimilarityJoin } from '../../src/keyFigures.ts';

/** A corpus of bare sentences (terms only), enough for idf weights. */
function corpusOf(termLists: string[][]): Corpus {
  const sentences = termLists.map((terms, id) => ({ id, terms }) as unknown as Sentence);
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return { sentences, df } as unknown as Corpus;
}

const sentenceTerms = fc.array(
  fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', '12', '2030'),
  {
    minLength: 1,
    maxLength: 8,
  },
);

describe('SimilarityJoin.pairs', () => {
  it('offers every pair at least as similar as the threshold, each pair once', () => {
    fc.assert(
      fc.property(
        fc.array(sentenceTerms, { minLength: 2, maxLength: 30 }),
        fc.constantFrom(0.15, 0.2, 0.3, 0.5),
        (lists, threshold) => {
          const corpus = corpusOf(lists);
          const join = new SimilarityJoin(corpus);
          const offered = new Set<string>();
          join.pairs(corpus.sentences, threshold, (i, j) => {
            const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
            expect(offered.has(key)).toBe(false);
            offered.add(key);
          });
          for (let i = 0; i < lists.length; i++)
            for (let j = i + 1; j < lists.length; j++) {
              const [a, b] = [corpus.sentences[i] as Sentence, corpus.sentences[j] as Sentence];
              if (join.similarity(a, b) >= threshold) expect(offered.has(`${i}-${j}`)).toBe(true);
            }
        },
      ),
      { numRuns: 300 },
    );
  });
});
