/**
 * The few words the Slack adapter adds around an answer, in the answer's language (the core
 * answers Spanish questions in Spanish). Everything else the adapter says is English.
 */
import type { AnswerLanguage } from '../../src/index.ts';

export interface AnswerStrings {
  question: string;
  sources: string;
  sourcesDiffer: string;
  notCovered: string;
  tryAsking: string;
  noSources: string;
  by: string;
  helpHint: string;
  months: readonly string[];
}

const EN: AnswerStrings = {
  question: 'Question',
  sources: 'Sources',
  sourcesDiffer: 'The sources differ',
  notCovered: 'Not in the articles',
  tryAsking: 'Try asking about',
  noSources: 'No sources to show for this question.',
  by: 'by',
  helpHint: '`/cita help` shows what I can do · `/figures` lists the key figures',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const ES: AnswerStrings = {
  question: 'Pregunta',
  sources: 'Fuentes',
  sourcesDiffer: 'Las fuentes difieren',
  notCovered: 'No aparece en los artículos',
  tryAsking: 'Prueba a preguntar por',
  noSources: 'No hay fuentes para esta pregunta.',
  by: 'por',
  helpHint: '`/cita help` muestra lo que sé hacer · `/figures` lista las cifras clave',
  months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
};

export function stringsFor(language: AnswerLanguage | undefined): AnswerStrings {
  return language === 'es' ? ES : EN;
}

/** `2024-09-25` → `25 Sep 2024`; anything not a date is returned as it is. */
export function formatDate(date: string, language?: AnswerLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? stringsFor(language).months[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return `${Number(m[3])} ${month} ${m[1]}`;
}
