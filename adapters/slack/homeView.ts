/**
 * The App Home tab: what Cita knows (the articles), the key figures, and how to ask, in the
 * viewer's language (from their Slack locale).
 */
import type { types } from '@slack/bolt';
import { type AnswerLanguage, type ArticleMeta, type KeyFigure, labels } from '../../src/index.ts';
import { type Block, context, divider, fitBlocks, header, LIMITS, section, sections } from './blockKit.ts';
import { articlesBlocks, suggestionsLine } from './blocks.ts';
import { escapeText } from './escape.ts';
import { figureSources } from './figuresBlocks.ts';
import { stringsFor } from './strings.ts';

/** The Home tab lists this many figures; `/figures` shows them all. */
export const HOME_FIGURES_MAX = 25;

export interface HomeContent {
  articles: readonly ArticleMeta[];
  figures: readonly KeyFigure[];
  suggestions: readonly string[];
  /** The language of the framing; English by default. */
  language?: AnswerLanguage;
}

/** `• *label*: value — sources`; a disputed figure lists its values side by side. */
function figureLine(f: KeyFigure): string {
  const values = f.values.map((v) => {
    const sources = figureSources(v.citations, { dates: false });
    return `${escapeText(v.value)}${sources ? ` (${sources})` : ''}`;
  });
  return `• *${escapeText(f.label)}*: ${values.join(' / ')}${f.disputed ? ' :warning:' : ''}`;
}

export function homeView({ articles, figures, suggestions, language = 'en' }: HomeContent): types.HomeView {
  const s = stringsFor(language);
  const blocks: Block[] = [
    header('Cita'),
    section(s.homeIntro),
    header(s.howToAskHeading),
    section(s.howToAsk.join('\n')),
  ];
  if (suggestions.length > 0) blocks.push(suggestionsLine(s.askMeAbout, suggestions));
  blocks.push(divider(), header(s.whatIKnow), ...articlesBlocks(articles, language));
  if (figures.length > 0) {
    blocks.push(
      divider(),
      header(labels(language).keyFigures),
      ...sections(figures.slice(0, HOME_FIGURES_MAX).map(figureLine)),
      context([s.homeFiguresMore(Math.max(figures.length - HOME_FIGURES_MAX, 0))]),
    );
  }
  return { type: 'home', blocks: fitBlocks(blocks, LIMITS.viewBlocks, s.leftOut) };
}
