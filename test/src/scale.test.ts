import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedQuestion, generateCorpus } from '../../scripts/bench/corpus.ts';
import { choose, indexSentences, MIN_COVERAGE, type Scored, scoreSentence } from '../../src/answer.ts';
import { buildCorpus, type Corpus } from '../../src/corpus.ts';
import { buildKeyFigures, type FigureCluster } from '../../src/keyFigures.ts';
import { loadKnowledge } from '../../src/knowledge.ts';
import { buildLexicon, type Lexicon } from '../../src/lexicon.ts';
import { analyseQuestion, createResolver, type Resolver } from '../../src/question.ts';

// A generated archive large enough that its common words fill tens of thousands of postings,
// so questions take the bounded search (rare terms only) rather than the full one.
describe('answering from a large knowledge', () => {
  let dir: string;
  let corpus: Corpus;
  let lexicon: Lexicon;
  let resolver: Resolver;
  let clusters: FigureCluster[];
  let questions: GeneratedQuestion[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cita-scale-'));
    const generated = generateCorpus({ passages: 4000, seed: 3 });
    for (const [name, text] of generated.files) writeFileSync(join(dir, name), text);
    questions = generated.questions;
    const knowledge = await loadKnowledge(dir);
    lexicon = buildLexicon(knowledge.vocabulary);
    corpus = buildCorpus(knowledge, lexicon);
    resolver = createResolver(corpus, lexicon);
    clusters = buildKeyFigures(corpus);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the same best sentence as scoring every sentence', () => {
    const index = indexSentences(corpus);
    let bounded = 0;
    let compared = 0;
    // The generated questions name a fact's rarest words; with two of the commonest words of the
    // archive added (each in thousands of sentences) they need the bounded search.
    const common = [...corpus.surfaces]
      .filter(([surface]) => surface.length > 3)
      .sort((a, b) => (corpus.df.get(b[1]) ?? 0) - (corpus.df.get(a[1]) ?? 0))
      .slice(0, 2)
      .map(([surface]) => surface);
    const mix = questions
      .filter((x) => x.kind !== 'oos')
      .flatMap((x) => [x, { ...x, q: `${x.q.replace(/\?$/, '')} ${common.join(' ')}?` }]);
    for (const { q, kind } of mix) {
      const question = analyseQuestion(corpus, lexicon, resolver, q);
      const known = question.terms.filter((t) => t.known);
      if (known.reduce((n, t) => n + (corpus.df.get(t.term) ?? 0), 0) > 5000) bounded++;
      // Every sentence, scored in full: the best one that covers enough of the question.
      const all = corpus.sentences
        .map((s) => scoreSentence(corpus, question, s))
        .filter((s): s is Scored => s !== null && s.coverage >= MIN_COVERAGE)
        .sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
      const choice = choose(corpus, index, question, clusters);
      const best = all[0];
      // A name asked about that the articles lack declines before any search.
      if (question.terms.some((t) => !t.known && (t.specific || t.focus))) continue;
      // Only a sentence holding none of the question's terms itself (covered from around it)
      // may be missed by the bounded search.
      if (!best || !known.some((t) => best.sentence.terms.includes(t.term))) continue;
      compared++;
      if (best.typeOk) {
        expect(choice.kind, `${kind}: ${q}`).toBe('answer');
        if (choice.kind === 'answer') expect(choice.best[0]?.sentence.id, q).toBe(best.sentence.id);
      } else expect(choice, q).toMatchObject({ kind: 'decline', reason: 'no-answer-type' });
    }
    expect(compared).toBeGreaterThan(100);
    // Most of the mix went the bounded way: the test is about it.
    expect(bounded).toBeGreaterThan(60);
  });
});
