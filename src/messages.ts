/**
 * Every user-facing text of the core and its renderers, in each language Cita answers in. The
 * quotes themselves stay verbatim (English); only this framing follows the question's language.
 */
import type { AnswerLanguage } from './types.ts';

export interface Messages {
  /** Reply to an empty question. */
  empty: string;
  /** Reply when a question could not be processed at all. */
  failed: string;
  /** Decline: the articles contain none of these terms (already quoted). */
  notMentioned(terms: string[]): string;
  notCovered: string;
  noAnswerType: string;
  /** Lead of an answer whose sources give different figures. */
  sourcesDiffer: string;
}

/** Labels for rendering an answer on any surface (terminal, Slack, Teams). */
export interface Labels {
  /** Heading of the list of cited sources. */
  sources: string;
  /** Heading of a disagreement between sources. */
  sourcesDiffer: string;
  /** Lead-in of suggested topics after a decline. */
  tryAskingAbout: string;
  /** Pointer to the key figures command. */
  orTypeFigures: string;
  /** Heading of the topic list in help. */
  topics: string;
  /** Heading of the key figures. */
  keyFigures: string;
  /** Heading of the key figures about a topic (the topic already escaped for the surface). */
  keyFiguresAbout(topic: string): string;
  /** No figures at all, or none about a topic. */
  noFigures: string;
  noFiguresAbout(topic: string): string;
  /** After a cut list: how many more, and the command (as the surface writes it) that narrows them. */
  moreFigures(count: number, command: string): string;
  /** Note beside a disputed figure. */
  figureDisputed: string;
}

function listOf(items: string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`;
}

const MESSAGES: Record<AnswerLanguage, Messages> = {
  en: {
    empty: 'Ask me a question about the articles.',
    failed: "Sorry, I couldn't process that question.",
    notMentioned: (terms) => `The articles don't mention ${listOf(terms, 'or')}.`,
    notCovered: "The articles don't cover that.",
    noAnswerType: "The articles touch on this but don't give that answer.",
    sourcesDiffer: 'The sources differ.',
  },
  es: {
    empty: 'Hazme una pregunta sobre los artículos.',
    failed: 'Lo siento, no pude procesar esa pregunta.',
    notMentioned: (terms) => `Los artículos no mencionan ${listOf(terms, 'ni')}.`,
    notCovered: 'Los artículos no tratan eso.',
    noAnswerType: 'Los artículos tocan el tema, pero no dan esa respuesta.',
    sourcesDiffer: 'Las fuentes difieren.',
  },
};

const LABELS: Record<AnswerLanguage, Labels> = {
  en: {
    sources: 'Sources',
    sourcesDiffer: 'The sources differ',
    tryAskingAbout: 'Try asking about',
    orTypeFigures: 'or type /figures',
    topics: 'Topics',
    keyFigures: 'Key figures',
    keyFiguresAbout: (topic) => `Key figures about “${topic}”`,
    noFigures: 'I found no key figures in the articles.',
    noFiguresAbout: (topic) => `I found no key figures about “${topic}” in the articles.`,
    moreFigures: (count, command) => `…and ${count} more. Narrow them down with ${command}.`,
    figureDisputed: 'the sources differ',
  },
  es: {
    sources: 'Fuentes',
    sourcesDiffer: 'Las fuentes difieren',
    tryAskingAbout: 'Prueba a preguntar por',
    orTypeFigures: 'o escribe /figures',
    topics: 'Temas',
    keyFigures: 'Cifras clave',
    keyFiguresAbout: (topic) => `Cifras clave sobre «${topic}»`,
    noFigures: 'No encontré cifras clave en los artículos.',
    noFiguresAbout: (topic) => `No encontré cifras clave sobre «${topic}» en los artículos.`,
    moreFigures: (count, command) => `…y ${count} más. Acótalas con ${command}.`,
    figureDisputed: 'las fuentes difieren',
  },
};

/**
 * The core's reply texts in a language.
 * @example messages('es').sourcesDiffer // 'Las fuentes difieren.'
 */
export function messages(language: AnswerLanguage): Messages {
  return MESSAGES[language];
}

/**
 * Rendering labels in a language, for adapters showing an answer (`labels(answer.language)`).
 * @example labels('es').sources // 'Fuentes'
 */
export function labels(language: AnswerLanguage): Labels {
  return LABELS[language];
}
