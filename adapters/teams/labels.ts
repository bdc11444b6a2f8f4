/**
 * The fixed words on Cita's Teams cards, in the languages the core answers in. Shared words (key
 * figures, no figures) come from the core's `labels()`; these are the ones with a Teams shape.
 */
import type { AnswerLanguage } from '../../src/index.ts';

export interface Labels {
  sources: string;
  sourcesButton: string;
  sourcesDiffer: string;
  notInArticles: string;
  tryAsking: string;
  question: string;
  undated: string;
  shortened: string;
  moreSources(count: number): string;
  /** Card title of the figures about a topic. */
  figuresAbout(topic: string): string;
  noFiguresAbout(topic: string): string;
  /** Tag beside a disputed figure. */
  figureDisputed: string;
  /** After a cut list of figures: how many more, and the command that narrows them. */
  moreFigures(count: number): string;
  sourcesTitle: string;
  noArticles: string;
  moreArticles(count: number): string;
  helpTitle: string;
  helpIntro: string;
  /** The commands as typed in this language, each with what it does. */
  helpCommands: readonly (readonly [command: string, what: string])[];
}

const EN: Labels = {
  sources: 'Sources',
  sourcesButton: 'Sources',
  sourcesDiffer: 'The sources differ',
  notInArticles: 'Not in the articles:',
  tryAsking: 'Try asking about:',
  question: 'Question:',
  undated: 'undated',
  shortened: 'Shortened to fit in Teams.',
  moreSources: (count) => `…and ${count} more ${count === 1 ? 'source' : 'sources'}.`,
  figuresAbout: (topic) => `Key figures: ${topic}`,
  noFiguresAbout: (topic) => `I found no key figures about “${topic}”.`,
  figureDisputed: 'Sources differ',
  moreFigures: (count) => `…and ${count} more. Narrow it down: figures <topic>`,
  sourcesTitle: 'The articles I answer from',
  noArticles: 'No articles are loaded.',
  moreArticles: (count) => `…and ${count} more.`,
  helpTitle: 'Cita answers questions about a set of news articles',
  helpIntro:
    'Every answer quotes the articles word for word and links its sources. In a channel or group chat, @mention me with your question; in a 1:1 chat, just ask.',
  helpCommands: [
    ['figures [topic]', 'key figures, and the ones the sources disagree on'],
    ['sources', 'the articles I answer from'],
    ['help', 'this message'],
  ],
};

const ES: Labels = {
  sources: 'Fuentes',
  sourcesButton: 'Fuentes',
  sourcesDiffer: 'Las fuentes no coinciden',
  notInArticles: 'No aparece en los artículos:',
  tryAsking: 'Prueba a preguntar por:',
  question: 'Pregunta:',
  undated: 'sin fecha',
  shortened: 'Acortado para caber en Teams.',
  moreSources: (count) => `…y ${count} ${count === 1 ? 'fuente más' : 'fuentes más'}.`,
  figuresAbout: (topic) => `Cifras clave: ${topic}`,
  noFiguresAbout: (topic) => `No encontré cifras clave sobre «${topic}».`,
  figureDisputed: 'Las fuentes no coinciden',
  moreFigures: (count) => `…y ${count} más. Acótalas: cifras <tema>`,
  sourcesTitle: 'Los artículos de los que respondo',
  noArticles: 'No hay artículos cargados.',
  moreArticles: (count) => `…y ${count} más.`,
  helpTitle: 'Cita responde preguntas sobre un conjunto de artículos de prensa',
  helpIntro:
    'Cada respuesta cita los artículos palabra por palabra y enlaza sus fuentes. En un canal o chat de grupo, mencióname con tu pregunta; en un chat 1:1, pregunta sin más.',
  helpCommands: [
    ['cifras [tema]', 'las cifras clave, y aquellas en las que las fuentes no coinciden'],
    ['fuentes', 'los artículos de los que respondo'],
    ['ayuda', 'este mensaje'],
  ],
};

export function labels(language: AnswerLanguage | undefined): Labels {
  return language === 'es' ? ES : EN;
}
