/**
 * Key figures as Block Kit (for `/figures` and the Home tab): each figure with its value(s) and
 * linked sources; a disputed figure shows every value beside the sources that give it. The framing
 * follows the figures' language; labels and values stay as the articles say them.
 */
import {
  type AnswerLanguage,
  type Citation,
  type FigureValue,
  type KeyFigure,
  labels,
} from '../../src/index.ts';
import { actions, type Block, button, context, header, section } from './blockKit.ts';
import { ACTION } from './blocks.ts';
import { escapeText, isUserId, link } from './escape.ts';
import { formatDate, stringsFor } from './strings.ts';

/** One section per figure: with the header, notes and button, well under 50 blocks. */
export const FIGURES_MAX = 40;

/** The share button's value: `t:` + topic, so it is never empty even without a topic. */
export function figuresShareValue(topic: string): string {
  return `t:${topic}`;
}

export function topicFromShareValue(value: string | undefined): string {
  return value?.startsWith('t:') ? value.slice(2) : '';
}

/**
 * `<url|Publisher> (25 Sep 2024)`, once per article; `dates: false` leaves the dates out, and
 * `language` names the months.
 */
export function figureSources(
  citations: readonly Citation[],
  { dates = true, language = 'en' }: { dates?: boolean; language?: AnswerLanguage } = {},
): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of citations) {
    if (seen.has(c.articleId)) continue;
    seen.add(c.articleId);
    const date = dates && c.published ? ` (${formatDate(c.published, language)})` : '';
    out.push(`${link(c.url, c.publisher)}${date}`);
  }
  return out.join(', ');
}

function valueLine(v: FigureValue, language: AnswerLanguage): string {
  const sources = figureSources(v.citations, { language });
  return `*${escapeText(v.value)}*${sources ? ` — ${sources}` : ''}`;
}

/** One figure as mrkdwn: `*label*: *value* — sources`, or a list of values when disputed. */
export function figureText(f: KeyFigure, language: AnswerLanguage = 'en'): string {
  const label = `*${escapeText(f.label)}*`;
  const [only] = f.values;
  if (!f.disputed && f.values.length === 1 && only) return `${label}: ${valueLine(only, language)}`;
  const note = f.disputed ? ` — :warning: ${labels(language).figureDisputed}` : '';
  return `${label}${note}\n${f.values.map((v) => `• ${valueLine(v, language)}`).join('\n')}`;
}

export interface FiguresOptions {
  /** The topic the figures were filtered by (as the user typed it). */
  topic?: string;
  /** Add the **Share in channel** button (on the private copy only). */
  share?: boolean;
  /** The user who shared the figures into the channel. */
  sharedBy?: string;
  /** The language to frame the figures in (the core's `FiguresAnswer.language`); English by default. */
  language?: AnswerLanguage;
}

export function figuresBlocks(figures: readonly KeyFigure[], options: FiguresOptions = {}): Block[] {
  const topic = options.topic?.trim() ?? '';
  const language = options.language ?? 'en';
  const l = labels(language);
  const s = stringsFor(language);
  const blocks: Block[] = [header(l.keyFigures)];
  if (topic) blocks.push(context([s.aboutTopic(escapeText(topic))]));
  if (figures.length === 0)
    blocks.push(section(topic ? `${l.noFiguresAbout(escapeText(topic))} ${s.allFiguresHint}` : l.noFigures));
  const shown = figures.slice(0, FIGURES_MAX);
  for (const f of shown) blocks.push(section(figureText(f, language)));
  const more = figures.length - shown.length;
  if (more > 0) blocks.push(context([l.moreFigures(more, s.figuresCommand)]));
  if (isUserId(options.sharedBy)) blocks.push(context([s.sharedBy(options.sharedBy)]));
  if (options.share && figures.length > 0)
    blocks.push(
      actions('cita_figures', [
        button(ACTION.shareFigures, s.shareInChannel, figuresShareValue(topic), { style: 'primary' }),
      ]),
    );
  return blocks;
}
