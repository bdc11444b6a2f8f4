/**
 * Choosing the answer: candidate sentences come from MiniSearch; each is scored on how much of
 * the question's weighted terms it (or its passage, section and source) covers, whether it
 * carries the kind of answer wanted, and how close its matched terms stand. Cita declines when a
 * specific term is unknown, coverage is weak, or no sentence carries the wanted kind of answer —
 * all relative to the question itself, never an absolute search score.
 */
import MiniSearch from 'minisearch';
import {
  type Corpus,
  LENGTH_UNIT,
  MEASURE_UNIT,
  passageHas,
  type Sentence,
  type SentenceFigure,
} from './corpus.ts';
import type { FigureCluster } from './keyFigures.ts';
import type { AnswerType, QueryTerm, Question } from './question.ts';
import { type FigureKind, tokenize } from './text.ts';

const words = (text: string) => text.split(' ');
const INDEX_OPTIONS = {
  fields: ['terms'],
  tokenize: words,
  processTerm: (term: string) => term || null,
  searchOptions: { tokenize: words, processTerm: (term: string) => term || null },
};

/** Terms are computed once by Cita's own analysis; MiniSearch indexes them as given. */
export function indexSentences(corpus: Corpus): MiniSearch {
  const index = new MiniSearch<{ id: number; terms: string }>(INDEX_OPTIONS);
  index.addAll(corpus.sentences.map((s) => ({ id: s.id, terms: s.terms.join(' ') })));
  return index;
}

/** Share of the question's weight a sentence must cover to be an answer. */
export const MIN_COVERAGE = 0.5;
/** Credit for a term found only around the sentence (its passage, section heading or source). */
const CONTEXT_CREDIT = 0.6;
const CANDIDATES = 40;
/**
 * Above this many postings (sentences holding the question's terms, counted with repeats), the
 * search leaves out the terms no answer can rely on alone (see {@link searchedTerms}).
 */
const PRUNE_POSTINGS = 5000;
/** Candidates scored when the search was pruned: all hits of the rarer terms, up to this many. */
const PRUNED_CANDIDATES = 1000;

export interface Scored {
  sentence: Sentence;
  coverage: number;
  typeOk: boolean;
  score: number;
  /** The sentence's figures of the wanted kind. */
  answerFigures: SentenceFigure[];
  /** It never says what the question asks about (its focus). */
  unsaid: boolean;
}

export type Choice =
  | { kind: 'answer'; best: Scored[]; conflict: FigureCluster | null }
  | { kind: 'decline'; reason: 'not-covered' | 'no-answer-type'; missing: string[] };

const FIGURE_KINDS: Partial<Record<AnswerType, FigureKind[]>> = {
  money: ['money'],
  count: ['count'],
  amount: ['money', 'count', 'capacity', 'percent'],
  quantity: ['money', 'capacity', 'percent'],
  percent: ['percent'],
  capacity: ['capacity'],
  duration: ['duration'],
  date: ['year'],
};

/** An age written in English: "aged 57", "57 years old", "a 57-year-old", "Ana Ruiz, 57,". */
const AGE = /\baged \d{1,3}\b|\b\d{1,3}[- ]years?[- ]old\b|\p{Lu}\p{L}+, \d{1,3},/u;

/**
 * A wire story's dateline ("BELVARRE, May 13 (Caldora Business Wire) – "): when and where it was
 * filed, not a date the story tells.
 */
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]*(?:,[^()]{1,30})?\s*\([^()]{1,60}\)\s*[-–—]\s*/u;

/** How far into the sentence its dateline runs (0 without one). */
function datelineEnd(sentence: Sentence): number {
  return DATELINE.exec(sentence.text)?.[0].length ?? 0;
}

/** "… the companies said on Tuesday": the day it was said, not a date the story tells. */
const SAID_ON_DAY =
  /\b(?:said|says|told|announced|confirmed|added|reported|stated)(?:\s+\p{L}+)?\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b/giu;

const DATE_WORDS =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)\b/i;

/**
 * How far below the best-matching sentence one holding the wanted kind of answer may score and
 * still answer: "84 turbines" answers "how many turbines … in the water", though a sentence about
 * the waters, without any count, matches the words a little better.
 */
