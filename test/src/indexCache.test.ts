import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/cita.ts';
import { buildCorpus } from '../../src/corpus.ts';
import { knowledgeHash, packCorpus, readBuilt, unpackCorpus, writeBuilt } from '../../src/indexCache.ts';
import { buildKeyFigures } from '../../src/keyFigures.ts';
import { type Knowledge, loadKnowledge } from '../../src/knowledge.ts';
import { buildLexicon } from '../../src/lexicon.ts';

const SOLAR = fileURLToPath(new URL('../fixtures/solar/', import.meta.url));

describe('on-disk cache of a large knowledge', () => {
  let knowledge: Knowledge;
  let dir: string;
  beforeAll(async () => {
    knowledge = await loadKnowledge(SOLAR);
    dir = mkdtempSync(join(tmpdir(), 'cita-cache-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('packs a corpus into flat columns and gets the same corpus back', async () => {
    for (const k of [knowledge, await loadKnowledge(DEFAULT_KNOWLEDGE_DIR)]) {
      const corpus = buildCorpus(k, buildLexicon(k.vocabulary));
      const packed = packCorpus(corpus);
      // One copy of each term, whatever the number of sentences holding it.
      expect(packed.terms.length).toBe(new Set(corpus.sentences.flatMap((s) => s.terms)).size);
      expect(unpackCorpus(packed, k)).toEqual(corpus);
    }
  });

  it('keeps sentences lean either way: verbatim text at its offset, one shared empty figure list', () => {
    const corpus = buildCorpus(knowledge, buildLexicon(knowledge.vocabulary));
    for (const c of [corpus, unpackCorpus(packCorpus(corpus), knowledge)]) {
      const bare = c.sentences.filter((s) => s.figures.length === 0);
      expect(bare.length).toBeGreaterThan(1);
      // One list for every sentence without a figure (read-only by type), not one each.
      expect(new Set(bare.map((s) => s.figures)).size).toBe(1);
      for (const s of c.sentences) {
        expect(c.passages[s.passage]?.text).toContain(s.text);
        expect(s.positions).toHaveLength(s.terms.length);
      }
    }
  });

  it('writes a build beside the knowledge, reads it back by key, and keeps only the newest', () => {
    // A copy of the knowledge "living" in a temporary folder, so the cache goes there.
    const here = { ...knowledge, dir: join(dir, 'knowledge') };
    const corpus = buildCorpus(here, buildLexicon(here.vocabulary));
    const built = { corpus, clusters: buildKeyFigures(corpus), topics: ['Acme Solar'] };
    const key = knowledgeHash(here);
    expect(readBuilt(here, key)).toBeUndefined();
    writeBuilt(here, key, built);
    expect(readBuilt(here, key)).toEqual(built);
    writeBuilt(here, 'another-key', built);
    expect(readdirSync(join(dir, '.cache', 'cita'))).toEqual(['knowledge-another-key.v8']);
    expect(readBuilt(here, key)).toBeUndefined();
  });

  it('keys a build by the content of the knowledge', () => {
    const changed: Knowledge = {
      ...knowledge,
      articles: knowledge.articles.map((a, i) => (i === 0 ? { ...a, title: `${a.title}!` } : a)),
    };
    expect(knowledgeHash(knowledge)).toBe(knowledgeHash({ ...knowledge }));
    expect(knowledgeHash(changed)).not.toBe(knowledgeHash(knowledge));
  });
});
