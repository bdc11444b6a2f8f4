/**
 * Cita's engine: indexes a loaded knowledge folder and answers questions with verbatim, cited
 * sentences, declining when the articles don't answer.
 *
 * @example
 * const cita = await loadCita();
 * cita.ask('How much is being invested?').citations[0]?.quote
 */
import { fileURLToPath } from 'node:url';
import type MiniSearch from 'minisearch';
import { choose, indexSentences } from './answer.ts';
import { buildCorpus, type Corpus, hasTerm, type Sentence } from './corpus.ts';
import { buildSpanishLexicon, type SpanishLexicon } from './glossary.ts';
import { CACHE_MIN_PASSAGES, knowledgeHash, readBuilt, writeBuilt } from './indexCache.ts';
import { cleanQuestion, hasContent } from './input.ts';
import { buildKeyFigures, type FigureCluster } from './keyFigures.ts';
import { type Knowledge, loadKnowledge } from './knowledge.ts';
import { buildLexicon, type Lexicon } from './lexicon.ts';
import { messages } from './messages.ts';
import { analyseQuestion, createResolver, type Question, type Resolver } from './question.ts';
import { analyseSpanish } from './questionEs.ts';
import { detectLanguage, localeLanguage } from './spanish.ts';
import type {
  Answer,
  AnswerLanguage,
  ArticleMeta,
  Citation,
  Conflict,
  FiguresAnswer,
  KeyFigure,
} from './types.ts';

export { MAX_QUESTION_LENGTH } from './input.ts';

/** The shipped knowledge folder, used when no other is given. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge/', import.meta.url));

export interface CitaOptions {
  /**
   * Told of an error inside `ask` or `figures` (a bug: the user only gets a plain apology), with
   * the question's length: where the process can log it. Must not throw.
   */
  onError?: (error: unknown, context: { call: 'ask' | 'figures'; length: number }) => void;
}

/** Hints about the asker, from the platform. */
export interface AskOptions {
  /** The user's locale (Teams' `activity.locale`, Slack's user locale), e.g. `es-MX`. */
  locale?: string;
}

export interface Cita {
  /** The articles Cita knows, in file-name order. */
  readonly articles: readonly ArticleMeta[];
  /** Number of indexed passages (paragraphs). */
  readonly passageCount: number;
  /** Answers one question, in the question's language (English or Spanish). Never throws. */
  ask(question: string, options?: AskOptions): Answer;
  /**
   * Key figures, optionally only those about `topic` (English or Spanish words, typos and
   * synonyms resolved like a question's), with the language to frame them in. Never throws.
   */
  figures(topic?: string, options?: AskOptions): FiguresAnswer;
  /** A few topics this knowledge can answer about (names that recur in it). */
  suggestions(): string[];
}

const toMeta = ({ id, title, publisher, url, published, author }: ArticleMeta): ArticleMeta => ({
  id,
  title,
  publisher,
  url,
  published,
  author,
});

class Engine implements Cita {
  readonly articles: ArticleMeta[];
  readonly passageCount: number;
  private readonly lexicon: Lexicon;
  private readonly corpus: Corpus;
  private readonly index: MiniSearch;
  private readonly resolver: Resolver;
  private readonly clusters: FigureCluster[];
  private readonly topics: string[];
  private readonly glossary: Knowledge['glossary'];
  private spanish: SpanishLexicon | undefined;

  constructor(
    knowledge: Knowledge,
    private readonly options: CitaOptions = {},
  ) {
    this.articles = knowledge.articles.map(toMeta);
    this.glossary = knowledge.glossary;
    this.lexicon = buildLexicon(knowledge.vocabulary);
    // A large knowledge set is analysed once and kept on disk; restarts load that instead.
    const large = knowledge.articles.reduce((n, a) => n + a.paragraphs.length, 0) >= CACHE_MIN_PASSAGES;
    const key = large ? knowledgeHash(knowledge) : '';
    const cached = large ? readBuilt(knowledge, key) : undefined;
    if (cached) {
      this.corpus = cached.corpus;
      this.clusters = cached.clusters;
      this.topics = cached.topics;
    } else {
      this.corpus = buildCorpus(knowledge, this.lexicon);
      this.clusters = buildKeyFigures(this.corpus);
      this.topics = recurringNames(this.corpus);
      if (large)
        writeBuilt(knowledge, key, { corpus: this.corpus, clusters: this.clusters, topics: this.topics });
    }
    this.index = indexSentences(this.corpus);
    this.passageCount = this.corpus.passages.length;
    this.resolver = createResolver(this.corpus, this.lexicon);
  }

