/**
 * The local terminal chat (the embedded default of `npm start`): questions and /commands.
 * With piped input it answers each line and exits at the end of input.
 */
import { createInterface } from 'node:readline';
import type { Cita } from '../../src/index.ts';
import { answerText, figuresText, helpText, sourcesText } from './render.ts';

/** The reply to one line of chat input, or null for /quit. */
export function reply(cita: Cita, line: string): string | null {
  const input = line.trim();
  const [command = '', ...rest] = input.split(/\s+/);
  switch (command.toLowerCase()) {
    case '/quit':
    case '/exit':
      return null;
    case '/help':
      return helpText(cita.suggestions());
    case '/sources':
      return sourcesText(cita.articles);
    case '/figures': {
      const { figures, language, topic } = cita.figures(rest.join(' '));
      return figuresText(figures, 80, { language, topic });
    }
    default:
      if (!input) return helpText(cita.suggestions());
      if (input.startsWith('/') && !/\s/.test(input))
        return `Unknown command ${input.slice(0, 40)}. Type /help for the commands.`;
      return answerText(cita.ask(input));
  }
}

export async function runChat(
  cita: Cita,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const say = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    say(
      `Cita — answers from ${cita.articles.length} articles, with sources. Type /help for commands, /quit to leave.`,
    );
    rl.setPrompt('\n> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const text = reply(cita, line);
    if (text === null) break;
    if (!interactive && !line.trim()) continue;
    say(interactive ? text : `${text}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}
