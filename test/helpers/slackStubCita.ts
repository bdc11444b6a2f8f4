/**
 * Small hand-made cores for the Slack tests: fixed answers and figures, and article text that
 * tries to ping (`<!channel>`, `<@U…>`), so rendering and escaping can be asserted exactly.
 */
import type { Answer, ArticleMeta, Cita, Citation, KeyFigure } from '../../src/index.ts';

export const ARTICLE: ArticleMeta = {
  id: 'daily',
  title: 'Rates & <!channel> rise',
  publisher: 'The <@U0VICTIM> Daily',
  url: 'https://example.com/a?x=1&y=2',
  published: '2024-09-25',
  author: 'Ana Ruiz',
};

export function citation(n: number, quote: string, over: Partial<Citation> = {}): Citation {
  const { id: articleId, ...meta } = ARTICLE;
  return { n, articleId, ...meta, quote, passage: `Before. ${quote} After.`, ...over };
}

export const FIGURE: KeyFigure = {
  label: 'investment <!here>',
  kind: 'money',
  disputed: false,
  values: [{ value: '$1.3 billion', citations: [citation(1, 'It invests $1.3 billion.')] }],
};

/** Echoes the question: answered for questions containing "rates", declined otherwise. */
export function echoCita(figures: KeyFigure[] = [FIGURE]): Cita {
  return {
    articles: [ARTICLE],
    passageCount: 1,
    ask(question: string): Answer {
      if (/rates/i.test(question))
        return {
          question,
          answered: true,
          answer: 'Rates <!channel> rose & fell. [1]',
          citations: [citation(1, 'Rates <!channel> rose & fell.')],
          conflict: null,
          language: 'en',
        };
      return {
        question,
        answered: false,
        answer: `The articles don't mention "${question}".`,
        citations: [],
        conflict: null,
        language: 'en',
        declineReason: question.trim() ? 'not-covered' : 'empty',
        missing: [question],
        suggestions: ['rates'],
      };
    },
    figures: (topic?: string) => ({
      topic: topic ?? '',
      language: 'en',
      figures: topic && !/invest/i.test(topic) ? [] : figures,
    }),
    suggestions: () => ['rates'],
  };
}
