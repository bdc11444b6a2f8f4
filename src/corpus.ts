/**
 * The analysed knowledge: every paragraph (passage) and sentence with its terms, ready for
 * indexing and scoring. Built once at load time.
 */
import type { Article, Knowledge } from './knowledge.ts';
import { type Lexicon, synonymTerms } from './lexicon.ts';
import { type FigureInfo, type FigureKind, type Token, tokenize } from './text.ts';

/** A figure in a sentence, read once at load time. */
export interface SentenceFigure {
  /** Index of its token in the sentence. */
  token: number;
  info: FigureInfo;
  /** Canonical value term, e.g. `1300000000`. */
  term: string;
  kind: FigureKind;
  /** Offsets of the figure in the sentence text. */
  start: number;
  end: number;
  /** End of the figure read with its unit: "three years" for a duration. */
  readEnd: number;
  /** The counted thing's term ("people" in "5 million people"), for counts; "megawatts" for power. */
  unit: string | null;
}

/**
 * One sentence of the knowledge. Kept small (a large knowledge has hundreds of thousands): its
 * words live on only as terms; the figures keep what the answers and key figures need of them.
 */
export interface Sentence {
  id: number;
  article: number;
  passage: number;
  /** Verbatim sentence text (trimmed). */
  text: string;
  /** Content terms in order (stopwords dropped, synonyms applied), with their token positions. */
  terms: string[];
  positions: number[];
  /** Number of tokens (words and figures). */
  length: number;
  figures: readonly SentenceFigure[];
  /** Whether the sentence has a run of capitalised words not at its start (a name). */
  hasName: boolean;
  /** Whether it has two or more capitalised words in a row (a person's full name, say). */
  hasFullName: boolean;
}

export interface Passage {
  id: number;
  article: number;
  /** Index of the paragraph within its article. */
  index: number;
  text: string;
  kind: 'text' | 'heading' | 'item';
  /** The heading this passage stands under, if any. */
  heading: number | null;
  sentences: number[];
}

export interface Corpus {
  articles: Article[];
  passages: Passage[];
  sentences: Sentence[];
  /** Per article: the terms of its title. */
  titleTerms: Set<string>[];
  /** Per article: the terms of its publisher and author (who tells, not what is told). */
  sourceTerms: Set<string>[];
  /** Number of sentences each term occurs in. */
  df: Map<string, number>;
  /** Folded surface word → its term, for every word of the knowledge (fuzzy matching). */
  surfaces: Map<string, string>;
  /**
   * Terms of words the articles always capitalise inside a sentence ("Halvern", "ANR"): names,
   * even when a question types them in lower case.
   */
  names: Set<string>;
}

/** Whether a sentence contains any of the terms. */
export function hasTerm(sentence: Sentence, terms: ReadonlySet<string>): boolean {
  return sentence.terms.some((term) => terms.has(term));
}

/** Whether any sentence of a passage contains the term. */
export function passageHas(corpus: Corpus, passage: Passage, term: string): boolean {
  return passage.sentences.some((id) => corpus.sentences[id]?.terms.includes(term));
}

const TIME_UNITS = /^(?:years?|months?|weeks?|days?|decades?|hours?)$/;
/** Terms of units of length ("14.2 km", "3 miles", "800 metres"). */
export const LENGTH_UNIT = /^(?:km|kilometr|kilomet|mile|mi|metr|meter|m|ft|feet|foot|yard)$/;
/** Terms of units a count measures in ("120 hectares", "3.5 million cubic metres", "300 megawatts"). */
export const MEASURE_UNIT =
  /^(?:hectar|acr|litr|liter|tonn|ton|kilogram|kg|gram|squar|cubic|barrel|gallon|metr|meter|millimetr|centimetr|mm|cm|km|kilometr|kilomet|mile|mi|sq|ft|feet|foot|yard|~mw|~gw|kilowatt|kwh|mwh|gwh|twh)$/;
/** Power written as a word after the number: "300 megawatts" is a capacity, as "300 MW" is. */
const POWER_WORDS = /^(?:(?:giga|mega|kilo)watts?)$/;
/** Currencies written as a word after the number: "4.2 billion dollars", "52 billion crowns". */
const CURRENCY_WORDS =
  /^(?:dollars?|euros?|pounds?|sterling|pesos?|reais|reals?|crowns?|korun[ay]?|kronor|kron[ae]r?|zlot(?:y|ys|ych)|forints?|lei|leu|francs?|yen|yuan|renminbi|rupees?|rupiah|ringgit|baht|dong|won|dirhams?|riyals?|rials?|dinars?|shillings?|naira|rand|cedis?|liras?|lire|rubles?|roubles?|soles?)$/;

