/** The Teams messages Cita sends, built from the cards: pure data, ready for `sendActivity`. */
import type { Activity, Attachment } from 'botbuilder';
import type { Answer, AnswerLanguage } from '../../src/index.ts';
import type { AdaptiveCard } from './adaptiveCard.ts';
import { answerCard, answerText, citationEntity, fullCitationsCard } from './cards.ts';
import { clip } from './markup.ts';

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export const WELCOME_TEXT =
  "Hi, I'm Cita. I answer questions about a set of news articles, quoting them word for word and linking every source. " +
  'In a channel or group chat, @mention me with your question; in a 1:1 chat, just ask. ' +
  'Commands: **figures** [topic], **sources**, **help**.';
export const RATE_LIMITED_TEXT =
  "You're asking faster than I can keep up. Please wait a minute, then ask again.";
export const SOURCES_FAILED_TEXT =
  "I couldn't open a private chat with you for the sources. Start a 1:1 chat with Cita and ask there: I answer with the full citations.";
export const TURN_ERROR_TEXT = 'Sorry, something went wrong on my side. Please try again in a moment.';
export const WELCOME_TEXT_ES =
  'Hola, soy Cita. Respondo preguntas sobre un conjunto de artículos de prensa, citándolos palabra por palabra y enlazando cada fuente. ' +
  'En un canal o chat de grupo, mencióname con tu pregunta; en un chat 1:1, pregunta sin más. ' +
  'Comandos: **cifras** [tema], **fuentes**, **ayuda**.';
export const TURN_ERROR_TEXT_ES =
  'Lo siento, algo salió mal por mi parte. Vuelve a intentarlo en un momento.';

/** The hello when Cita is added, in the user's language (Spanish with the Spanish command words). */
export function welcomeText(language: AnswerLanguage): string {
  return language === 'es' ? WELCOME_TEXT_ES : WELCOME_TEXT;
}

/** The apology for a turn that failed, in the user's language. */
export function turnErrorText(language: AnswerLanguage): string {
  return language === 'es' ? TURN_ERROR_TEXT_ES : TURN_ERROR_TEXT;
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

export function cardMessage(card: AdaptiveCard, summary?: string): Partial<Activity> {
  const message: Partial<Activity> = { type: 'message', attachments: [cardAttachment(card)] };
  if (summary) message.summary = clip(summary, 200);
  return message;
}

/**
 * An answer: in a personal chat with the full citations, elsewhere the shorter card with the
 * Sources button. Answered messages also carry the text with `[n]` markers and the matching
 * citation entity, so Teams shows its native citations. Declines are a card with suggestions.
 * Feedback buttons on both (`feedbackLoopEnabled`).
 */
export function answerMessage(answer: Answer, scope: ConversationScope): Partial<Activity> {
  const card = scope === 'personal' ? fullCitationsCard(answer) : answerCard(answer);
  const message: Partial<Activity> = {
    ...cardMessage(card, answer.answer),
    channelData: { feedbackLoopEnabled: true },
  };
  if (answer.answered) {
    message.text = answerText(answer);
    message.textFormat = 'markdown';
  }
  const entity = citationEntity(answer);
  if (entity) message.entities = [entity];
  return message;
}

/** What the Sources button sends privately: every citation in full, with the question on top. */
export function sourcesMessage(answer: Answer): Partial<Activity> {
  return cardMessage(fullCitationsCard(answer, { withQuestion: true }), answer.question);
}
