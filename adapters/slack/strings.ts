/**
 * The words the Slack adapter adds around the core's data, in the reply's language: the
 * answer's (the core answers Spanish questions in Spanish), the figures' (their topic's, else the
 * user's locale), or the user's locale and keyword for help and the Home tab. Article text (quotes,
 * figure values and labels) stays verbatim.
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

/** Everything else Slack shows: buttons, help, the Home tab, the article list and figures. */
export interface SlackStrings extends AnswerStrings {
  shareInChannel: string;
  /** Context line under a shared answer or figures (`user` is a checked Slack user id). */
  sharedBy(user: string): string;
  fullSourcesLabel: string;
  helpful: string;
  notHelpful: string;
  /** After the first citations in full: how many more. */
  moreCitations(count: number): string;
  /** Note when blocks were dropped to fit Slack's limit. */
  leftOut: string;
  helpTitle: string;
  helpIntro: string;
  /** The ways to ask, one mrkdwn line each. */
  howToAsk: readonly string[];
  askMeAbout: string;
  /** The `text` beside the help blocks. */
  helpText: string;
  homeIntro: string;
  howToAskHeading: string;
  whatIKnow: string;
  /** Under the Home tab's figures: how many more (0: none) and where to see them all. */
  homeFiguresMore(count: number): string;
  noArticles: string;
  /** `I answer from 3 articles:` */
  answerFrom(count: number): string;
  answerFromThese: string;
  /** Context under the figures header when they were filtered (topic already escaped). */
  aboutTopic(topic: string): string;
  /** After "no figures about the topic": how to see them all. */
  allFiguresHint: string;
  /** The command that narrows figures down, as typed. */
  figuresCommand: string;
  /** When something failed on our side. */
  somethingWrong: string;
  /** Acknowledgements of 👍 and 👎, only to the clicker. */
  thanksHelpful: string;
  thanksNotHelpful: string;
}

const EN: SlackStrings = {
  question: 'Question',
  sources: 'Sources',
  sourcesDiffer: 'The sources differ',
  notCovered: 'Not in the articles',
  tryAsking: 'Try asking about',
  noSources: 'No sources to show for this question.',
  by: 'by',
  helpHint: '`/cita help` shows what I can do · `/figures` lists the key figures',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  shareInChannel: 'Share in channel',
  sharedBy: (user) => `Shared by <@${user}>`,
  fullSourcesLabel: 'Send me the full sources',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  moreCitations: (count) => `…and ${count} more.`,
  leftOut: 'More was left out to fit in one message.',
  helpTitle: 'How to ask Cita',
  helpIntro:
    'I answer questions about a small set of news articles, quoting them word for word with numbered, linked sources.',
  howToAsk: [
    '• *In a channel:* mention me with your question (`@Cita …`): I answer in the thread.',
    '• *In a direct message:* just ask. You also get the full citations.',
    '• `/cita <question>`: an answer only you can see, with a button to share it.',
    '• `/figures [topic]`: the key figures with their sources.',
    '• `sources` (or `/cita sources`): the articles I know.',
  ],
  askMeAbout: 'Ask me about',
  helpText:
    'I answer questions about a small set of news articles, quoting them with linked sources. Mention me in a channel, send me a direct message, or use `/cita <question>` and `/figures [topic]`.',
  homeIntro:
    'I answer questions about the news articles below, quoting them word for word with numbered, linked sources. When the sources disagree, I show every version.',
  howToAskHeading: 'How to ask',
  whatIKnow: 'What I know',
  homeFiguresMore: (count) =>
    count > 0
      ? `…and ${count} more. \`/figures [topic]\` shows them all with their sources.`
      : '`/figures [topic]` shows them with their sources.',
  noArticles: 'I have no articles loaded yet.',
  answerFrom: (count) => `I answer from ${count === 1 ? 'one article' : `${count} articles`}:`,
  answerFromThese: 'I answer from these articles:',
  aboutTopic: (topic) => `About “${topic}”`,
  allFiguresHint: 'Try `/figures` on its own to see them all.',
  figuresCommand: '`/figures <topic>`',
  somethingWrong: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  thanksHelpful: 'Thanks, glad it helped.',
  thanksNotHelpful: 'Thanks for telling me. I have noted that this answer missed.',
};