/** Month names, in full or short, English and Spanish: a day number beside one is a date. */
export const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)$/;

/** Whether a figure is the day of a date: 1 to 31 beside a month ("3 November", "Nov 3"). */
function isDay(tokens: readonly Token[], index: number, info: FigureInfo): boolean {
  if (info.scaled || !Number.isInteger(info.value) || info.value < 1 || info.value > 31) return false;
  const beside = [tokens[index - 1], tokens[index + 1]];
  return beside.some((t) => t !== undefined && !t.figure && MONTHS.test(t.surface));
}

/** What kind of figure a token is, from the figure itself and the words around it. */
export function figureKind(tokens: readonly Token[], index: number): FigureKind {
  const token = tokens[index];
  const info = token?.figure;
  if (!token || !info) return 'count';
  if (info.currency) return 'money';
  if (info.unit === '%') return 'percent';
  if (info.unit) return 'capacity';
  // A date: the day is read as the year is, when it was or will be.
  if (isDay(tokens, index, info)) return 'year';
  const next = tokens[index + 1];
  if (next && TIME_UNITS.test(next.surface)) return 'duration';
  if (next && CURRENCY_WORDS.test(next.surface)) return 'money';
  if (next && POWER_WORDS.test(next.surface)) return 'capacity';
  // A year is written without a thousands separator: "1,900 homes" counts homes.
  if (
    !info.scaled &&
    Number.isInteger(info.value) &&
    info.value >= 1900 &&
    info.value <= 2100 &&
    !token.surface.includes(',')
  )
    return 'year';
  return 'count';
}

/** The figures of a tokenized sentence, with their kind and what they are read with. */
/**
 * Most sentences hold no figure: they share this one list. Read-only by type (Object.freeze would
 * give it an elements kind of its own and slow every loop over figures).
 */
export const NO_FIGURES: readonly SentenceFigure[] = [];

function sentenceFigures(
  tokens: readonly Token[],
  terms: readonly string[],
  positions: readonly number[],
): readonly SentenceFigure[] {
  if (!tokens.some((token) => token.figure)) return NO_FIGURES;
  const out: SentenceFigure[] = [];
  tokens.forEach((token, i) => {
    if (!token.figure) return;
    const kind = figureKind(tokens, i);
    const next = tokens[i + 1];
    const counted = kind === 'count' || (kind === 'capacity' && !token.figure.unit);
    const unitIndex = counted && next ? positions.indexOf(i + 1) : -1;
    out.push({
      token: i,
      info: token.figure,
      term: token.term,
      kind,
      start: token.start,
      end: token.end,
      readEnd: kind === 'duration' && next ? next.end : token.end,
      unit: unitIndex >= 0 ? (terms[unitIndex] ?? null) : null,
    });
  });
  return out;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Content terms of a text: synonyms applied, stopwords dropped. */
export function contentTerms(
  lexicon: Lexicon,
  tokens: readonly Token[],
): { terms: string[]; positions: number[] } {
  const { terms, phrases } = synonymTerms(
    lexicon,
    tokens.map((t) => t.term),
  );
  const out: string[] = [];
  const positions: number[] = [];
  tokens.forEach((token, i) => {
    const phrase = phrases.get(i);
    if (phrase) {
      out.push(phrase.group);
      positions.push(i);
    }
    if (token.figure || !lexicon.stopwords.has(token.surface)) {
      out.push(terms[i] as string);
      positions.push(i);
    }
    // "34 GW" is also found by its unit ("how many gigawatts").
    const unit = token.figure?.unit;
    if (unit && unit !== '%') {
      out.push(lexicon.single.get(unit) ?? unit);
      positions.push(i);
    }
  });
  return { terms: out, positions };
}

const NAME_RUN =
  /(?<!^)(?<![.!?]\s)\b\p{Lu}[\p{L}'’-]+(?:\s+(?:de|del|la|van|von|of)?\s*\p{Lu}[\p{L}'’-]+)*/u;