const TYPE_MARGIN = 0.1;

/** Most words between a figure and the thing a "how many X" question counts: "30,000 small SMBs". */
const FOCUS_REACH = 5;
/**
 * A sum may stand further from what it pays for: "to build a new central *library* on the derelict
 * mill site, the price tag was $62 million".
 */
const MONEY_REACH = 12;

/**
 * Whether a figure is about the focus of the question, when the sentence names it: "how much
 * *water*" is not answered by "three things" in a sentence that mentions a deep-water port
 * further on. (A sentence without the focus word may still count it in other words: "people"
 * employed as "2,300 direct jobs".)
 */
function nearFocus(sentence: Sentence, figure: SentenceFigure, focus: readonly QueryTerm[]): boolean {
  // Any word of a focus of several ("an *extension* of *tram* line 4 will run 6.2 km").
  const at = focus.flatMap((t) => positionsOf(sentence, t));
  const reach = figure.kind === 'money' ? MONEY_REACH : FOCUS_REACH;
  return at.length === 0 || at.some((p) => Math.abs(p - figure.token) <= reach);
}

/**
 * Whether the sentence holds an answer of the wanted type (for figures, those that answer), and
 * whether it leaves the question's focus `unsaid`.
 */
function typeCheck(
  corpus: Corpus,
  sentence: Sentence,
  question: Question,
): { ok: boolean; figures: SentenceFigure[]; unsaid: boolean } {
  const type = question.type;
  const kinds = FIGURE_KINDS[type];
  // Of several words naming what is asked about, the last is its head: "construction *jobs*",
  // "interest *rate*", "people *living*".
  const focusTerms = question.terms.filter((t) => t.focus && t.known);
  const focus = focusTerms.at(-1);
  const unsaid = focus !== undefined && positionsOf(sentence, focus).length === 0;
  // "How many turbines" is not answered by 40 metres; "how many hectares" is.
  const asks = (unit: string | null) => question.terms.some((t) => t.term === unit);
  // A count of a thing named in several words ("medal events") must say it: "300 people" at a
  // protest by "Halvern Before Medals" counts no medal events.
  const mustSay = question.focusSaid || (type === 'count' && focusTerms.length > 1);
  // A figure the question gives ("how much of the $1.3 billion …") is not its answer.
  const answers = (f: SentenceFigure) =>
    !(mustSay && unsaid) &&
    nearFocus(sentence, f, focusTerms) &&
    !question.terms.some((t) => t.term === f.term);
  if (kinds) {
    const measure = (f: SentenceFigure) => f.unit !== null && MEASURE_UNIT.test(f.unit);
    const filed = type === 'date' ? datelineEnd(sentence) : 0;
    const figures = sentence.figures.filter(
      (f) =>
        f.start >= filed &&
        answers(f) &&
        ((kinds.includes(f.kind) && !(type === 'count' && measure(f) && !asks(f.unit))) ||
          (type === 'quantity' && f.kind === 'count' && measure(f))),
    );
    const ok =
      figures.length > 0 ||
      (type === 'date' && DATE_WORDS.test(sentence.text.slice(filed).replace(SAID_ON_DAY, '')));
    return { ok, figures, unsaid };
  }
  if (type === 'length') {
    const figures = sentence.figures.filter((f) => f.unit !== null && LENGTH_UNIT.test(f.unit) && answers(f));
    return { ok: figures.length > 0, figures, unsaid };
  }
  if (type === 'age') return { ok: AGE.test(sentence.text), figures: [], unsaid };
  if (type === 'person' || type === 'organisation' || type === 'place')
    return { ok: sentence.hasName, figures: [], unsaid };
  return { ok: corpus.passages[sentence.passage]?.kind !== 'heading', figures: [], unsaid };
}

/**
 * Whether a term stands around the sentence: in its section heading or its article's title, or
 * — unless `strict` — anywhere in its passage; and in the article's publisher or author unless
 * the question asks for a name (`named`). A name or figure asked about (`strict`) must be in the
 * sentence itself, not merely nearby: "the CEO" near "Cemex" is not Cemex's CEO, and a chief
 * executive quoted by Energy Wire is not Energy Wire's.
 */
