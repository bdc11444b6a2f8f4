import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { parseArticle } from '../../src/knowledge.ts';

describe('the benchmark corpus generator', () => {
  it('is deterministic for a seed', () => {
    const a = generateCorpus({ passages: 120, seed: 7 });
    const b = generateCorpus({ passages: 120, seed: 7 });
    expect([...a.files]).toEqual([...b.files]);
    expect(a.questions).toEqual(b.questions);
  });

  it('differs between seeds', () => {
    const a = generateCorpus({ passages: 120, seed: 7 });
    const b = generateCorpus({ passages: 120, seed: 8 });
    expect([...a.files]).not.toEqual([...b.files]);
  });

  it('writes valid articles of 20 passages and a question mix', () => {
    const { files, questions } = generateCorpus({ passages: 50, seed: 1 });
    const articles = [...files].map(([name, source]) => parseArticle(name, source));
    expect(articles.map((a) => a.paragraphs.length)).toEqual([20, 20, 10]);
    expect(questions.filter((q) => q.kind === 'answerable')).toHaveLength(60);
    expect(questions.filter((q) => q.kind === 'typo')).toHaveLength(20);
    expect(questions.filter((q) => q.kind === 'oos')).toHaveLength(20);
  });
});
