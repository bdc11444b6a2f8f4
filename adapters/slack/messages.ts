/**
 * Whole messages for each place Cita answers: blocks plus their plain-text fallback, always
 * together (a message without `text` is silent when its blocks are rejected).
 */
import type { Answer, AnswerLanguage, ArticleMeta, KeyFigure } from '../../src/index.ts';
import { type Block, fitBlocks } from './blockKit.ts';
import { answerActions, answerBlocks, articlesBlocks, fullCitationsBlocks, helpBlocks } from './blocks.ts';
import { answerText, articlesText, figuresText, fullCitationsText } from './fallback.ts';
import { type FiguresOptions, figuresBlocks } from './figuresBlocks.ts';
import { stringsFor } from './strings.ts';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Words that ask about Cita rather than the articles, in a DM, a mention or `/cita`. */
export type Keyword = 'help' | 'sources';

/** Each keyword; `language` when the word itself is not English. */
const KEYWORDS: Record<string, { keyword: Keyword; language?: AnswerLanguage }> = {
  '': { keyword: 'help' },
  help: { keyword: 'help' },
  ayuda: { keyword: 'help', language: 'es' },
  sources: { keyword: 'sources' },
  articles: { keyword: 'sources' },
  fuentes: { keyword: 'sources', language: 'es' },
};

function keywordEntry(question: string): (typeof KEYWORDS)[string] | undefined {
  const word = question
    .trim()
    .toLowerCase()
    .replace(/[?!.]+$/, '');
  return Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word] : undefined;
}

export function keywordOf(question: string): Keyword | null {
  return keywordEntry(question)?.keyword ?? null;
}

/**
 * The language a keyword is written in, when it says one (`ayuda`, `fuentes`: Spanish); null for
 * the English ones, which Spanish-speaking users type too: then their locale decides.
 */
export function keywordLanguage(question: string): AnswerLanguage | null {
  return keywordEntry(question)?.language ?? null;
}

function message(text: string, blocks: Block[], language: AnswerLanguage = 'en'): SlackMessage {
  // Never an empty `text`: it is what shows when the blocks cannot.
  return {
    text: text.trim() ? text : 'An answer from Cita',
    blocks: fitBlocks(blocks, undefined, stringsFor(language).leftOut),
  };
}

export function helpMessage(suggestions: readonly string[], language: AnswerLanguage = 'en'): SlackMessage {
  return message(stringsFor(language).helpText, helpBlocks(suggestions, language), language);
}

export function articlesMessage(
  articles: readonly ArticleMeta[],
  language: AnswerLanguage = 'en',
): SlackMessage {
  return message(articlesText(articles, language), articlesBlocks(articles, language), language);
}

/** An empty question gets the help (with the core's suggestions), not a bare decline. */
function helpIfEmpty(answer: Answer): SlackMessage | null {
  return answer.declineReason === 'empty' ? helpMessage(answer.suggestions ?? [], answer.language) : null;
}

/** In a channel thread: the answer with numbered sources; Sources (DM) and feedback buttons. */
export function threadAnswer(answer: Answer): SlackMessage {
  return helpIfEmpty(answer) ?? message(answerText(answer), answerBlocks(answer), answer.language);
}

/** In a DM: the answer followed by the full citations (every passage), and feedback buttons. */
export function dmAnswer(answer: Answer): SlackMessage {
  const help = helpIfEmpty(answer);
  if (help) return help;
  const blocks = answerBlocks(answer, { actions: [], sourceList: false });
  if (answer.answered) blocks.push(...fullCitationsBlocks(answer, { heading: false }));
  blocks.push(...answerActions(answer, ['feedback']));
  return message(answerText(answer), blocks, answer.language);
}

/** `/cita` (only the caller sees it): Share in channel, Sources and feedback buttons. */
export function privateAnswer(answer: Answer): SlackMessage {
  return (
    helpIfEmpty(answer) ??
    message(
      answerText(answer),
      answerBlocks(answer, { actions: ['share', 'sources', 'feedback'] }),
      answer.language,
    )
  );
}

/** A `/cita` answer shared into the channel: with the question, and who shared it. */
export function sharedAnswer(answer: Answer, sharedBy: string): SlackMessage {
  return message(answerText(answer), answerBlocks(answer, { showQuestion: true, sharedBy }), answer.language);
}

/** The Sources button's DM: the question and every citation in full. */
export function sourcesMessage(answer: Answer): SlackMessage {
  return message(fullCitationsText(answer), fullCitationsBlocks(answer), answer.language);
}

/** `/figures [topic]`, framed in `options.language` (the core's `FiguresAnswer.language`). */
export function figuresMessage(figures: readonly KeyFigure[], options: FiguresOptions = {}): SlackMessage {
  return message(
    figuresText(figures, options.topic, options.language),
    figuresBlocks(figures, options),
    options.language,
  );
}

/** When something failed on our side: never leave the user with silence (in the asker's language). */
export function sorryMessage(language?: AnswerLanguage): SlackMessage {
  return { text: stringsFor(language).somethingWrong, blocks: [] };
}
