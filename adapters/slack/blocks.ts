/**
 * Pure renderers: the core's {@link Answer} in, Block Kit out. All article and user text is
 * escaped here (escape.ts), all limits are enforced by blockKit.ts.
 *
 * @example
 * answerBlocks(cita.ask('How much is Microsoft investing?'))
 * // → [quoted answer section, sources context, Sources / 👍 / 👎 buttons]
 */
import type { Answer, AnswerLanguage, ArticleMeta, Citation, Conflict } from '../../src/index.ts';
import {
  actions,
  type Block,
  type Button,
  button,
  context,
  divider,
  header,
  section,
  sections,
} from './blockKit.ts';
import { blockQuote, clip, escapeText, isUserId, link } from './escape.ts';
import { type AnswerStrings, formatDate, stringsFor } from './strings.ts';

/** Action ids of Cita's buttons; the listeners in listeners/actions match on these. */
export const ACTION = {
  sources: 'cita_sources',
  feedbackUp: 'cita_feedback_up',
  feedbackDown: 'cita_feedback_down',
  shareAnswer: 'cita_share_answer',
  shareFigures: 'cita_share_figures',
} as const;

export type AnswerAction = 'share' | 'sources' | 'feedback';

export interface AnswerOptions {
  /** Buttons under the answer, in this order. Share and Sources only appear on answered questions. */
  actions?: readonly AnswerAction[];
  /** List the numbered sources under the answer (off when the full citations follow). */
  sourceList?: boolean;
  /** Show the question above the answer, for an answer seen away from its question. */
  showQuestion?: boolean;
  /** The user who shared this answer into the channel. */
  sharedBy?: string;
}

/** Full passages are cut to this so each fits in one section with its quote marks. */
const PASSAGE_MAX = 2800;
/** Each full citation takes three blocks: keep the message under 50. */
const FULL_CITATIONS_MAX = 15;

/** `*[1]* <url|Title> — Publisher, 25 Sep 2024` */
export function sourceLine(c: Citation, language?: Answer['language']): string {
  const date = c.published ? `, ${formatDate(c.published, language)}` : '';
  return `*[${c.n}]* ${link(c.url, c.title)} — ${escapeText(c.publisher)}${date}`;
}

function citationName(n: number, citations: readonly Citation[]): string {
  const c = citations.find((x) => x.n === n);
  return c ? `[${n}] ${escapeText(c.publisher)}` : `[${n}]`;
}

