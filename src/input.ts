/** Cleaning a user's question before analysis: control characters, length. */

/** Questions longer than this are cut (with a notice). */
export const MAX_QUESTION_LENGTH = 2000;

export interface CleanQuestion {
  text: string;
  notices: string[];
}

/**
 * Removes control and format characters, folds white space and cuts to
 * {@link MAX_QUESTION_LENGTH} characters (never inside a surrogate pair).
 * @example cleanQuestion('  hi\u0000 there ').text // 'hi there'
 */
export function cleanQuestion(raw: unknown): CleanQuestion {
  const notices: string[] = [];
  let text = typeof raw === 'string' ? raw : '';
  text = text
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > MAX_QUESTION_LENGTH) {
    const cut = Array.from(text.slice(0, MAX_QUESTION_LENGTH + 1))
      .join('')
      .slice(0, MAX_QUESTION_LENGTH);
    text = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
    text = text.trim();
    notices.push(
      `Your question was longer than ${MAX_QUESTION_LENGTH} characters; only the first ${MAX_QUESTION_LENGTH} were read.`,
    );
  }
  return { text, notices };
}

/** Whether the text has anything to search for (a letter or a digit). */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
