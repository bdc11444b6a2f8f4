/**
 * `npm run ask -- "question"`: one answer for people; `--json`: one JSON object;
 * `--jsonl`: questions from stdin, one a line, answers as JSON lines in order. The terminal's
 * locale hints the language, as in the chat.
 */
import { createInterface } from 'node:readline';
import { type Answer, KnowledgeError, loadCita } from '../../src/index.ts';
import { knowledgeDirFrom, splitArgs, terminalLocale } from './args.ts';
import { answerText } from './render.ts';

/** The public JSON shape of an answer (documented in the README). */
export function answerJson(answer: Answer): Record<string, unknown> {
  return {
    question: answer.question,
    answered: answer.answered,
    answer: answer.answer,
    citations: answer.citations.map(({ n, title, publisher, url, published, author, quote }) => ({
      n,
      title,
      publisher,
      url,
      published,
      author,
      quote,
    })),
    conflict: answer.conflict,
    language: answer.language,
    ...(answer.answered
      ? {}
      : {
          reason: answer.declineReason,
          missing: answer.missing ?? [],
          suggestions: answer.suggestions ?? [],
        }),
    ...(answer.notices ? { notices: answer.notices } : {}),
  };
}

async function main(argv: string[]): Promise<number> {
  const { rest, found } = splitArgs(argv, ['--json', '--jsonl']);
  const cita = await loadCita(knowledgeDirFrom(argv) ?? process.env.KNOWLEDGE_DIR ?? undefined);
  const options = { locale: terminalLocale() };
  if (found.has('--jsonl')) {
    for await (const line of createInterface({ input: process.stdin })) {
      if (!line.trim()) continue;
      process.stdout.write(`${JSON.stringify(answerJson(cita.ask(line, options)))}\n`);
    }
    return 0;
  }
  const question = rest.join(' ');
  const answer = cita.ask(question, options);
  process.stdout.write(
    found.has('--json') ? `${JSON.stringify(answerJson(answer), null, 2)}\n` : `${answerText(answer)}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `cita: ${error instanceof KnowledgeError || error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  },
);
