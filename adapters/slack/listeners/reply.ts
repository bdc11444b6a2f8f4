/**
 * One question in, one message out: keywords (`help`, `sources`) answered by the adapter, any
 * other text by the core (within the user's rate limit), rendered for the place it was asked.
 * The user's Slack locale is the language hint: for the core's answer, and for the help and the
 * article list unless the keyword itself is Spanish (`ayuda`, `fuentes`).
 */
import { type Answer, type AnswerLanguage, detectLanguage, localeLanguage } from '../../../src/index.ts';
import { rateLimitMessage } from '../../rateLimit.ts';
import type { SlackDeps } from '../deps.ts';
import { articlesMessage, helpMessage, keywordLanguage, keywordOf, type SlackMessage } from '../messages.ts';

export interface Reply {
  message: SlackMessage;
  kind: 'keyword' | 'answer' | 'rate-limited';
  /** The core's answer, when the question went to the core. */
  answer?: Answer;
}

export function replyTo(
  deps: SlackDeps,
  user: string,
  question: string,
  render: (answer: Answer) => SlackMessage,
  locale?: string,
): Reply {
  const cita = deps.getCita();
  const keyword = keywordOf(question);
  const language = keywordLanguage(question) ?? localeLanguage(locale);
  if (keyword === 'help') return { kind: 'keyword', message: helpMessage(cita.suggestions(), language) };
  if (keyword === 'sources') return { kind: 'keyword', message: articlesMessage(cita.articles, language) };
  const key = `slack:${user}`;
  if (!deps.limiter.take(key)) {
    const seconds = deps.limiter.retryAfter(key);
    deps.log.warn('slack.rate_limited', { user, retryAfter: seconds });
    const text = rateLimitMessage(seconds, detectLanguage(question, locale));
    return { kind: 'rate-limited', message: { text, blocks: [] } };
  }
  const answer = cita.ask(question, { locale });
  return { kind: 'answer', message: render(answer), answer };
}

/** The language to apologise in: the message's, else the user's locale. Never throws. */
export function replyLanguage(text: unknown, locale?: string): AnswerLanguage {
  return typeof text === 'string' ? detectLanguage(text, locale) : localeLanguage(locale);
}

/** Log fields describing a reply: what happened, not what was said. */
export function replyFields(reply: Reply): Record<string, unknown> {
  if (!reply.answer) return { kind: reply.kind };
  return {
    kind: reply.kind,
    answered: reply.answer.answered,
    citations: reply.answer.citations.length,
    declineReason: reply.answer.declineReason,
  };
}