  ask(raw: string, options: AskOptions = {}): Answer {
    const { text, notices } = cleanQuestion(raw);
    const locale = typeof options?.locale === 'string' ? options.locale : undefined;
    const language = hasContent(text) ? detectLanguage(text, locale) : localeLanguage(locale);
    const say = messages(language);
    const base = { question: text, citations: [], conflict: null, language };
    const withNotices = (answer: Answer): Answer => (notices.length > 0 ? { ...answer, notices } : answer);
    if (!hasContent(text)) {
      return withNotices({
        ...base,
        answered: false,
        declineReason: 'empty',
        answer: say.empty,
        suggestions: this.topics,
      });
    }
    try {
      return withNotices(this.answer(text, language));
    } catch (error) {
      // Never let one odd question take the process down; say so plainly instead.
      this.report(error, 'ask', text);
      return withNotices({
        ...base,
        answered: false,
        declineReason: 'not-covered',
        answer: say.failed,
        suggestions: this.topics,
      });
    }
  }

  /** A question (or /figures topic) analysed in its language against the knowledge. */
  private analyse(text: string, language: AnswerLanguage): Question {
    return language === 'es'
      ? analyseSpanish(this.corpus, this.lexicon, this.spanishLexicon(), this.resolver, text)
      : analyseQuestion(this.corpus, this.lexicon, this.resolver, text);
  }

  private answer(text: string, language: AnswerLanguage): Answer {
    const question = this.analyse(text, language);
    const choice = choose(this.corpus, this.index, question, this.clusters);
    const say = messages(language);
    const base = { question: text, language };
    if (choice.kind === 'decline') {
      const what =
        choice.missing.length > 0 ? say.notMentioned(choice.missing.map((m) => `"${m}"`)) : say.notCovered;
      const answer = choice.reason === 'no-answer-type' ? say.noAnswerType : what;
      return {
        ...base,
        answered: false,
        answer,
        citations: [],
        conflict: null,
        declineReason: choice.reason,
        missing: choice.missing,
        suggestions: this.topics,
      };
    }
    const citations: Citation[] = [];
    const cite = (sentence: Sentence): number => {
      const existing = citations.find(
        (c) => c.quote === sentence.text && c.articleId === this.articles[sentence.article]?.id,
      );
      if (existing) return existing.n;
      citations.push(this.citation(citations.length + 1, sentence));
      return citations.length;
    };
    if (choice.conflict) {
      const conflict: Conflict = { subject: choice.conflict.label, values: [] };
      const parts: string[] = [];
      // Lead with the value of the best sentence, then every other value with its source.
      const first = choice.best[0]?.sentence;
      const ordered = [...choice.conflict.values].sort(
        (a, b) =>
          Number(b.occurrences.some((o) => o.sentence === first?.id)) -
          Number(a.occurrences.some((o) => o.sentence === first?.id)),
      );
      for (const value of ordered) {
        const occurrence = value.occurrences.find((o) => o.sentence === first?.id) ?? value.occurrences[0];
        if (!occurrence) continue;
        const sentence = this.corpus.sentences[occurrence.sentence] as Sentence;
        const n = cite(sentence);
        conflict.values.push({ value: occurrence.text, citations: [n] });
        parts.push(`${this.articles[sentence.article]?.publisher}: ${sentence.text} [${n}]`);
      }
      return {
        ...base,
        answered: true,
        answer: `${say.sourcesDiffer} ${parts.join(' ')}`,
        citations,
        conflict,
      };
    }
    const parts = choice.best.map(({ sentence }) => `${sentence.text} [${cite(sentence)}]`);
    return { ...base, answered: true, answer: parts.join(' '), citations, conflict: null };
  }

  /** The Spanish lexicon, built on the first Spanish question. */
  private spanishLexicon(): SpanishLexicon {
    this.spanish ??= buildSpanishLexicon(this.glossary);
    return this.spanish;
  }

