/**
 * Text analysis shared by indexing and questions: case and accent folding, a tokenizer that
 * keeps figures whole ("$1.3 billion", "150,000", "34 GW" are one token each, with a canonical
 * term so "1.3B" finds "1.3 billion"), stemming, and stopwords.
 */
import { stemmer } from 'stemmer';

export type FigureKind = 'money' | 'count' | 'percent' | 'duration' | 'capacity' | 'year';

export interface Token {
  /** The term used for matching: a stem, or a canonical figure like `1300000000`. */
  term: string;
  /** The folded surface form (lower case, no accents), for fuzzy matching and for messages. */
  surface: string;
  /** Offsets of the token in the original text. */
  start: number;
  end: number;
  /** Set for figures. */
  figure?: FigureInfo;
}

export interface FigureInfo {
  value: number;
  /** `$`, `€`, … when written with a currency. */
  currency?: string;
  /** `%`, `gw`, … when written with a unit. */
  unit?: string;
  /** Whether a scale word (million, billion, …) was written. */
  scaled: boolean;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, accents removed, typographic quotes and dashes made plain. */
export function fold(text: string): string {
  // Plain ASCII (most questions) has no accents, typographic quotes or dashes to undo.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replaceAll('`', "'");
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐-―−]/g, '-');
}

const SCALES = new Map<string, number>(
  Object.entries({
    thousand: 1e3,
    k: 1e3,
    million: 1e6,
    mn: 1e6,
    m: 1e6,
    billion: 1e9,
    bn: 1e9,
    b: 1e9,
    trillion: 1e12,
  }),
);

const NUMBER_WORDS = new Map<string, number>(
  Object.entries({
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    fifteen: 15,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    hundred: 100,
    dozen: 12,
  }),
);

const UNITS: Record<string, string> = {
  '%': '%',
  percent: '%',
  'per cent': '%',
  gw: 'gw',
  mw: 'mw',
  kw: 'kw',
  gwh: 'gwh',
  mwh: 'mwh',
  twh: 'twh',
};

