/** The fixed words on Cita's Teams cards, in the languages the core answers in. */
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
};

const ES: Labels = {
  sources: 'Fuentes',
  sourcesButton: 'Fuentes',
  sourcesDiffer: 'Las fuentes no coinciden',
  notInArticles: 'No aparece en los artículos:',
  tryAsking: 'Pruebe a preguntar por:',
  question: 'Pregunta:',
  undated: 'sin fecha',
  shortened: 'Acortado para caber en Teams.',
  moreSources: (count) => `…y ${count} ${count === 1 ? 'fuente más' : 'fuentes más'}.`,
};

export function labels(language: AnswerLanguage | undefined): Labels {
  return language === 'es' ? ES : EN;
}
