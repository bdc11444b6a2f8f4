/**
 * The words a question is read with, before its meaning: slips of question and grammar words
 * ("wen", "how mnay", "agian"), chat shorthand, grammar phrases ("going to", "in total"), and the
 * word shapes that say what a word is (a derived adverb, a month, an ordinal).
 */
import { type Corpus, MONTHS } from './corpus.ts';
import type { Lexicon } from './lexicon.ts';
import { fold, type Token } from './text.ts';

/** One letter dropped (not the first) or two swapped: the slips a question word suffers. */
function typosOf(words: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const word of words) {
    const typos = new Set<string>();
    for (let k = 1; k < word.length; k++) {
      // Not the first letter dropped: "hat", "hen" and "here" are words of their own.
      if (word.length > 3) typos.add(word.slice(0, k) + word.slice(k + 1));
      typos.add(word.slice(0, k - 1) + word[k] + word[k - 1] + word.slice(k + 1));
    }
    // A typo two question words share ("hwo": how or who) is left alone.
    for (const typo of typos) out.set(typo, out.has(typo) ? null : word);
  }
  return out;
}

const QUESTION_TYPOS = typosOf(['what', 'when', 'where', 'which', 'who', 'how', 'why']);
// "whos", "whats": the contraction without its apostrophe.
for (const word of ['what', 'when', 'where', 'which', 'who', 'how', 'why'])
  QUESTION_TYPOS.set(`${word}s`, `${word}'s`);
/** The word after "how" ("how mnay", "how mcuh"). */
const HOW_TYPOS = typosOf(['many', 'much']);

/**
 * An adverb made from another word ("convincingly", "reportedly", "roughly"): how something was
 * done, not what is asked about. When the articles never use it, it is left out of the question.
 */
export const DERIVED_ADVERB =
  /^\p{L}{3,}(?:ingly|edly|ally|ously|ively|fully|lessly|ably|ibly|ently|antly|ately)$/u;

const swapped = new WeakMap<Lexicon, Set<string>>();

/** Stopwords of four letters or more with two neighbouring letters swapped ("agian", "tehy"). */
export function swappedStopwords(lexicon: Lexicon): Set<string> {
  let out = swapped.get(lexicon);
  if (!out) {
    out = new Set();
    for (const word of lexicon.stopwords) {
      if (word.length < 4 || !/^\p{L}+$/u.test(word)) continue;
      for (let k = 1; k < word.length; k++) {
        const typo = word.slice(0, k - 1) + word[k] + word[k - 1] + word.slice(k + 1);
        if (typo !== word && !lexicon.stopwords.has(typo)) out.add(typo);
      }
    }
    swapped.set(lexicon, out);
  }
  return out;
}

export const AGGREGATE = /^(?:total|overall|combined|altogether|whole|entire)$/;

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** Months and weekdays: a date the question names, so one the articles lack cannot be answered around. */
export function isDateName(word: string): boolean {
  return MONTHS.test(word) || WEEKDAY.test(word);
}

/** "the 11th", "1st": a day or a rank the question names. */
export const ORDINAL = /^\d+(?:st|nd|rd|th)$/;

/** Words that only carry grammar: "*going to* open", "be *in place*", "*take place*", "*in terms of*". */
export const LIGHT_PHRASE =
  /^(?:going (?:to|in|into|on|up|ahead)|in place|tak(?:e|es|en|ing) place|took place|in terms|terms of|in total|all told|these days|so far|on record)$/;

/**
 * The question with a misspelt question word at its start put right ("wen" → "when", "whta" →
 * "what"), unless the misspelling is a word in its own right (`known`: "were" is not "where") or
 * could be either of two ("hwo").
 */
export function fixQuestionWord(question: string, known: (word: string) => boolean): string {
  const first = /^\W*(\p{L}+)/u.exec(question)?.[1];
  const word = first?.toLowerCase() ?? '';
  const fixed = QUESTION_TYPOS.get(word);
  const out = first && fixed && !known(word) ? question.replace(first, fixed) : question;
  return out.replace(/^(\W*how\s+)(\p{L}+)/iu, (whole, how: string, next: string) => {
    const right = HOW_TYPOS.get(next.toLowerCase());
    return right && !known(next.toLowerCase()) ? `${how}${right}` : whole;
  });
}

/**
 * The question with chat shorthand written out ("how mny jobs wil there be" → "how many jobs
 * will there be"), except words the articles use themselves (`known`).
 */
export function expandShorthand(
  question: string,
  shorthand: ReadonlyMap<string, string>,
  known: (word: string) => boolean,
): string {
  return question.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const folded = fold(word);
    const full = shorthand.get(folded);
    return full !== undefined && !known(folded) ? full : word;
  });
}

/** Leading words that also stand before a role's noun ("the *lead* architect", "*head* coach"). */
const ROLE_MODIFIERS = new Set(['lead', 'head', 'chief', 'leading']);

/**
 * "Who was the *lead architect*", "the *head coach*": such a word right before a plain noun names
 * that role, not whoever leads. (Not before a name, "who will head *acme*" typed in lower case
 * included, a grammar word, or a word that makes a leading role with it: "*chief executive*".)
 */
export function modifiesRole(
  corpus: Corpus,
  lexicon: Lexicon,
  question: string,
  tokens: readonly Token[],
  i: number,
): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (!token || !ROLE_MODIFIERS.has(token.surface)) return false;
  if (!next || next.figure || lexicon.stopwords.has(next.surface) || corpus.names.has(next.term))
    return false;
  if (/^\p{Lu}/u.test(question.slice(next.start, next.end))) return false;
  return !lexicon.leading.roles.includes(`${token.surface} ${next.surface}`);
}
