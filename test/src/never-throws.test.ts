import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCita, MAX_QUESTION_LENGTH } from '../../src/index.ts';
import { messages } from '../../src/messages.ts';

const cita = await loadCita();

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '<!channel>',
    '<@U123|bob>',
    '<!here>',
    '**bold** <b>x</b>',
    '(.*)+$^[',
    '\u0000\u001b[31m',
    '👍🏽👨‍👩‍👧',
    '{"a":1}',
    '¿¡',
  ),
  fc
    .array(
      fc.constantFrom(
        'how',
        'much',
        'Microsoft',
        '1.3',
        '$',
        'billion',
        'viasat',
        '?',
        '<',
        '&',
        'ñ',
        '2030',
        'constructor',
        '__proto__',
        'toString',
        'mil',
      ),
      { maxLength: 30 },
    )
    .map((w) => w.join(' ')),
);

describe('the question path', () => {
  it('never throws and always returns a well-formed answer', () => {
    fc.assert(
      fc.property(hostile, (question) => {
        const answer = cita.ask(question);
        // Not even the apology for an internal error: every question is read to the end.
        expect(answer.answer).not.toBe(messages(answer.language).failed);
        expect(typeof answer.answer).toBe('string');
        expect(answer.answer.length).toBeGreaterThan(0);
        expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
        if (answer.answered) expect(answer.citations.length).toBeGreaterThan(0);
        else expect(answer.citations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts very long input and still answers', () => {
    const answer = cita.ask(`How much is Microsoft investing in Mexico? ${'x'.repeat(100_000)}`);
    expect(answer.question.length).toBe(MAX_QUESTION_LENGTH);
    expect(answer.notices).toHaveLength(1);
  });

  it('figures() accepts any topic', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (topic) => {
        expect(Array.isArray(cita.figures(topic).figures)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