const ES: SlackStrings = {
  question: 'Pregunta',
  sources: 'Fuentes',
  sourcesDiffer: 'Las fuentes difieren',
  notCovered: 'No aparece en los artículos',
  tryAsking: 'Prueba a preguntar por',
  noSources: 'No hay fuentes para esta pregunta.',
  by: 'por',
  helpHint: '`/cita ayuda` muestra lo que sé hacer · `/figures` lista las cifras clave',
  months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
  shareInChannel: 'Compartir en el canal',
  sharedBy: (user) => `Compartido por <@${user}>`,
  fullSourcesLabel: 'Envíame las fuentes completas',
  helpful: 'Útil',
  notHelpful: 'No útil',
  moreCitations: (count) => `…y ${count} más.`,
  leftOut: 'Se omitió el resto para que quepa en un mensaje.',
  helpTitle: 'Cómo preguntar a Cita',
  helpIntro:
    'Respondo preguntas sobre un pequeño conjunto de artículos de prensa, citándolos palabra por palabra con fuentes numeradas y enlazadas.',
  howToAsk: [
    '• *En un canal:* mencióname con tu pregunta (`@Cita …`): respondo en el hilo.',
    '• *En un mensaje directo:* pregunta sin más. También recibes las citas completas.',
    '• `/cita <pregunta>`: una respuesta que solo ves tú, con un botón para compartirla.',
    '• `/figures [tema]`: las cifras clave con sus fuentes.',
    '• `fuentes` (o `/cita fuentes`): los artículos que conozco.',
  ],
  askMeAbout: 'Pregúntame por',
  helpText:
    'Respondo preguntas sobre un pequeño conjunto de artículos de prensa, citándolos con fuentes enlazadas. Mencióname en un canal, envíame un mensaje directo o usa `/cita <pregunta>` y `/figures [tema]`.',
  homeIntro:
    'Respondo preguntas sobre los artículos de prensa de abajo, citándolos palabra por palabra con fuentes numeradas y enlazadas. Cuando las fuentes no coinciden, muestro todas las versiones.',
  howToAskHeading: 'Cómo preguntar',
  whatIKnow: 'Lo que sé',
  homeFiguresMore: (count) =>
    count > 0
      ? `…y ${count} más. \`/figures [tema]\` las muestra todas con sus fuentes.`
      : '`/figures [tema]` las muestra con sus fuentes.',
  noArticles: 'Aún no tengo artículos cargados.',
  answerFrom: (count) => `Respondo a partir de ${count === 1 ? 'un artículo' : `${count} artículos`}:`,
  answerFromThese: 'Respondo a partir de estos artículos:',
  aboutTopic: (topic) => `Sobre «${topic}»`,
  allFiguresHint: 'Prueba `/figures` sin tema para verlas todas.',
  figuresCommand: '`/figures <tema>`',
  somethingWrong: 'Lo siento, algo falló por mi parte al responder. Inténtalo de nuevo en un momento.',
  thanksHelpful: 'Gracias, me alegra que te haya servido.',
  thanksNotHelpful: 'Gracias por decírmelo. He anotado que esta respuesta no acertó.',
};

export function stringsFor(language: AnswerLanguage | undefined): SlackStrings {
  return language === 'es' ? ES : EN;
}

/** `2024-09-25` → `25 Sep 2024`; anything not a date is returned as it is. */
export function formatDate(date: string, language?: AnswerLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? stringsFor(language).months[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return `${Number(m[3])} ${month} ${m[1]}`;
}
