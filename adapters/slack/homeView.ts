/**
 * The App Home tab: what Cita knows (the articles), the key figures, and how to ask.
 */
import type { types } from '@slack/bolt';
import type { ArticleMeta, KeyFigure } from '../../src/index.ts';
import { type Block, context, divider, fitBlocks, header, LIMITS, section, sections } from './blockKit.ts';
import { articlesBlocks, HOW_TO_ASK, suggestionsLine } from './blocks.ts';
import { escapeText } from './escape.ts';
import { figureSources } from './figuresBlocks.ts';

/** The Home tab lists this many figures; `/figures` shows them all. */
export const HOME_FIGURES_MAX = 25;

export interface HomeContent {
  articles: readonly ArticleMeta[];
  figures: readonly KeyFigure[];
  suggestions: readonly string[];
}

/** `• *label*: value — sources`; a disputed figure lists its values side by side. */
function figureLine(f: KeyFigure): string {
  const values = f.values.map((v) => {
    const sources = figureSources(v.citations, { dates: false });
    return `${escapeText(v.value)}${sources ? ` (${sources})` : ''}`;
  });
  return `• *${escapeText(f.label)}*: ${values.join(' / ')}${f.disputed ? ' :warning:' : ''}`;
}

export function homeView({ articles, figures, suggestions }: HomeContent): types.HomeView {
  const blocks: Block[] = [
    header('Cita'),
    section(
      'I answer questions about the news articles below, quoting them word for word with numbered, linked sources. When the sources disagree, I show every version.',
    ),
    header('How to ask'),
    section(HOW_TO_ASK.join('\n')),
  ];
  if (suggestions.length > 0) blocks.push(suggestionsLine('Ask me about', suggestions));
  blocks.push(divider(), header('What I know'), ...articlesBlocks(articles));
  if (figures.length > 0) {
    blocks.push(
      divider(),
      header('Key figures'),
      ...sections(figures.slice(0, HOME_FIGURES_MAX).map(figureLine)),
    );
    const more = figures.length - HOME_FIGURES_MAX;
    blocks.push(
      context([
        more > 0
          ? `…and ${more} more. \`/figures [topic]\` shows them all with their sources.`
          : '`/figures [topic]` shows them with their sources.',
      ]),
    );
  }
  return { type: 'home', blocks: fitBlocks(blocks, LIMITS.viewBlocks) };
}
