/**
 * `npm run figures -- [--json] [topic]`: the key figures, all or about a topic, framed in the
 * topic's language (else the terminal's locale); `--json`: the core's `FiguresAnswer` (`{ topic, language, figures }`).
 */
import { loadCita } from '../../src/index.ts';
import { knowledgeDirFrom, splitArgs, terminalLocale } from './args.ts';
import { figuresText } from './render.ts';

async function main(argv: string[]): Promise<number> {
  const { rest, found } = splitArgs(argv, ['--json']);
  const cita = await loadCita(knowledgeDirFrom(argv) ?? process.env.KNOWLEDGE_DIR ?? undefined);
  const result = cita.figures(rest.join(' '), { locale: terminalLocale() });
  process.stdout.write(
    found.has('--json')
      ? `${JSON.stringify(result, null, 2)}\n`
      : `${figuresText(result.figures, 80, { language: result.language, topic: result.topic })}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`cita: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