const FULL_NAME = /\p{Lu}\p{Ll}+(?:\s+(?:de|del|van|von|da|di|le|la)\s+|\s+)\p{Lu}\p{Ll}+/u;

/** Splits a paragraph into verbatim sentences with their offsets. */
export function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const s of segmenter.segment(text)) {
    const trimmed = s.segment.trim();
    if (!trimmed) continue;
    // A slice of the paragraph, not the segmenter's copy: it shares the paragraph's characters.
    const start = s.index + s.segment.indexOf(trimmed);
    out.push({ text: text.slice(start, start + trimmed.length), start });
  }
  return out;
}

/**
 * One shared copy of each distinct string. Sentence terms repeat across the whole knowledge (and
 * a term may be a slice that keeps its folded sentence alive), so at 100k passages one string
 * per occurrence costs hundreds of megabytes; one per distinct word costs a few.
 */
function stringInterner(): (s: string) => string {
  const strings = new Map<string, string>();
  return (s) => {
    let shared = strings.get(s);
    if (shared === undefined) {
      // A flat copy, so the shared string does not keep a longer parent string alive.
      shared = JSON.parse(JSON.stringify(s)) as string;
      strings.set(shared, shared);
    }
    return shared;
  };
}

export function buildCorpus(knowledge: Knowledge, lexicon: Lexicon): Corpus {
  const intern = stringInterner();
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  const df = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const titleTerms: Set<string>[] = [];
  const sourceTerms: Set<string>[] = [];
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();

  knowledge.articles.forEach((article, a) => {
    const termsOf = (text: string) => new Set(contentTerms(lexicon, tokenize(text)).terms.map(intern));
    titleTerms.push(termsOf(article.title));
    sourceTerms.push(termsOf([article.publisher, article.author ?? ''].join(' \n ')));
    let heading: number | null = null;
    article.paragraphs.forEach((paragraph, p) => {
      const passage: Passage = {
        id: passages.length,
        article: a,
        index: p,
        text: paragraph.text,
        kind: paragraph.kind,
        heading: paragraph.kind === 'heading' ? null : heading,
        sentences: [],
      };
      if (paragraph.kind === 'heading') heading = passage.id;
      passages.push(passage);
      for (const piece of splitSentences(paragraph.text)) {
        // Only terms outlive the analysis (tokens do not), so only they need sharing.
        const tokens = tokenize(piece.text);
        const content = contentTerms(lexicon, tokens);
        const terms = content.terms.map(intern);
        // Kept as long as the corpus: an exact-size copy, without the spare room push() left.
        const positions = content.positions.slice();
        for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
        tokens.forEach((token, k) => {
          if (token.figure || lexicon.stopwords.has(token.surface)) return;
          surfaces.set(token.surface, token.term);
          const first = piece.text[token.start] ?? '';
          if (first === first.toLowerCase()) lowercase.add(token.term);
          else if (k > 0) capitalised.add(token.term);
        });
        const sentence: Sentence = {
          id: sentences.length,
          article: a,
          passage: passage.id,
          text: piece.text,
          terms,
          positions,
          length: tokens.length,
          figures: sentenceFigures(tokens, terms, positions),
          hasName: NAME_RUN.test(piece.text),
          hasFullName: FULL_NAME.test(piece.text),
        };
        passage.sentences.push(sentence.id);
        sentences.push(sentence);
      }
    });
  });
  for (const terms of [...titleTerms, ...sourceTerms])
    for (const term of terms) if (!df.has(term)) df.set(term, 0);
  knowledge.articles.forEach((article) => {
    for (const token of tokenize([article.title, article.publisher, article.author ?? ''].join(' ')))
      if (!token.figure && !lexicon.stopwords.has(token.surface) && !surfaces.has(token.surface))
        surfaces.set(token.surface, token.term);
  });
  const names = new Set([...capitalised].filter((term) => !lowercase.has(term)).map(intern));
  return { articles: knowledge.articles, passages, sentences, titleTerms, sourceTerms, df, surfaces, names };
}

/** Inverse document frequency over sentences; unknown terms weigh like the rarest known ones. */
export function idf(corpus: Corpus, term: string): number {
  const n = corpus.sentences.length;
  const df = Math.max(corpus.df.get(term) ?? 1, 1);
  return Math.log(1 + n / (df + 0.5));
}