  private citation(n: number, sentence: Sentence): Citation {
    const article = this.articles[sentence.article] as ArticleMeta;
    const passage = this.corpus.passages[sentence.passage];
    return {
      n,
      articleId: article.id,
      title: article.title,
      publisher: article.publisher,
      url: article.url,
      published: article.published,
      author: article.author,
      quote: sentence.text,
      passage: passage?.text ?? sentence.text,
    };
  }

  figures(rawTopic?: string, options: AskOptions = {}): FiguresAnswer {
    const topic = cleanQuestion(typeof rawTopic === 'string' ? rawTopic : '').text.trim();
    const locale = typeof options?.locale === 'string' ? options.locale : undefined;
    if (!hasContent(topic))
      return { topic, language: localeLanguage(locale), figures: this.keyFigures(null) };
    let understood: { language: AnswerLanguage; terms: string[] };
    try {
      understood = this.topicTerms(topic, detectLanguage(topic, locale));
    } catch (error) {
      this.report(error, 'figures', topic);
      understood = { language: detectLanguage(topic, locale), terms: [] };
    }
    return { topic, language: understood.language, figures: this.keyFigures(new Set(understood.terms)) };
  }

  private report(error: unknown, call: 'ask' | 'figures', text: string): void {
    try {
      this.options.onError?.(error, { call, length: text.length });
    } catch {
      // A failing reporter must not turn an apology into a crash.
    }
  }

  /** Key figures; with `wanted`, only those whose sentences contain one of its terms. */
  private keyFigures(wanted: ReadonlySet<string> | null): KeyFigure[] {
    const out: KeyFigure[] = [];
    for (const cluster of this.clusters) {
      if (wanted) {
        const about = cluster.values.some((v) =>
          v.occurrences.some((o) => hasTerm(this.corpus.sentences[o.sentence] as Sentence, wanted)),
        );
        if (!about) continue;
      }
      let n = 0;
      out.push({
        label: cluster.label,
        kind: cluster.kind,
        disputed: cluster.disputed,
        values: cluster.values.map((value) => {
          const seen = new Set<number>();
          const citations = value.occurrences
            .filter((o) => !seen.has(o.sentence) && seen.add(o.sentence))
            .map((o) => this.citation(++n, this.corpus.sentences[o.sentence] as Sentence));
          return { value: value.occurrences[0]?.text ?? value.term, citations };
        }),
      });
    }
    return out;
  }

  /**
   * The known terms of a /figures topic, analysed like a question in its language (typos,
   * synonyms, the Spanish glossary). When nothing in it is known in that language, the other
   * one is tried: a lone Spanish word ("empleos") has no Spanish signal to detect.
   */
  private topicTerms(topic: string, language: AnswerLanguage): { language: AnswerLanguage; terms: string[] } {
    const known = (lang: AnswerLanguage) =>
      this.analyse(topic, lang)
        .terms.filter((t) => t.known)
        .flatMap((t) => [t.term, ...t.related]);
    const terms = known(language);
    if (terms.length > 0) return { language, terms };
    const other = language === 'es' ? 'en' : 'es';
    const fallback = known(other);
    return fallback.length > 0 ? { language: other, terms: fallback } : { language, terms };
  }

  suggestions(): string[] {
    return [...this.topics];
  }
}

/** Names (capitalised runs) that occur in more than one sentence, most frequent first. */
function recurringNames(corpus: Corpus): string[] {
  const counts = new Map<string, number>();
  const run = /(?<![.!?]\s|^)\b\p{Lu}[\p{L}]+(?:\s+(?:de\s+)?\p{Lu}[\p{L}]+)*/gu;
  for (const sentence of corpus.sentences) {
    for (const m of sentence.text.matchAll(run)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([name, count]) => count > 1 && name.length > 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([name]) => name);
}

export function createCita(knowledge: Knowledge, options?: CitaOptions): Cita {
  return new Engine(knowledge, options);
}

/** Loads the knowledge folder and builds Cita over it. Throws KnowledgeError on bad files. */
export async function loadCita(dir: string = DEFAULT_KNOWLEDGE_DIR, options?: CitaOptions): Promise<Cita> {
  return createCita(await loadKnowledge(dir), options);
}