function contextHas(
  corpus: Corpus,
  sentence: Sentence,
  term: string,
  { strict, named }: { strict: boolean; named: boolean },
): boolean {
  const passage = corpus.passages[sentence.passage];
  if (!passage) return false;
  if (!strict && passageHas(corpus, passage, term)) return true;
  const heading = passage.heading != null ? corpus.passages[passage.heading] : undefined;
  if (heading && passageHas(corpus, heading, term)) return true;
  if (corpus.titleTerms[sentence.article]?.has(term)) return true;
  return !named && (corpus.sourceTerms[sentence.article]?.has(term) ?? false);
}

/** Smallest span of token positions holding every matched term, as a 0..1 closeness. */
function proximity(sentence: Sentence, terms: readonly QueryTerm[]): number {
  const positions: number[] = [];
  for (const t of terms) {
    const k = sentence.terms.indexOf(t.term);
    if (k >= 0) positions.push(sentence.positions[k] as number);
  }
  if (positions.length < 2) return positions.length / 2;
  const span = Math.max(...positions) - Math.min(...positions) + 1;
  return positions.length / span;
}

/** Question types whose answer is a name: the role asked about names it ("who is the *head* of …"). */
const NAMED: ReadonlySet<AnswerType> = new Set(['person', 'organisation']);
/** Most words between a role and the name it belongs to: "Acme's chief", "CEO of the firm Acme". */
const ROLE_REACH = 5;

/** Token positions of a term (or a related form) in a sentence. */
function positionsOf(sentence: Sentence, t: QueryTerm): number[] {
  const out: number[] = [];
  sentence.terms.forEach((term, k) => {
    if (term === t.term || t.related.includes(term)) out.push(sentence.positions[k] as number);
  });
  return out;
}

/**
 * Whether the role a "who is the X of Y" question asks for stands next to every name asked
 * about: "Chile has the best sunlight, said chief executive Maria Lopez" names no chief of Chile.
 */
function roleBesideNames(sentence: Sentence, question: Question, role: QueryTerm): boolean {
  const names = question.terms
    .filter((t) => t.specific && t.known && t !== role)
    .map((name) => positionsOf(sentence, name));
  // Next to the role, or to a word of a name next to it: "chief executive of Northern Glens
  // Hospital Group" stands beside all four words. A deputy's title is not the role ("senior vice
  // *president*", "deputy *mayor*").
  const roleAt = positionsOf(sentence, role).filter((p) => !deputyAt(sentence, p - 1));
  if (roleAt.length === 0) return false;
  const reached: number[] = [];
  const beside = (p: number, at: readonly number[], reach: number) =>
    at.some((q) => Math.abs(p - q) <= reach);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of names.flat()) {
      if (!reached.includes(p) && (beside(p, roleAt, ROLE_REACH) || beside(p, reached, 1))) {
        reached.push(p);
        grew = true;
      }
    }
  }
  // A name found only around the sentence (its heading, its title) has no place to measure,
  // unless the sentence gives the role to someone else: "Chief Financial Officer of Halvard Air"
  // is not Brenna's.
  if (names.some((at) => at.length === 0) && roleOfAnother(sentence, roleAt)) return false;
  return names.every((at) => at.length === 0 || at.some((p) => reached.includes(p)));
}

const DEPUTY = new Set(['vice', 'deputi', 'assist', 'associ']);

/** Whether the word at position `p` makes the role after it a deputy's. */
function deputyAt(sentence: Sentence, p: number): boolean {
  return sentence.terms.some((term, k) => sentence.positions[k] === p && DEPUTY.has(term));
}

/** Whether the role at `roleAt` is followed by "of" and a capitalised name: someone else's role. */
function roleOfAnother(sentence: Sentence, roleAt: readonly number[]): boolean {
  const tokens = tokenize(sentence.text);
  const capitalised = (k: number) => {
    const token = tokens[k];
    return token !== undefined && /^\p{Lu}/u.test(sentence.text.slice(token.start, token.end));
  };
  return roleAt.some((p) => {
    for (let k = p + 1; k <= p + ROLE_REACH && k < tokens.length; k++) {
      if (tokens[k]?.surface !== 'of') continue;
      return capitalised(k + 1) || (tokens[k + 1]?.surface === 'the' && capitalised(k + 2));
    }
    return false;
  });
}