/** The values the sources disagree on, each with the sources that give it. */
export function conflictText(conflict: Conflict, citations: readonly Citation[], s: AnswerStrings): string {
  const lines = conflict.values.map(
    (v) => `• *${escapeText(v.value)}* — ${v.citations.map((n) => citationName(n, citations)).join(', ')}`,
  );
  return `:warning: *${s.sourcesDiffer}* — ${escapeText(conflict.subject)}:\n${lines.join('\n')}`;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Quotes the answer does not already show word for word (e.g. the other side of a conflict). */
function extraQuotes(answer: Answer): Citation[] {
  const shown = normalize(answer.answer);
  return answer.citations.filter((c) => c.quote.trim() && !shown.includes(normalize(c.quote)));
}

/** The buttons under an answer. Button values carry the question so a click can re-ask it. */
export function answerActions(answer: Answer, kinds: readonly AnswerAction[]): Block[] {
  const question = answer.question;
  const s = stringsFor(answer.language);
  const buttons: Button[] = [];
  for (const kind of kinds) {
    if (kind === 'share' && answer.answered)
      buttons.push(button(ACTION.shareAnswer, s.shareInChannel, question, { style: 'primary' }));
    if (kind === 'sources' && answer.answered && answer.citations.length > 0)
      buttons.push(button(ACTION.sources, s.sources, question, { label: s.fullSourcesLabel }));
    if (kind === 'feedback') {
      buttons.push(button(ACTION.feedbackUp, '👍', question, { label: s.helpful }));
      buttons.push(button(ACTION.feedbackDown, '👎', question, { label: s.notHelpful }));
    }
  }
  return buttons.length > 0 && question ? [actions('cita_answer', buttons)] : [];
}

/** The answer as Block Kit: quoted answer, extra snippets, conflict, notices, sources, buttons. */
export function answerBlocks(answer: Answer, options: AnswerOptions = {}): Block[] {
  const s = stringsFor(answer.language);
  const blocks: Block[] = [];
  if (options.showQuestion && answer.question)
    blocks.push(section(`*${s.question}:* ${escapeText(answer.question)}`));
  if (answer.answered) {
    blocks.push(section(blockQuote(escapeText(answer.answer))));
    const extra = extraQuotes(answer).map((c) => blockQuote(`${escapeText(c.quote)} [${c.n}]`));
    blocks.push(...sections(extra));
    if (answer.conflict) blocks.push(section(conflictText(answer.conflict, answer.citations, s)));
  } else {
    blocks.push(section(escapeText(answer.answer)));
    if (answer.missing?.length)
      blocks.push(
        context([`${s.notCovered}: ${answer.missing.map((m) => `*${escapeText(m)}*`).join(', ')}`]),
      );
    if (answer.suggestions?.length) blocks.push(suggestionsLine(s.tryAsking, answer.suggestions));
  }
  if (answer.notices?.length)
    blocks.push(context(answer.notices.map((n) => `:information_source: ${escapeText(n)}`)));
  if (answer.answered && (options.sourceList ?? true) && answer.citations.length > 0)
    blocks.push(context(answer.citations.map((c) => sourceLine(c, answer.language))));
  if (!answer.answered) blocks.push(context([s.helpHint]));
  if (isUserId(options.sharedBy)) blocks.push(context([s.sharedBy(options.sharedBy)]));
  blocks.push(...answerActions(answer, options.actions ?? ['sources', 'feedback']));
  return blocks;
}

/**
 * Every citation in full: number, linked title, publisher, date, author and the whole passage
 * the quote comes from. `heading` adds a title and the question (for a message of its own).
 */
export function fullCitationsBlocks(answer: Answer, options: { heading?: boolean } = {}): Block[] {
  const s = stringsFor(answer.language);
  const blocks: Block[] = [];
  if (options.heading ?? true) {
    blocks.push(header(s.sources));
    if (answer.question) blocks.push(section(`*${s.question}:* ${escapeText(answer.question)}`));
  }
  if (answer.citations.length === 0) {
    if (options.heading ?? true) blocks.push(section(escapeText(answer.answer)));
    blocks.push(context([s.noSources]));
    return blocks;
  }
  const shown = answer.citations.slice(0, FULL_CITATIONS_MAX);
  shown.forEach((c, i) => {
    if (i > 0 || (options.heading ?? true)) blocks.push(divider());
    const meta = [escapeText(c.publisher)];
    if (c.published) meta.push(formatDate(c.published, answer.language));
    if (c.author) meta.push(`${s.by} ${escapeText(c.author)}`);
    blocks.push(section(`*[${c.n}]* ${link(c.url, c.title)}\n${meta.join(' · ')}`));
    blocks.push(section(blockQuote(escapeText(clip(c.passage || c.quote, PASSAGE_MAX)))));
  });
  const more = answer.citations.length - shown.length;
  if (more > 0) blocks.push(context([s.moreCitations(more)]));
  return blocks;
}

/** The articles Cita knows, one linked line each. */
export function articlesBlocks(articles: readonly ArticleMeta[], language: AnswerLanguage = 'en'): Block[] {
  const s = stringsFor(language);
  if (articles.length === 0) return [section(s.noArticles)];
  const lines = articles.map((a) => {
    const date = a.published ? `, ${formatDate(a.published, language)}` : '';
    return `• ${link(a.url, a.title)} — ${escapeText(a.publisher)}${date}`;
  });
  return [section(s.answerFrom(articles.length)), ...sections(lines)];
}

/** `*Ask me about:* Mexico · Microsoft · …`: the core's suggestions (topics or questions), escaped. */
export function suggestionsLine(title: string, items: readonly string[]): Block {
  return section(`*${title}:* ${items.slice(0, 10).map(escapeText).join(' · ')}`);
}

/** How to use Cita: the ways to ask, and a few example questions from the knowledge. */
export function helpBlocks(suggestions: readonly string[] = [], language: AnswerLanguage = 'en'): Block[] {
  const s = stringsFor(language);
  const blocks: Block[] = [header(s.helpTitle), section(s.helpIntro), section(s.howToAsk.join('\n'))];
  if (suggestions.length > 0) blocks.push(suggestionsLine(s.askMeAbout, suggestions));
  return blocks;
}
