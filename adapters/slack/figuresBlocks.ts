/**
 * Key figures as Block Kit (for `/figures` and the Home tab): each figure with its value(s) and
 * linked sources; a disputed figure shows every value beside the sources that give it.
 */
import type { Citation, FigureValue, KeyFigure } from '../../src/index.ts';
import { actions, type Block, button, context, header, section } from './blockKit.ts';
import { ACTION } from './blocks.ts';
import { escapeText, isUserId, link } from './escape.ts';
import { formatDate } from './strings.ts';

/** One section per figure: with the header, notes and button, well under 50 blocks. */
export const FIGURES_MAX = 40;

/** The share button's value: `t:` + topic, so it is never empty even without a topic. */
export function figuresShareValue(topic: string): string {
  return `t:${topic}`;
}

export function topicFromShareValue(value: string | undefined): string {
  return value?.startsWith('t:') ? value.slice(2) : '';
}

/** `<url|Publisher> (25 Sep 2024)`, once per article; `dates: false` leaves the dates out. */
export function figureSources(citations: readonly Citation[], { dates = true } = {}): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of citations) {
    if (seen.has(c.articleId)) continue;
    seen.add(c.articleId);
    out.push(`${link(c.url, c.publisher)}${dates && c.published ? ` (${formatDate(c.published)})` : ''}`);
  }
  return out.join(', ');
}

function valueLine(v: FigureValue): string {
  const sources = figureSources(v.citations);
  return `*${escapeText(v.value)}*${sources ? ` — ${sources}` : ''}`;
}

/** One figure as mrkdwn: `*label*: *value* — sources`, or a list of values when disputed. */
export function figureText(f: KeyFigure): string {
  const label = `*${escapeText(f.label)}*`;
  const [only] = f.values;
  if (!f.disputed && f.values.length === 1 && only) return `${label}: ${valueLine(only)}`;
  const note = f.disputed ? ' — :warning: the sources differ' : '';
  return `${label}${note}\n${f.values.map((v) => `• ${valueLine(v)}`).join('\n')}`;
}

export interface FiguresOptions {
  /** The topic the figures were filtered by (as the user typed it). */
  topic?: string;
  /** Add the **Share in channel** button (on the private copy only). */
  share?: boolean;
  /** The user who shared the figures into the channel. */
  sharedBy?: string;
}

export function figuresBlocks(figures: readonly KeyFigure[], options: FiguresOptions = {}): Block[] {
  const topic = options.topic?.trim() ?? '';
  const blocks: Block[] = [header('Key figures')];
  if (topic) blocks.push(context([`About “${escapeText(topic)}”`]));
  if (figures.length === 0) {
    blocks.push(
      section(
        topic
          ? `I found no key figures about “${escapeText(topic)}” in the articles. Try \`/figures\` on its own to see them all.`
          : 'I found no key figures in the articles.',
      ),
    );
  }
  const shown = figures.slice(0, FIGURES_MAX);
  for (const f of shown) blocks.push(section(figureText(f)));
  const more = figures.length - shown.length;
  if (more > 0) blocks.push(context([`…and ${more} more. Narrow them down with \`/figures <topic>\`.`]));
  if (isUserId(options.sharedBy)) blocks.push(context([`Shared by <@${options.sharedBy}>`]));
  if (options.share && figures.length > 0)
    blocks.push(
      actions('cita_figures', [
        button(ACTION.shareFigures, 'Share in channel', figuresShareValue(topic), { style: 'primary' }),
      ]),
    );
  return blocks;
}