export function scoreSentence(corpus: Corpus, question: Question, sentence: Sentence): Scored | null {
  let covered = 0;
  let total = 0;
  for (const t of question.terms) {
    total += t.weight;
    if (!t.known) continue;
    // Names and figures asked about must be in the sentence, and so must the role a "who"
    // question asks for: "the head" beside "Cemex" is not Cemex's head.
    const named = NAMED.has(question.type) && !question.aboutSource;
    const role = t.focus && question.type === 'person';
    if (sentence.terms.includes(t.term) || t.related.some((r) => sentence.terms.includes(r)))
      covered += t.weight;
    else if (!role && contextHas(corpus, sentence, t.term, { strict: t.specific, named }))
      covered += t.weight * CONTEXT_CREDIT;
    else if (t.specific || role) return null;
    if (role && !roleBesideNames(sentence, question, t)) return null;
  }
  const coverage = total === 0 ? 0 : covered / total;
  const { ok, figures, unsaid } = typeCheck(corpus, sentence, question);
  const heading = corpus.passages[sentence.passage]?.kind === 'heading';
  // A line of a few words (a byline, a caption) rarely describes anything.
  const thin = question.type === 'description' && sentence.length < 6 ? 0.2 : 0;
  // A sentence whose subject is the name asked about is about it.
  const lead = sentence.terms.slice(0, 2);
  const subject = question.terms.some((t) => t.specific && lead.includes(t.term)) ? 0.05 : 0;
  // "Who …" prefers a person's full name over any capitalised word.
  const person = question.type === 'person' && sentence.hasFullName ? 0.1 : 0;
  // A figure beside the thing asked about ("640 beds") answers better than one in a sentence
  // that never says it (a cost, in a sentence about the same hospital).
  const score =
    coverage +
    (ok ? (unsaid && figures.length > 0 ? 0.15 : 0.3) : 0) +
    0.05 * proximity(sentence, question.terms) +
    subject +
    person -
    thin -
    (heading ? 1 : 0);
  return { sentence, coverage, typeOk: ok, score, answerFigures: figures, unsaid };
}

/**
 * Picks the answer sentences for an analysed question, or says why there is none.
 * @param figures key figures, to spot sources that disagree on the answer's figure
 */
export function choose(
  corpus: Corpus,
  index: MiniSearch,
  question: Question,
  figures: readonly FigureCluster[],
): Choice {
  const missing = question.terms.filter((t) => !t.known);
  // A missing name or figure, or a missing focus ("the *weather* in …"), cannot be answered around.
  const missingSpecific = missing.filter((t) => t.specific || t.focus);
  if (missingSpecific.length > 0)
    return { kind: 'decline', reason: 'not-covered', missing: missingSpecific.map((t) => t.text) };
  const known = question.terms.filter((t) => t.known);
  if (known.length === 0)
    return { kind: 'decline', reason: 'not-covered', missing: missing.map((t) => t.text) };

  const searched = searchedTerms(corpus, question, known);
  const weights = new Map(searched.flatMap((t) => [t.term, ...t.related].map((r) => [r, t.weight])));
  const hits = index.search([...weights.keys()].join(' '), {
    boostTerm: (term) => weights.get(term) ?? 1,
  });
  const scored = hits
    .slice(0, searched.length < known.length ? PRUNED_CANDIDATES : CANDIDATES)
    .map((hit) => scoreSentence(corpus, question, corpus.sentences[hit.id as number] as Sentence))
    .filter((s): s is Scored => s !== null && s.coverage >= MIN_COVERAGE)
    .sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);

  const first = scored[0];
  if (!first) return { kind: 'decline', reason: 'not-covered', missing: missing.map((t) => t.text) };
  // The one a little below must say what is asked about: "84 turbines", not "a 25-metre pool" for
  // the length of a tram extension.
  const top = first.typeOk
    ? first
    : scored.find((s) => s.typeOk && !s.unsaid && s.score >= first.score - TYPE_MARGIN);
  if (!top) {
    for (const s of scored) {
      if (s.score < first.score - TYPE_MARGIN) break;
      const next = goesOn(corpus, question, s);
      if (next)
        return { kind: 'answer', best: [s, next], conflict: disputedFigure(next, figures, question.type) };
    }
    return { kind: 'decline', reason: 'no-answer-type', missing: [] };
  }

  const best = [top];
  // A second source saying the same (same figure) corroborates the answer.
  const figureTerms = new Set(top.answerFigures.map((f) => f.term));
  const second = scored.find(
    (s) =>
      s !== top &&
      s.typeOk &&
      s.sentence.article !== top.sentence.article &&
      s.score >= top.score * 0.85 &&
      (figureTerms.size === 0
        ? question.type === 'description' && s.coverage >= top.coverage
        : s.answerFigures.some((f) => figureTerms.has(f.term))),
  );
  if (second) best.push(second);

  const conflict = disputedFigure(top, figures, question.type);
  return { kind: 'answer', best, conflict };
}

