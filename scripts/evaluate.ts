/**
 * Answer-quality evaluation over a question set (format: ../shared/eval/README.md): a question
 * passes when answerable kinds are answered and every `expect` pattern matches the answer
 * text, and out-of-scope ones are declined.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Answer, Cita } from '../src/index.ts';

const itemSchema = z.object({
  id: z.string(),
  kind: z.enum(['fact', 'typo', 'conflict', 'oos', 'es']),
  q: z.string(),
  expect: z.array(z.string()).optional(),
});
export type EvalItem = z.infer<typeof itemSchema>;

export interface EvalResult {
  item: EvalItem;
  answer: Answer;
  pass: boolean;
}

const SHARED = fileURLToPath(new URL('../../shared/eval/dev.jsonl', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../test/fixtures/dev.jsonl', import.meta.url));

/** The shared dev set when it is beside the repo, else the copy in test/fixtures. */
export const DEFAULT_EVAL_SET = existsSync(SHARED) ? SHARED : FIXTURE;

export function readEvalSet(path: string = DEFAULT_EVAL_SET): EvalItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = itemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export function judge(item: EvalItem, answer: Answer): boolean {
  if (item.kind === 'oos') return !answer.answered;
  return (
    answer.answered && (item.expect ?? []).every((pattern) => new RegExp(pattern, 'i').test(answer.answer))
  );
}

export function evaluate(cita: Cita, items: readonly EvalItem[]): EvalResult[] {
  return items.map((item) => {
    const answer = cita.ask(item.q);
    return { item, answer, pass: judge(item, answer) };
  });
}

/** Passed / total per kind. */
export function tally(results: readonly EvalResult[]): Map<string, { pass: number; total: number }> {
  const byKind = new Map<string, { pass: number; total: number }>();
  for (const r of results) {
    const entry = byKind.get(r.item.kind) ?? { pass: 0, total: 0 };
    entry.total++;
    if (r.pass) entry.pass++;
    byKind.set(r.item.kind, entry);
  }
  return byKind;
}
