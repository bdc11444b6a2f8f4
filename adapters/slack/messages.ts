/**
 * Whole messages for each place Cita answers: blocks plus their plain-text fallback, always
 * together (a message without `text` is silent when its blocks are rejected).
 */
import type { Answer, ArticleMeta, KeyFigure } from '../../src/index.ts';
import { type Block, fitBlocks } from './blockKit.ts';
import { answerActions, answerBlocks, articlesBlocks, fullCitationsBlocks, helpBlocks } from './blocks.ts';
import { answerText, articlesText, figuresText, fullCitationsText, HELP_TEXT } from './fallback.ts';
import { figuresBlocks } from './figuresBlocks.ts';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Words that ask about Cita rather than the articles, in a DM, a mention or `/cita`. */
export type Keyword = 'help' | 'sources';

export function keywordOf(question: string): Keyword | null {
  const word = question
    .trim()
    .toLowerCase()
    .replace(/[?!.]+$/, '');
  if (word === '' || word === 'help' || word === 'ayuda') return 'help';
  if (word === 'sources' || word === 'fuentes' || word === 'articles') return 'sources';
  return null;
}

function message(text: string, blocks: Block[]): SlackMessage {
  // Never an empty `text`: it is what shows when the blocks cannot.
  return { text: text.trim() ? text : 'An answer from Cita', blocks: fitBlocks(blocks) };
}

export function helpMessage(suggestions: readonly string[]): SlackMessage {
  return message(HELP_TEXT, helpBlocks(suggestions));
}

export function articlesMessage(articles: readonly ArticleMeta[]): SlackMessage {
  return message(articlesText(articles), articlesBlocks(articles));
}

/** An empty question gets the help (with the core's suggestions), not a bare decline. */
function helpIfEmpty(answer: Answer): SlackMessage | null {
  return answer.declineReason === 'empty' ? helpMessage(answer.suggestions ?? []) : null;
}

/** In a channel thread: the answer with numbered sources; Sources (DM) and feedback buttons. */
export function threadAnswer(answer: Answer): SlackMessage {
  return helpIfEmpty(answer) ?? message(answerText(answer), answerBlocks(answer));
}

/** In a DM: the answer followed by the full citations (every passage), and feedback buttons. */
export function dmAnswer(answer: Answer): SlackMessage {
  const help = helpIfEmpty(answer);
  if (help) return help;
  const blocks = answerBlocks(answer, { actions: [], sourceList: false });
  if (answer.answered) blocks.push(...fullCitationsBlocks(answer, { heading: false }));
  blocks.push(...answerActions(answer, ['feedback']));
  return message(answerText(answer), blocks);
}

/** `/cita` (only the caller sees it): Share in channel, Sources and feedback buttons. */
export function privateAnswer(answer: Answer): SlackMessage {
  return (
    helpIfEmpty(answer) ??
    message(answerText(answer), answerBlocks(answer, { actions: ['share', 'sources', 'feedback'] }))
  );
}

/** A `/cita` answer shared into the channel: with the question, and who shared it. */
export function sharedAnswer(answer: Answer, sharedBy: string): SlackMessage {
  return message(answerText(answer), answerBlocks(answer, { showQuestion: true, sharedBy }));
}

/** The Sources button's DM: the question and every citation in full. */
export function sourcesMessage(answer: Answer): SlackMessage {
  return message(fullCitationsText(answer), fullCitationsBlocks(answer));
}

export function figuresMessage(
  figures: readonly KeyFigure[],
  options: { topic?: string; share?: boolean; sharedBy?: string } = {},
): SlackMessage {
  return message(figuresText(figures, options.topic), figuresBlocks(figures, options));
}

/** When something failed on our side: never leave the user with silence. */
export const SORRY: SlackMessage = {
  text: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  blocks: [],
};
