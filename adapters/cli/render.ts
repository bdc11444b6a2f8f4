/**
 * Plain-text rendering of the core's answers for the terminal: pure functions, wrapped to a
 * given width (80 columns by default), citations numbered as in the answer text.
 */
import {
  type Answer,
  type AnswerLanguage,
  type ArticleMeta,
  type Citation,
  type KeyFigure,
  labels,
} from '../../src/index.ts';

/** Word-wraps `text` to `width` columns, indenting continuation lines by `indent`. */
export function wrap(text: string, width = 80, indent = ''): string {
  const lines: string[] = [];
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  let line = lead;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line.trim() ? `${line} ${word}` : `${line}${word}`;
    if (candidate.length > width && line) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = candidate;
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}

function sourceLine(c: Pick<Citation, 'title' | 'publisher' | 'published' | 'url'>, width: number): string {
  const date = c.published ? `, ${c.published}` : '';
  return `${wrap(`"${c.title}" — ${c.publisher}${date}`, width - 5, '     ')}\n     ${c.url}`;
}

/** The answer with its numbered sources (and the disagreement, when sources differ). */
export function answerText(answer: Answer, width = 80): string {
  const out: string[] = [];
  const label = labels(answer.language);
  for (const notice of answer.notices ?? []) out.push(wrap(`(${notice})`, width));
  if (!answer.answered) {
    out.push(wrap(answer.answer, width));
    if (answer.suggestions?.length)
      out.push(
        wrap(`${label.tryAskingAbout}: ${answer.suggestions.join(', ')} — ${label.orTypeFigures}.`, width),
      );
    return out.join('\n');
  }
  if (answer.conflict) {
    out.push(wrap(`${label.sourcesDiffer} (${answer.conflict.subject}):`, width));
    for (const value of answer.conflict.values) {
      const who = value.citations.map((n) => `${answer.citations[n - 1]?.publisher ?? '?'} [${n}]`);
      out.push(wrap(`  • ${value.value} — ${[...new Set(who)].join(', ')}`, width, '    '));
    }
    out.push('');
    for (const c of answer.citations) out.push(wrap(`[${c.n}] ${c.publisher}: "${c.quote}"`, width, '    '));
  } else {
    out.push(wrap(answer.answer, width));
  }
  out.push('', `${label.sources}:`);
  for (const c of answer.citations) out.push(` [${c.n}] ${sourceLine(c, width)}`);
  return out.join('\n');
}

/** The terminal's own words around the figures, in each language. */
const FIGURE_WORDS: Record<AnswerLanguage, { disputed: string; seeAll: string }> = {
  en: { disputed: 'DISPUTED', seeAll: 'Type /figures for all of them.' },
  es: { disputed: 'EN DISPUTA', seeAll: 'Escribe /figures para verlas todas.' },
};

/**
 * Key figures, disputed ones with every value and its source, framed in `language` (the core's
 * `FiguresAnswer.language`) with the `topic` they were asked about; values stay verbatim.
 */
export function figuresText(
  figures: readonly KeyFigure[],
  width = 80,
  { language = 'en', topic = '' }: { language?: AnswerLanguage; topic?: string } = {},
): string {
  const label = labels(language);
  const words = FIGURE_WORDS[language];
  if (figures.length === 0)
    return wrap(topic ? `${label.noFiguresAbout(topic)} ${words.seeAll}` : label.noFigures, width);
  const out: string[] = [wrap(`${topic ? label.keyFiguresAbout(topic) : label.keyFigures}:`, width)];
  for (const figure of figures) {
    const sources = (citations: readonly Citation[]) =>
      [...new Set(citations.map((c) => c.publisher))].join(', ');
    if (figure.disputed) {
      out.push(wrap(`• ${words.disputed} — ${figure.label}`, width, '    '));
      for (const v of figure.values)
        out.push(wrap(`    ${v.value} — ${sources(v.citations)}`, width, '      '));
    } else {
      const v = figure.values[0];
      if (v) out.push(wrap(`• ${v.value} — ${figure.label} (${sources(v.citations)})`, width, '    '));
    }
  }
  return out.join('\n');
}

/** The articles Cita knows. */
/** What the terminal says around the core's data, in each language. */
const CHAT: Record<
  AnswerLanguage,
  {
    know(count: number): string;
    by: string;
    help: string[];
    topics: string;
    unknown(command: string): string;
    banner(count: number): string;
  }
> = {
  en: {
    know: (n) => `I know ${n} article${n === 1 ? '' : 's'}:`,
    by: 'by',
    help: [
      'Ask a question about the articles, e.g. "How much is being invested?"',
      'Every answer quotes the articles word for word and names its sources.',
      '',
      '  /figures [topic]  key figures (all, or about a topic)',
      '  /sources          the articles I know',
      '  /help             this help',
      '  /quit             leave',
    ],
    topics: 'Topics',
    unknown: (command) => `Unknown command ${command}. Type /help for the commands.`,
    banner: (n) =>
      `Cita — answers from ${n} articles, with sources. Type /help for commands, /quit to leave.`,
  },
  es: {
    know: (n) => `Conozco ${n === 1 ? 'un artículo' : `${n} artículos`}:`,
    by: 'por',
    help: [
      'Hazme una pregunta sobre los artículos, p. ej. «¿Cuánto se invierte?»',
      'Cada respuesta cita los artículos palabra por palabra y nombra sus fuentes.',
      '',
      '  /cifras [tema]    cifras clave (todas, o sobre un tema)',
      '  /fuentes          los artículos que conozco',
      '  /ayuda            esta ayuda',
      '  /salir            salir',
    ],
    topics: 'Temas',
    unknown: (command) => `No conozco el comando ${command}. Escribe /ayuda para ver los comandos.`,
    banner: (n) =>
      `Cita — respuestas de ${n} artículos, con fuentes. Escribe /ayuda para los comandos, /salir para terminar.`,
  },
};

export function sourcesText(
  articles: readonly ArticleMeta[],
  width = 80,
  language: AnswerLanguage = 'en',
): string {
  const say = CHAT[language];
  const out = [say.know(articles.length)];
  for (const [i, a] of articles.entries()) {
    out.push(` ${i + 1}. ${sourceLine(a, width)}${a.author ? `\n     ${say.by} ${a.author}` : ''}`);
  }
  return out.join('\n');
}

export function helpText(suggestions: readonly string[], language: AnswerLanguage = 'en'): string {
  const say = CHAT[language];
  return [
    ...say.help,
    ...(suggestions.length ? ['', wrap(`${say.topics}: ${suggestions.join(', ')}`)] : []),
  ].join('\n');
}

/** A /word the chat doesn't know (cut to 40 characters). */
export function unknownCommandText(command: string, language: AnswerLanguage = 'en'): string {
  return CHAT[language].unknown(command.slice(0, 40));
}

/** The first line of an interactive chat. */
export function bannerText(articleCount: number, language: AnswerLanguage = 'en'): string {
  return CHAT[language].banner(articleCount);
}
