/**
 * Question analysis: what kind of answer is wanted, and which terms matter how much. Terms are
 * resolved against the knowledge's vocabulary (exactly, by stem, through synonyms, or — for
 * words only, never numbers — by a small edit distance); what cannot be resolved is "missing".
 */
import { type Corpus, idf } from './corpus.ts';
import { FirstLetterMap } from './fuzzy.ts';
import { type Lexicon, synonymTerms } from './lexicon.ts';
import {
  AGGREGATE,
  DERIVED_ADVERB,
  expandShorthand,
  fixQuestionWord,
  isDateName,
  LIGHT_PHRASE,
  modifiesRole,
  ORDINAL,
  swappedStopwords,
} from './questionWords.ts';
import { fold, type Token, tokenize } from './text.ts';

export type AnswerType =
  | 'money'
  | 'count'
  | 'amount' // money or count: "how big", "what size"
  | 'quantity' // "how much": money, capacity, a share or a measure, not a head count
  | 'percent'
  | 'capacity'
  | 'length' // a distance: "how long is the route"
  | 'duration'
  | 'age' // "how old is …"
  | 'date'
  | 'person'
  | 'organisation'
  | 'place'
  | 'description';

export interface QueryTerm {
  /** As the user wrote it. */
  text: string;
  /** The term matched against the knowledge; for missing terms, the user's own term. */
  term: string;
  weight: number;
  known: boolean;
  /** A name (capitalised in the question) or a figure: it must be in the knowledge to answer. */
  specific: boolean;
  /** Matched by edit distance (a typo). */
  corrected: boolean;
  /** The first content word of a wh-question: what is asked about. */
  focus: boolean;
  /** Terms of the same word's other forms, which also satisfy it (a name's "Mexican" for "Mexico"). */
  related: string[];
}

/** A query term's fields, `focus` and `related` optional. */
export type QueryTermInit = Omit<QueryTerm, 'focus' | 'related'> &
  Partial<Pick<QueryTerm, 'focus' | 'related'>>;

/** A query term with every field set, in one order: all terms share one shape (fast to read). */
export function queryTerm(t: QueryTermInit): QueryTerm {
  const { text, term, weight, known, specific, corrected } = t;
  return {
    text,
    term,
    weight,
    known,
    specific,
    corrected,
    focus: t.focus ?? false,
    related: t.related ?? [],
  };
}

export interface Question {
  type: AnswerType;
  terms: QueryTerm[];
  /**
   * The question speaks of the articles themselves ("the BTW Media *story*", "who *wrote* …"):
   * then a publisher or author named in it may be found in the source's details.
   */
  aboutSource?: boolean;
  /**
   * An answer must say the focus: it names which figure of its kind is asked for ("the annual
   * *running* costs", "the *bed* capacity"), or what a height or depth is of ("how tall will the
   * *walls* be"). A figure in a sentence that never says it (a capital cost, a distance) is none.
   */
  focusSaid?: boolean;
}

/**
 * A question word that asks for the answer's kind only when no other question word comes before
 * it: "what event was she speaking at *when* she announced it" asks for an event, not a date.
 */
const leading = (word: string) =>
  new RegExp(`^(?:(?!\\b(?:what|which|who|whom|whose|when|where|how|why)\\b).)*\\b(?:${word})\\b`);