// A figure: optional currency, a number (with thousands separators or decimals), an optional
// scale (word, or a letter glued to the number) and an optional unit; or else a word.
const TOKEN =
  /(?<cur>(?:(?:us|usd|eur|gbp|mxn)\s?)?[$€£]\s?|(?:usd|eur|gbp|mxn)\s)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>thousand|million|billion|trillion|bn|mn)(?![\p{L}\p{N}])|(?<glued>[kmb])(?![\p{L}\p{N}]))?(?:\s?(?<unit>%|per ?cent|gwh|mwh|twh|gw|mw|kw)(?![\p{L}\p{N}]))?|(?<word>[\p{L}\p{N}]+(?:'[\p{L}]+)*)/giu;

/** Canonical term of a figure: the plain number, with its unit (`34gw`, `25%`). */
export function figureTerm(info: FigureInfo): string {
  const value = Number.isInteger(info.value)
    ? String(info.value)
    : String(Number(info.value.toPrecision(12)));
  return info.unit ? `${value}${info.unit}` : value;
}

/** British and American spellings fold together (both sides of every match use this). */
function spelling(word: string): string {
  return word
    .replace(/is(e|es|ed|ing|er|ers|ation|ations)$/, 'iz$1')
    .replace(/programme(s?)$/, 'program$1')
    .replace(/([^aeiou])tre(s?)$/, '$1ter$2');
}

/**
 * Words the Porter stemmer folds into an unrelated word's stem, kept apart: "positive" is not a
 * "position", "news" not "new", "general" not "generate", "university" not "universe",
 * "organisation" not "organ".
 */
const OVERSTEMMED = new Map([
  ['positive', 'positiv'],
  ['positives', 'positiv'],
  ['positively', 'positiv'],
  ['news', 'news'],
  ['general', 'general'],
  ['generally', 'general'],
  ['university', 'universiti'],
  ['universities', 'universiti'],
  ['organization', 'organiz'],
  ['organizations', 'organiz'],
  ['organizer', 'organiz'],
  ['organizers', 'organiz'],
]);

/** Terms of words already seen: a knowledge repeats a few tens of thousands of words millions of times. */
const wordTerms = new Map<string, string>();
const WORD_TERMS_MAX = 200_000;

/** The matching term of one folded word: possessive dropped, spelling folded, stemmed. */
export function wordTerm(word: string): string {
  let term = wordTerms.get(word);
  if (term === undefined) {
    const plain = spelling(word.replace(/'s$/, '').replace(/'/g, ''));
    term = OVERSTEMMED.get(plain) ?? stemmer(plain);
    // Bounded: past the limit, start over rather than grow without end.
    if (wordTerms.size >= WORD_TERMS_MAX) wordTerms.clear();
    wordTerms.set(word, term);
  }
  return term;
}

/** One regex match over folded text, with offsets into the original and the word's folded form. */
export interface ScanMatch {
  groups: Record<string, string | undefined>;
  text: string;
  start: number;
  end: number;
  /** The folded `word` group, when the match is a word. */
  word?: string;
}

/**
 * Runs `pattern` (global, with an optional `word` group) over the folded text. Folding can change
 * lengths (rare ligatures); then matching runs on the original text and each word is folded alone.
 */
export function* scanFolded(text: string, pattern: RegExp): Generator<ScanMatch> {
  const folded = fold(text);
  const source = folded.length === text.length ? folded : text;
  for (const m of source.matchAll(pattern)) {
    const groups = m.groups ?? {};
    const start = m.index ?? 0;
    const match: ScanMatch = { groups, text: m[0], start, end: start + m[0].length };
    if (groups.word) match.word = source === folded ? groups.word : fold(groups.word);
    yield match;
  }
}

/** A figure token. */
export function figureToken(figure: FigureInfo, surface: string, start: number, end: number): Token {
  return { term: figureTerm(figure), surface, start, end, figure };
}

/** Multiplies a figure token by a scale word that follows it ("five" + "million"). */
export function joinScale(
  token: Token & { figure: FigureInfo },
  scale: number,
  word: string,
  end: number,
): void {
  token.figure.value *= scale;
  token.figure.scaled = true;
  token.term = figureTerm(token.figure);
  token.surface = `${token.surface} ${word}`;
  token.end = end;
}

/** The currency symbol of a written currency prefix (`US$` → `$`). */
export function currencyOf(written: string): string {
  return (
    written
      .trim()
      .replace(/^(us|usd)\s?/i, '')
      .trim() || '$'
  );
}

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;

/** A number written as digits alone: no currency, unit, scale or decimals. */
function isPlainInteger(token: Token): token is Token & { figure: FigureInfo } {
  const f = token.figure;
  return f !== undefined && !f.scaled && !f.currency && !f.unit && /^\d+$/.test(token.surface);
}

/**
 * Splits text into tokens; figures stay whole.
 * @example tokenize('$1.3 billion for 30,000 SMBs').map((t) => t.term) // ['1300000000', 'for', '30000', 'smb']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const { groups: g, text: raw, start, end, word: surface } of scanFolded(text, TOKEN)) {
    if (surface) {
      const numberWord = NUMBER_WORDS.get(surface);
      if (numberWord !== undefined) {
        tokens.push(figureToken({ value: numberWord, scaled: false }, surface, start, end));
        continue;
      }
      const scale = SCALES.get(surface);
      const previous = tokens.at(-1);
      // "five million": a scale word right after a number word or plain number joins it.
      if (scale && scale >= 1e6 && previous?.figure && !previous.figure.scaled && !previous.figure.unit) {
        joinScale(previous as Token & { figure: FigureInfo }, scale, surface, end);
        continue;
      }
      // "11th", "1st": a day or a rank, read as its number but not as a figure of anything.
      if (
        ORDINAL_SUFFIX.test(surface) &&
        previous?.figure &&
        previous.end === start &&
        isPlainInteger(previous)
      ) {
        tokens[tokens.length - 1] = {
          term: String(previous.figure.value),
          surface: `${previous.surface}${surface}`,
          start: previous.start,
          end,
        };
        continue;
      }
      const term = wordTerm(surface) || surface;
      if (term) tokens.push({ term, surface, start, end });
      continue;
    }
    const scaleWord = (g.scale ?? g.glued ?? '').toLowerCase();
    const info: FigureInfo = {
      value: Number.parseFloat((g.num ?? '0').replace(/,/g, '')) * (SCALES.get(scaleWord) ?? 1),
      scaled: scaleWord !== '',
    };
    if (g.cur) info.currency = currencyOf(g.cur);
    const unit = g.unit ? UNITS[g.unit.toLowerCase().replace(/\s+/g, ' ')] : undefined;
    if (unit) info.unit = unit;
    tokens.push(figureToken(info, fold(raw).trim(), start, end));
  }
  return tokens;
}

/** Whether a term is a figure (digits). */
export function isFigureTerm(term: string): boolean {
  return /^\d/.test(term);
}

/** Bounded Damerau-Levenshtein distance: `max + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  const first = rows[0] as number[];
  for (let j = 1; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] as number[];
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}
