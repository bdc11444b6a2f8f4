/**
 * The `text` sent beside every set of blocks: what notifications and screen readers show, and
 * what is posted alone when Slack rejects the blocks. Slack renders it as mrkdwn too, so it is
 * escaped like the blocks; it is capped so it can never be the reason a post fails.
 */
import {
  type Answer,
  type AnswerLanguage,
  type ArticleMeta,
  type KeyFigure,
  labels,
} from '../../src/index.ts';
import { LIMITS } from './blockKit.ts';
import { clipMrkdwn, escapeText, link } from './escape.ts';
import { formatDate, stringsFor } from './strings.ts';

function sourcesLine(answer: Answer): string {
  const s = stringsFor(answer.language);
  const items = answer.citations.map((c) => {
    const date = c.published ? `, ${formatDate(c.published, answer.language)}` : '';
    return `[${c.n}] ${link(c.url, c.title)} (${escapeText(c.publisher)}${date})`;
  });
  return `${s.sources}: ${items.join('; ')}`;
}

export function answerText(answer: Answer): string {
  const s = stringsFor(answer.language);
  const parts = [escapeText(answer.answer)];
  if (answer.answered) {
    if (answer.conflict) {
      const values = answer.conflict.values.map((v) => `${escapeText(v.value)} [${v.citations.join(', ')}]`);
      parts.push(`${s.sourcesDiffer}: ${values.join(' / ')}`);
    }
    if (answer.citations.length > 0) parts.push(sourcesLine(answer));
  } else if (answer.suggestions?.length) {
    parts.push(`${s.tryAsking}: ${answer.suggestions.map(escapeText).join(' · ')}`);
  }
  return clipMrkdwn(parts.join('\n\n'), LIMITS.fallbackText);
}

export function fullCitationsText(answer: Answer): string {
  const s = stringsFor(answer.language);
  if (answer.citations.length === 0)
    return clipMrkdwn(`${escapeText(answer.answer)}\n\n${s.noSources}`, LIMITS.fallbackText);
  const items = answer.citations.map((c) => {
    const meta = [escapeText(c.publisher), c.published ? formatDate(c.published, answer.language) : null]
      .filter(Boolean)
      .join(', ');
    return `[${c.n}] ${link(c.url, c.title)} (${meta}): “${escapeText(c.passage || c.quote)}”`;
  });
  return clipMrkdwn(
    `${s.sources} — ${escapeText(answer.question)}\n\n${items.join('\n\n')}`,
    LIMITS.fallbackText,
  );
}

/** The figures as text, framed in `language`; figure labels and values stay as the articles say them. */
export function figuresText(
  figures: readonly KeyFigure[],
  topic = '',
  language: AnswerLanguage = 'en',
): string {
  const l = labels(language);
  if (figures.length === 0) return topic ? l.noFiguresAbout(escapeText(topic)) : l.noFigures;
  const lines = figures.map((f) => {
    const values = f.values.map((v) => {
      const publishers = [...new Set(v.citations.map((c) => escapeText(c.publisher)))].join(', ');
      return publishers ? `${escapeText(v.value)} (${publishers})` : escapeText(v.value);
    });
    return `• ${escapeText(f.label)}: ${values.join(' / ')}${f.disputed ? ` — ${l.figureDisputed}` : ''}`;
  });
  const title = topic ? l.keyFiguresAbout(escapeText(topic)) : l.keyFigures;
  return clipMrkdwn(`${title}:\n${lines.join('\n')}`, LIMITS.fallbackText);
}

export function articlesText(articles: readonly ArticleMeta[], language: AnswerLanguage = 'en'): string {
  const s = stringsFor(language);
  if (articles.length === 0) return s.noArticles;
  const lines = articles.map(
    (a) =>
      `• ${link(a.url, a.title)} — ${escapeText(a.publisher)}${a.published ? `, ${formatDate(a.published, language)}` : ''}`,
  );
  return clipMrkdwn(`${s.answerFromThese}\n${lines.join('\n')}`, LIMITS.fallbackText);
}