/** Words that only say what kind of answer is wanted; they are not searched for. */
const TYPE_CUES: [RegExp, AnswerType][] = [
  // "How long is the route": a length, not a duration.
  [
    /\bhow long\b(?!.*\b(?:take|takes|took|last|lasts|until|before|after|years?|months?)\b).*\b(?:route|line|road|track|tunnel|bridge|railway|pipeline|pipe|cable|runway|river|coast|coastline|border|wall|walls|distance|extension|link|canal|aqueduct|corridor|motorway|highway|cycleway|trail|path|levee|seawall|embankment)\b|\b(?:what|how) (?:is the )?(?:length|distance|depth|height|width)\b|\bhow (?:far|deep|tall|wide)\b/,
    'length',
  ],
  [
    /\bhow (?:much|many) (?:years?|months?|weeks?|days?|time)\b|\bhow long\b|\bover what (?:period|time)/,
    'duration',
  ],
  [
    /\bhow (?:much|many) (?:gigawatts?|megawatts?|gw|mw|energy|power|capacity)\b|\bwhat(?:'s| is| will be) (?:the|its) (?:(?:total|overall|full|combined|planned|installed|maximum|peak|final) )?(?:capacity|output)\b|\b(?:generating|generation|installed|power) capacity\b/,
    'capacity',
  ],
  [/\b(?:what|which) (?:percentage|share|proportion)\b|\bhow many percent\b/, 'percent'],
  [
    /\bhow much\b.*\b(?:money|cash|cost\w*|invest\w*|spend\w*|worth|fund\w*|pay\w*|dollars?|budget|charg\w*|fees?)\b|\bwhat (?:is the )?(?:cost|price|value)\b|\bwhat (?:did|does|do|will|would|is|are|was)\b.*\b(?:pay|paying|paid|spend|spending|spent)\s+(?:for|on)\b|\b(?:costs?|price)\b(?!\s+overruns?)/,
    'money',
  ],
  [/\bhow many\b|\b(?:number|count) of\b/, 'count'],
  [/\bhow old\b|\bwhat age\b|\bage of\b/, 'age'],
  // "How much" is never a head count ("how much … 150,000 people" answers nothing).
  [/\bhow much\b/, 'quantity'],
  [
    /\bhow (?:big|large|small)\b|\b(?:size|amount|figure|total|sum)\b|\b(?:what|which)\b.*\b(?:output|capacity)\b/,
    'amount',
  ],
  [leading('when'), 'date'],
  [/\bwhat (?:year|date|day|month|time)\b|\bdeadline\b/, 'date'],
  [leading('who|whom|whose'), 'person'],
  [
    /\b(?:which|what) (?:companies|company|organi[sz]ations?|firms?|businesses|corporations?|partners?)\b/,
    'organisation',
  ],
  [leading('where'), 'place'],
  [/\b(?:which|what) (?:city|country|countries|place|region|state|town)\b/, 'place'],
];

/** Words that state the wanted answer's kind; dropped from the searched terms for that kind. */
export const CUE_WORDS: Partial<Record<AnswerType, RegExp>> = {
  duration: /^(?:years?|months?|weeks?|days?|time|long|period|last|lasts|take|takes|run|runs|span|spans)$/,
  capacity: /^(?:energy|power|capacity|output)$/,
  percent: /^(?:percentage|share|proportion|percent)$/,
  money: /^(?:money|cash|cost|costs|costing|worth|dollars?|price|tag|bill|value|total|sum|amount|overall)$/,
  length: /^(?:long|length|far|distance|deep|depth|tall|height|wide|width|high)$/,
  count: /^(?:number|count)$/,
  amount: /^(?:size|amount|figure|total|sum|output|capacity)$/,
  quantity: /^(?:amount|total|sum|overall)$/,
  age: /^(?:old|age|aged)$/,
  date: /^(?:year|date|day|month|time|deadline)$/,
};

/**
 * "What is the X …", "how many X …", "who is the X of …", "what was Acme's X": X is what is asked
 * about (the focus), past a word that only qualifies it ("the *monthly* output").
 * Not "who wrote …" or "how much was invested …", where the first content word is a verb that
 * the text may phrase differently, nor "who is Ana Ruiz", which asks about a name.
 */
/** Words that only qualify what is asked about ("the *monthly* output"). */
const QUALIFIERS = new Set(
  'total overall combined full annual yearly monthly weekly daily new current main expected planned estimated'.split(
    ' ',
  ),
);

const FOCUS = new RegExp(
  String.raw`^\W*(?:(?:what(?:'s|s)?|which|how many|how much|how long|how far)(?:\s+(?:is|are|was|were|will)\s+(?:the|a|an|its|their|(?:[\p{L}]+\s+){0,3}[\p{L}]+(?:'s|s'))|\s+(?:the|a|an|its|their))?|who(?:'s|\s+(?:is|are|was|were|will be))\s+(?:the|a|an|its|their|[\p{L}]+'s))(?:\s+[\p{L}]+'s)?(?:\s+(?:${[...QUALIFIERS].join('|')}))*\s+([\p{L}']+)`,
  'u',
);

/** Verbs that close the words naming what is asked about: "what interest rate *is* …". */
const AUXILIARY = /^(?:is|are|was|were|will|would|does|do|did|has|have|had|can|could|should)$/;
/** So does the subject of a clause after them: "how long is the tram extension *they're* building". */
const CLAUSE_SUBJECT = /^(?:i|you|he|she|we|they|i'm|you're|we're|they're|youre|theyre)$/;

/** "How much is the …", "how many are the …": a measure, maybe of what someone does. */
const MEASURE_OF_DOER = /^\W*how (?:much|many) (?:is|are|was|were|will) the\b/;
/** A verb of doing ("lending", "investing"), not the light "going (to)". */
const DOING = /^(?!going$)\p{L}{3,}ing$/u;

/** Words that count people without saying which: "how many people *live* …" asks about living. */
const GENERIC_COUNTED = /^(?:people|persons|individuals)$/;

/**
 * The words naming what is asked about, from the focus word on: the rest of a compound up to its
 * verb ("what *interest rate* is …", "how many *construction jobs* will …"), and the verb after
 * a count of people in general ("how many *people live* in …").
 */
function focusWordsFrom(
  folded: string,
  tokens: readonly Token[],
  focusWord: string | undefined,
  lexicon: Lexicon,
): { words: Set<string>; said: boolean } {
  const words = new Set<string>();
  const at = tokens.findIndex((t) => t.surface === focusWord);
  if (focusWord === undefined || at < 0) return { words, said: false };
  // "How much is the *bank* lending": the words before the verb name who does it, not what is measured.
  if (MEASURE_OF_DOER.test(folded) && tokens.slice(at + 1, at + 4).some((t) => DOING.test(t.surface)))
    return { words, said: false };
  words.add(focusWord);
  const content = (t: Token | undefined) =>
    t !== undefined && !t.figure && !lexicon.stopwords.has(t.surface) && !AUXILIARY.test(t.surface);
  for (let n = 1; n <= 2; n++) {
    const run = tokens.slice(at + 1, at + 1 + n);
    const closing = tokens[at + 1 + n]?.surface ?? '';
    if (run.length === n && run.every(content) && (AUXILIARY.test(closing) || CLAUSE_SUBJECT.test(closing))) {
      for (const t of run) words.add(t.surface);
      return { words, said: false };
    }
  }
  // "How many people *live* in X": what is counted is said by the verb, and an answer must say it.
  const next = tokens[at + 1];
  if (GENERIC_COUNTED.test(focusWord) && next && content(next)) {
    words.add(next.surface);
    return { words, said: true };
  }
  return { words, said: false };
}

/** "How big is Pelican Jet's *fleet*": what a name owns (not "how big is the grant", a sum). */
const OWNED_SIZE =
  /^\W*how\s+(?:big|large|small)\s+(?:is|are|was|were)\s+(?:the\s+)?(?:[\p{L}]+\s+){0,3}[\p{L}]+(?:'s|s')\s+([\p{L}']+)/u;

/**
 * "What did Halvern pay for the Kestle Farm *land*", "how much will they spend on the *campus* in
 * total": what the money is for (the head of the words after "for" / "on") is asked about.
 */
const PAID_FOR =
  /\b(?:pay|pays|paid|paying|spend|spends|spent|spending)\s+(?:for|on)\s+(?:(?:the|its|their|this|that|a|an)\s+)?(?:[\p{L}'-]+\s+){0,3}?([\p{L}'-]+)\s*(?:[?.!]|$|\s+(?:in|at|by|from|over|during|this|last|next|and|so|now|then)\b)/u;

/** "How deep/tall/wide will the X be": X is what is asked about. */
const DIMENSION =
  /^\W*how\s+(?:deep|tall|wide|high)\s+(?:will|is|are|was|were|would)\s+(?:the|a|an|its|their)\s+([\p{L}']+)/u;

const QUESTION_WORDS =
  /^(?:how|what|which|who|whom|whose|when|where|why|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had)$/;
const AUX_QUESTION =
  /^\s*(?:how (?:much|many)(?: \w+)?|what|which(?: \w+)?|who|whom|when|where|why)\s+(?:do|does|did|will|would|can|could|should|has|have|had)\s(?:.*\s)?(\S+?)\s*[?!.]*\s*$/;

export { expandShorthand, fixQuestionWord };

export function answerTypeOf(folded: string): AnswerType {
  for (const [pattern, type] of TYPE_CUES) if (pattern.test(folded)) return type;
  return 'description';
}

export interface Resolver {
  /** Resolves a word; a name (`exactSurface`) must occur as written, not merely share a stem. */
  resolve(
    surface: string,
    term: string,
    exactSurface?: boolean,
  ): { term: string; corrected: boolean } | undefined;
  /** Terms of words sharing a name's first five letters: "Mexican" for "Mexico", "Chilean" for "Chile". */
  related(surface: string, term: string): string[];
}

/** Resolves question words against the knowledge's vocabulary. */
export function createResolver(corpus: Corpus, lexicon: Lexicon): Resolver {
  const map = new FirstLetterMap<string>();
  for (const [surface, term] of corpus.surfaces) if (surface.length >= 5) map.set(surface, term);
  const known = (term: string) => corpus.df.has(term);
  return {
    related(surface, term) {
      if (surface.length < 5) return [];
      const out = new Set<string>();
      for (const [other, otherTerm] of map.atPrefix(surface.slice(0, 5))) {
        if (otherTerm !== term && Math.abs(other.length - surface.length) <= 3)
          out.add(lexicon.single.get(otherTerm) ?? otherTerm);
      }
      return [...out];
    },
    resolve(surface, term, exactSurface = false) {
      const direct = lexicon.single.get(term) ?? term;
      const plain = surface.replace(/'s$/, '');
      const surfaceOk =
        !exactSurface ||
        corpus.surfaces.has(surface) ||
        corpus.surfaces.has(plain) ||
        lexicon.single.has(term);
      if (known(direct) && surfaceOk) return { term: direct, corrected: false };
      // A word the lexicon knows is a word, not a slip ("sending" is not "spending").
      if (lexicon.single.has(term) || !/^\p{L}{5,}$/u.test(surface)) return undefined;
      const maxEdits = surface.length >= 8 ? 2 : 1;
      let best: { term: string; distance: number; df: number } | undefined;
      // Two letters swapped ("tecgtp") is one slip of the fingers, not two edits.
      const swaps = [...surface.slice(1, -1)].map(
        (_, k) => surface.slice(0, k + 1) + surface[k + 2] + surface[k + 1] + surface.slice(k + 3),
      );
      const swapped = swaps.flatMap((w) => {
        const t = corpus.surfaces.get(w);
        return t === undefined ? [] : ([[w, t, 1]] as const);
      });
      for (const [, candidate, distance] of [...map.fuzzyGet(surface, maxEdits), ...swapped]) {
        const resolved = lexicon.single.get(candidate) ?? candidate;
        const df = corpus.df.get(resolved) ?? 0;
        if (!best || distance < best.distance || (distance === best.distance && df > best.df))
          best = { term: resolved, distance, df };
      }
      return best && known(best.term) ? { term: best.term, corrected: true } : undefined;
    },
  };
}

/**
 * "Who *runs* X?", "who is in *charge* of X?": the word stands for whoever holds a leading role
 * (a chief executive, a council leader, a plant director), which must then stand beside X.
 */
export function leaderTerm(corpus: Corpus, lexicon: Lexicon, text: string): QueryTerm {
  const roles = lexicon.leading.roles.filter((role) => corpus.df.has(role));
  const [term = fold(text), ...related] = roles;
  const weight = roles.length
    ? roles.reduce((sum, role) => sum + idf(corpus, role), 0) / roles.length
    : idf(corpus, term);
  return queryTerm({
    text,
    term,
    weight,
    known: roles.length > 0,
    specific: false,
    corrected: false,
    focus: true,
    related,
  });
}

/** The term of the question's last word, if it is a word (not a figure) and was kept as a term. */
function closing(terms: readonly QueryTerm[], tokens: readonly Token[]): QueryTerm | undefined {
  const token = tokens.at(-1);
  if (!token || token.figure) return undefined;
  return terms.find((t) => t.text.toLowerCase().replace(/'s$/, '') === token.surface.replace(/'s$/, ''));
}

/**
 * Analyses a question.
 * @example analyseQuestion(corpus, lexicon, resolver, 'How much is Acme investing?').type // 'money'
 */
export function analyseQuestion(
  corpus: Corpus,
  lexicon: Lexicon,
  resolver: Resolver,
  question: string,
): Question {
  question = expandShorthand(question, lexicon.shorthand, (word) => corpus.surfaces.has(word));
  question = fixQuestionWord(question, (word) => corpus.surfaces.has(word) || lexicon.stopwords.has(word));
  const folded = fold(question);
  const type = answerTypeOf(folded);
  const cue = CUE_WORDS[type];
  const tokens = tokenize(question);
  const verbMatch = AUX_QUESTION.exec(folded);
  const finalWord = verbMatch?.[1]?.replace(/[^\p{L}\p{N}']/gu, '');
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  let aboutSource = false;

  const { phrases } = synonymTerms(
    lexicon,
    tokens.map((t) => t.term),
  );
  const dimension = DIMENSION.exec(folded)?.[1];
  const paidFor = type === 'money' ? PAID_FOR.exec(folded)?.[1] : undefined;
  const focusWord = dimension ?? paidFor ?? FOCUS.exec(folded)?.[1] ?? OWNED_SIZE.exec(folded)?.[1];
  const askedPaidFor = dimension === undefined && paidFor !== undefined;
  // "Acme's", "the drivers'": an owner, whose thing is asked about.
  const possessive = (t: Token | undefined) =>
    t !== undefined && (/'s$/.test(t.surface) || /^['’](?:\s|$)/.test(question.slice(t.end, t.end + 2)));
  const focused =
    type === 'person'
      ? { words: new Set(focusWord ? [focusWord] : []), said: false }
      : focusWordsFrom(folded, tokens, focusWord, lexicon);
  const focusWords = focused.words;
  // Only a possessive name ("Acme's") may come before the focus, or a qualifier before a word
  // that is not a name ("the annual *running* costs"; "the new Inverness hospital" is about the
  // hospital), or the focus's own first words ("*interest* rate").
  const isFocus = (token: Token, specific = false) =>
    focusWords.has(token.surface) &&
    (askedPaidFor ||
      terms.every((t) => t.specific || t.focus || (!specific && QUALIFIERS.has(t.text.toLowerCase()))));

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const original = question.slice(token.start, token.end);
    const phrase = phrases.get(i);
    if (phrase) {
      // A phrase of the vocabulary is one thing ("chief financial officer"): found as a whole,
      // or missing as a whole — its words alone ("chief", "officer") would find someone else.
      const text = question.slice(token.start, tokens[i + phrase.length - 1]?.end ?? token.end);
      const known = corpus.df.has(phrase.group);
      if (!seen.has(phrase.group)) {
        seen.add(phrase.group);
        terms.push(
          queryTerm({
            text,
            term: phrase.group,
            weight: idf(corpus, phrase.group),
            known,
            specific: !known || /\p{Lu}/u.test(text),
            corrected: false,
            focus: isFocus(token),
          }),
        );
      }
      i += phrase.length - 1;
      continue;
    }
    if (!token.figure) {
      const withNext = `${token.surface} ${tokens[i + 1]?.surface}`;
      const withPrevious = `${tokens[i - 1]?.surface} ${token.surface}`;
      if (LIGHT_PHRASE.test(withNext) || LIGHT_PHRASE.test(withPrevious)) continue;
      const plain = token.surface.replace(/'s$/, '');
      if (lexicon.stopwords.has(plain) || QUESTION_WORDS.test(plain)) continue;
      if (lexicon.metaWords.has(token.surface)) aboutSource = true;
      if (lexicon.stopwords.has(token.surface) || lexicon.metaWords.has(token.surface)) continue;
      if (QUESTION_WORDS.test(token.surface)) continue;
      if (cue?.test(token.surface)) continue;
      // A lone letter the articles never use ("i.e.", a stray key) says nothing.
      if (token.surface.length === 1 && !corpus.surfaces.has(token.surface)) continue;
      if (DERIVED_ADVERB.test(token.surface) && !corpus.surfaces.has(token.surface)) continue;
      // "agian", "tehy": two letters of a grammar word swapped.
      if (!corpus.surfaces.has(token.surface) && swappedStopwords(lexicon).has(token.surface)) continue;
      // "how many are recalled *overall*": a sum the articles give in other words.
      if (AGGREGATE.test(token.surface) && !corpus.surfaces.has(token.surface)) continue;
    }
    if (
      type === 'person' &&
      terms.length === 0 &&
      !token.figure &&
      lexicon.leading.asks.has(token.term) &&
      !modifiesRole(corpus, lexicon, question, tokens, i)
    ) {
      const leader = leaderTerm(corpus, lexicon, original);
      seen.add(leader.term);
      terms.push(leader);
      continue;
    }
    const capitalised = /^\p{Lu}/u.test(original) && (i > 0 || !QUESTION_WORDS.test(token.surface));
    const ordinal = ORDINAL.test(token.surface);
    const specific =
      Boolean(token.figure) ||
      isDateName(token.surface) ||
      ordinal ||
      (capitalised && (i > 0 || !lexicon.stopwords.has(token.surface)));
    const resolved =
      token.figure || ordinal
        ? corpus.df.has(token.term)
          ? { term: token.term, corrected: false }
          : undefined
        : resolver.resolve(token.surface, token.term, specific);
    const term = resolved?.term ?? token.term;
    if (seen.has(term)) continue;
    seen.add(term);
    // "halvern" typed in lower case is still the name the articles always capitalise.
    const named = specific || (resolved !== undefined && !resolved.corrected && corpus.names.has(term));
    let weight = idf(corpus, term);
    // The main verb closing an auxiliary question ("… does the investment cover?") is often
    // phrased differently in the text: it counts for less.
    if (!named && finalWord && token.surface === finalWord && i === tokens.length - 1) weight *= 0.35;
    if (resolved?.corrected) weight *= 0.9;
    // What a name owns ("the drivers' *pensions*", "Acme's *debt*") is what is asked about: when the
    // articles never mention it, nothing else they say about the owner answers. The owner stands
    // right before, or before one more word of the thing ("Orvane's stock *ticker*").
    const between = tokens[i - 1];
    const possessed =
      possessive(between) ||
      (between !== undefined &&
        !between.figure &&
        !lexicon.stopwords.has(between.surface) &&
        possessive(tokens[i - 2]));
    const focus = isFocus(token, named) || (resolved === undefined && !token.figure && possessed);
    terms.push({
      text: original,
      term,
      weight,
      known: resolved !== undefined,
      specific: named,
      corrected: resolved?.corrected ?? false,
      focus,
      related:
        named && !token.figure && resolved ? resolver.related(token.surface.replace(/'s$/, ''), term) : [],
    });
  }
  // "When was X founded?": the event asked about closes the question; when the articles never
  // speak of it, a date they give for something else is no answer.
  const last = terms.at(-1);
  if ((type === 'date' || type === 'place') && last && !last.known && last === closing(terms, tokens))
    last.focus = true;
  // "The annual running *costs*": the focus stands before the word that asks for the figure.
  const focusAt = tokens.findIndex((t) => t.surface === focusWord);
  const after = tokens[focusAt + 1];
  // "Pelican Jet's *fleet*": what a name owns is asked about; a sentence must say it.
  const owned = focusAt > 0 && possessive(tokens[focusAt - 1]);
  const focusSaid =
    terms.some((t) => t.focus) &&
    (focused.said ||
      owned ||
      dimension !== undefined ||
      askedPaidFor ||
      (after !== undefined && (cue?.test(after.surface) ?? false)));
  return {
    type,
    terms,
    ...(aboutSource ? { aboutSource } : {}),
    ...(focusSaid ? { focusSaid } : {}),
  };
}
