/**
 * Cita's engine: builds the index over a loaded knowledge folder and answers questions with
 * verbatim, cited sentences. (First cut; the retrieval is refined in answer.ts and friends.)
 */
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { type Knowledge, loadKnowledge } from './knowledge.ts';
import type { Answer, ArticleMeta, KeyFigure } from './types.ts';

/** The shipped knowledge folder, used when no other is given. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge/', import.meta.url));

/** Questions longer than this are cut (with a notice). */
export const MAX_QUESTION_LENGTH = 2000;

export interface Cita {
  /** The articles Cita knows, in file-name order. */
  readonly articles: readonly ArticleMeta[];
  /** Number of indexed passages (paragraphs). */
  readonly passageCount: number;
  /** Answers one question. Never throws. */
  ask(question: string): Answer;
  /** Key figures, optionally only those about `topic`. */
  figures(topic?: string): KeyFigure[];
  /** A few example questions this knowledge can answer. */
  suggestions(): string[];
}

export function createCita(knowledge: Knowledge): Cita {
  const sentences: { id: number; articleId: string; text: string; passage: string }[] = [];
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  let passageCount = 0;
  for (const a of knowledge.articles)
    for (const p of a.paragraphs) {
      passageCount++;
      for (const s of seg.segment(p.text)) {
        sentences.push({ id: sentences.length, articleId: a.id, text: s.segment.trim(), passage: p.text });
      }
    }
  const index = new MiniSearch({ fields: ['text'], storeFields: [] });
  index.addAll(sentences);
  const articles = knowledge.articles.map(({ paragraphs: _p, ...meta }) => meta);
  return {
    articles,
    passageCount,
    ask(question) {
      const q = question.trim().slice(0, MAX_QUESTION_LENGTH);
      const hit = q ? index.search(q, { fuzzy: 0.2 })[0] : undefined;
      const s = hit ? sentences[hit.id] : undefined;
      const a = s ? articles.find((x) => x.id === s.articleId) : undefined;
      if (!s || !a) return { question: q, answered: false, answer: "The articles don't cover that.", citations: [], conflict: null, language: 'en', declineReason: 'not-covered' };
      return {
        question: q,
        answered: true,
        answer: `${s.text} [1]`,
        citations: [{ n: 1, articleId: a.id, title: a.title, publisher: a.publisher, url: a.url, published: a.published, author: a.author, quote: s.text, passage: s.passage }],
        conflict: null,
        language: 'en',
      };
    },
    figures: () => [],
    suggestions: () => [],
  };
}

/** Loads the knowledge folder and builds Cita over it. Throws KnowledgeError on bad files. */
export async function loadCita(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<Cita> {
  return createCita(await loadKnowledge(dir));
}
