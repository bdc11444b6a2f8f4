/** `npm run eval [-- --verbose] [file.jsonl] [--knowledge DIR]`: answer quality per kind. */

import { knowledgeDirFrom, splitArgs } from '../adapters/cli/args.ts';
import { loadCita } from '../src/index.ts';
import { DEFAULT_EVAL_SET, evaluate, readEvalSet, tally } from './evaluate.ts';

const argv = process.argv.slice(2);
const { rest, found } = splitArgs(argv, ['--verbose']);
const path = rest[0] ?? DEFAULT_EVAL_SET;
const cita = await loadCita(knowledgeDirFrom(argv));
const results = evaluate(cita, readEvalSet(path));
for (const r of results) {
  if (!r.pass || found.has('--verbose')) {
    const said = r.answer.answered ? r.answer.answer : `[declined] ${r.answer.answer}`;
    console.log(
      `${r.pass ? 'pass' : 'FAIL'} ${r.item.id} (${r.item.kind}) ${r.item.q}\n     → ${said.slice(0, 240)}`,
    );
  }
}
let pass = 0;
console.log(`\n${path}`);
for (const [kind, t] of tally(results)) {
  pass += t.pass;
  console.log(`  ${kind.padEnd(9)} ${t.pass}/${t.total}`);
}
console.log(`  ${'total'.padEnd(9)} ${pass}/${results.length}`);
