/**
 * The core's public data structures. Adapters (terminal, Slack, Teams) only render these;
 * nothing here knows about any platform.
 */

/** What the front matter of a knowledge file says about its article. */
export interface ArticleMeta {
  /** Stable id: the file name without `.md`. */
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** `YYYY-MM-DD`, or null when the article does not state it. */
  published: string | null;
  author: string | null;
}

/** One citation: where a quoted piece of text comes from. `quote` is verbatim article text. */
export interface Citation {
  /** 1-based number, matching the `[n]` markers in {@link Answer.answer}. */
  n: number;
  articleId: string;
  title: string;
  publisher: string;
  url: string;
  published: string | null;
  author: string | null;
  /** Exact text of the article (a sentence or two). */
  quote: string;
  /** The whole paragraph the quote was taken from, verbatim: for "full citations" views. */
  passage: string;
}

/** Sources that give different values for the same thing. */
export interface Conflict {
  /** What the values are about, in words taken from the articles, e.g. "internet access … people". */
  subject: string;
  values: ConflictValue[];
}

export interface ConflictValue {
  /** The figure as written in the article, e.g. "1.45 million". */
  value: string;
  /** Numbers of the citations ({@link Citation.n}) that give this value. */
  citations: number[];
}

export type AnswerLanguage = 'en' | 'es';

/** Why a question was not answered. */
export type DeclineReason =
  | 'empty' // nothing to answer: the user gets help
  | 'not-covered' // the articles don't cover it
  | 'no-answer-type'; // the right topic, but no sentence carries the kind of answer wanted

/** The core's answer to one question. */
export interface Answer {
  /** The question as received (after trimming and cutting to the maximum length). */
  question: string;
  answered: boolean;
  /**
   * Plain text. Answered: the quoted sentence(s) with `[n]` citation markers; declined: the
   * explanation. Never contains markup of any platform.
   */
  answer: string;
  citations: Citation[];
  conflict: Conflict | null;
  language: AnswerLanguage;
  /** When declined, why. */
  declineReason?: DeclineReason;
  /** When declined: the question's terms the articles do not contain (as the user wrote them). */
  missing?: string[];
  /** Example questions or topics Cita can answer, shown with a decline or help. */
  suggestions?: string[];
  /** Notices about the input, e.g. that it was cut to the maximum length. */
  notices?: string[];
}

export type FigureKind = 'money' | 'count' | 'percent' | 'duration' | 'capacity' | 'year';

/** A key figure found in the knowledge at load time. */
export interface KeyFigure {
  /** Short label built from the words around the figure in the article. */
  label: string;
  kind: FigureKind;
  /** One value when the sources agree; several when they differ (then `disputed`). */
  values: FigureValue[];
  disputed: boolean;
}

/** The key figures for a `/figures [topic]` request. */
export interface FiguresAnswer {
  /** The topic as received (trimmed; empty for all figures). */
  topic: string;
  /** The language to frame the figures in: the topic's, else the user's locale (default English). */
  language: AnswerLanguage;
  /** The figures about the topic (all of them without one), in order of first appearance. */
  figures: KeyFigure[];
}

export interface FigureValue {
  /** As written in the article, e.g. "$1.3 billion". */
  value: string;
  citations: Citation[];
}
