import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, readEvalSet, tally } from '../../scripts/evaluate.ts';
import { loadCita } from '../../src/index.ts';
import { loadKnowledge } from '../../src/knowledge.ts';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('answer quality on the dev set', async () => {
  const cita = await loadCita();
  const results = evaluate(cita, readEvalSet());
  const score = tally(results);

  it.each([
    ['fact', 19],
    ['typo', 4],
    ['conflict', 2],
    ['oos', 6],
    ['es', 3],
  ])('%s: at least %i right', (kind, least) => {
    const failed = results
      .filter((r) => r.item.kind === kind && !r.pass)
      .map((r) => `${r.item.id}: ${r.answer.answer}`);
    expect(score.get(kind)?.pass ?? 0, failed.join('\n')).toBeGreaterThanOrEqual(least);
  });

  it('quotes every citation verbatim from its article', async () => {
    const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
    const bodies = new Map(knowledge.articles.map((a) => [a.id, a.paragraphs.map((p) => p.text).join('\n')]));
    const citations = results.flatMap((r) => r.answer.citations);
    expect(citations.length).toBeGreaterThan(20);
    for (const c of citations) {
      expect(bodies.get(c.articleId)).toContain(c.quote);
      expect(c.passage).toContain(c.quote);
    }
  });

  it.runIf(existsSync(SEEDS))('quotes text that is in the raw captures too', () => {
    for (const c of results.flatMap((r) => r.answer.citations)) {
      const raw = flat(readFileSync(`${SEEDS}${c.articleId}.txt`, 'utf8'));
      expect(raw).toContain(flat(c.quote));
    }
  });
});

/**
 * Four article sets Cita was not built on (fictional news: a battery factory, a tram line, a
 * vaccine plant, a flood defence scheme), each with questions of every kind, as a check that it
 * generalises: no answer to a question the articles do not cover, and no lower score than now.
 */
describe.each([
  ['veltrix', { fact: 7, typo: 4, conflict: 2, oos: 8, es: 2 }],
  ['tram', { fact: 10, typo: 2, conflict: 2, oos: 8, es: 1 }],
  ['vaccine', { fact: 8, typo: 4, conflict: 2, oos: 8, es: 3 }],
  ['flood', { fact: 11, typo: 2, conflict: 1, oos: 8, es: 2 }],
])('answer quality on the %s article set', async (name, floors) => {
  const dir = fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
  const items = readEvalSet(fileURLToPath(new URL(`../fixtures/${name}.eval.jsonl`, import.meta.url)));
  const [cita, knowledge] = await Promise.all([loadCita(dir), loadKnowledge(dir)]);
  const results = evaluate(cita, items);
  const score = tally(results);

  it.each(Object.entries(floors))('%s: at least %i right', (kind, least) => {
    const failed = results
      .filter((r) => r.item.kind === kind && !r.pass)
      .map((r) => `${r.item.id}: ${r.answer.answer}`);
    expect(score.get(kind)?.pass ?? 0, failed.join('\n')).toBeGreaterThanOrEqual(least);
  });

  it('answers nothing the articles do not cover', () => {
    expect(results.filter((r) => r.item.kind === 'oos' && r.answer.answered)).toEqual([]);
  });

  it('quotes every citation verbatim from its article', () => {
    const bodies = new Map(knowledge.articles.map((a) => [a.id, a.paragraphs.map((p) => p.text).join('\n')]));
    for (const c of results.flatMap((r) => r.answer.citations))
      expect(bodies.get(c.articleId)).toContain(c.quote);
  });
});
