/**
 * The local terminal chat (the embedded default of `npm start`): questions and /commands.
 * With piped input it answers each line and exits at the end of input.
 */
import { createInterface } from 'node:readline';
import { type AnswerLanguage, type Cita, localeLanguage } from '../../src/index.ts';
import { terminalLocale } from './args.ts';
import { answerText, bannerText, figuresText, helpText, sourcesText, unknownCommandText } from './render.ts';

/** The chat's commands, English and Spanish, and the language a Spanish one asks for. */
const COMMANDS: Record<
  string,
  { command: 'quit' | 'help' | 'sources' | 'figures'; language?: AnswerLanguage }
> = {
  '/quit': { command: 'quit' },
  '/exit': { command: 'quit' },
  '/salir': { command: 'quit', language: 'es' },
  '/help': { command: 'help' },
  '/ayuda': { command: 'help', language: 'es' },
  '/sources': { command: 'sources' },
  '/fuentes': { command: 'sources', language: 'es' },
  '/figures': { command: 'figures' },
  '/cifras': { command: 'figures', language: 'es' },
};

/**
 * The reply to one line of chat input, or null for /quit. The locale (the terminal's) hints the
 * language of answers and frames help, sources and errors; a Spanish command says Spanish itself.
 */
export function reply(cita: Cita, line: string, locale?: string): string | null {
  const input = line.trim();
  const [word = '', ...rest] = input.split(/\s+/);
  const known = COMMANDS[word.toLowerCase()];
  const language = known?.language ?? localeLanguage(locale);
  switch (known?.command) {
    case 'quit':
      return null;
    case 'help':
      return helpText(cita.suggestions(), language);
    case 'sources':
      return sourcesText(cita.articles, 80, language);
    case 'figures': {
      const result = cita.figures(rest.join(' '), { locale: known.language ?? locale });
      return figuresText(result.figures, 80, { language: result.language, topic: result.topic });
    }
    default:
      if (!input) return helpText(cita.suggestions(), language);
      if (input.startsWith('/') && !/\s/.test(input)) return unknownCommandText(input, language);
      return answerText(cita.ask(input, { locale }));
  }
}

export async function runChat(
  cita: Cita,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  locale: string | undefined = terminalLocale(),
): Promise<number> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const say = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    say(bannerText(cita.articles.length, localeLanguage(locale)));
    rl.setPrompt('\n> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const text = reply(cita, line, locale);
    if (text === null) break;
    if (!interactive && !line.trim()) continue;
    say(interactive ? text : `${text}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}