/**
 * The sentence after `first`, in its passage, when it holds the answer `first` lacks and `first`
 * says everything asked about: "The new aquatics centre will have 5,000 seats. Construction …, at
 * a cost of €95m." The second goes on about what the first names; both are quoted.
 */
function goesOn(corpus: Corpus, question: Question, first: Scored): Scored | null {
  const sentence = corpus.sentences[first.sentence.id + 1];
  if (first.coverage < 1 || !sentence || sentence.passage !== first.sentence.passage) return null;
  // The names the first sentence says, the next one goes on about ("Construction … at a cost of"),
  // unless it names something of its own ("… financed separately by Helioquen").
  const said = (t: QueryTerm) => [t.term, ...t.related].some((r) => first.sentence.terms.includes(r));
  const terms = sentence.hasName
    ? question.terms
    : question.terms.map((t) => (t.specific && said(t) ? { ...t, specific: false } : t));
  const next = scoreSentence(corpus, { ...question, terms }, sentence);
  return next?.typeOk && next.coverage >= MIN_COVERAGE ? next : null;
}

/**
 * The terms to search for. Usually all the known ones, ranked by MiniSearch; but when their
 * postings are many (a large knowledge, common words), only the rarest terms that any answer
 * must hold: an answer covers at least {@link MIN_COVERAGE} of the question's weight, so it holds
 * one of the terms whose weight the others, together, cannot make up. Searching those alone
 * skips the long lists of common words ("ritios" in half the sentences), and every sentence
 * holding one is then scored in full. (An answer relying on a rare term found only around it,
 * in its passage, is left out: the price of a bounded search.)
 */
function searchedTerms(corpus: Corpus, question: Question, known: readonly QueryTerm[]): QueryTerm[] {
  const postings = known.reduce((sum, t) => sum + (corpus.df.get(t.term) ?? 0), 0);
  if (postings <= PRUNE_POSTINGS) return [...known];
  const total = question.terms.reduce((sum, t) => sum + t.weight, 0);
  const byWeight = [...known].sort((a, b) => b.weight - a.weight);
  let rest = byWeight.reduce((sum, t) => sum + t.weight, 0);
  const out: QueryTerm[] = [];
  for (const t of byWeight) {
    if (rest < MIN_COVERAGE * total) break;
    out.push(t);
    rest -= t.weight;
  }
  return out;
}

/** The disputed key figure the answer sentence states, if any. */
function disputedFigure(
  top: Scored,
  figures: readonly FigureCluster[],
  type: AnswerType,
): FigureCluster | null {
  const tokens = (
    type === 'description' || top.answerFigures.length === 0 ? top.sentence.figures : top.answerFigures
  ).map((f) => f.token);
  for (const cluster of figures) {
    if (!cluster.disputed) continue;
    const hit = cluster.values.some((v) =>
      v.occurrences.some((o) => o.sentence === top.sentence.id && tokens.includes(o.token)),
    );
    if (hit) return cluster;
  }
  return null;
}
