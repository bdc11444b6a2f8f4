import { describe, expect, it, vi } from 'vitest';
import { loadCita } from '../../src/index.ts';
import { messages } from '../../src/messages.ts';

// A bug deep in the question path, as the engine would meet it.
vi.mock('../../src/question.ts', async (original) => ({
  ...(await original<typeof import('../../src/question.ts')>()),
  analyseQuestion: () => {
    throw new Error('analysis broke');
  },
}));

describe('an error inside the core', () => {
  it('reaches the user as a plain apology and the operator through onError', async () => {
    const reports: unknown[][] = [];
    const cita = await loadCita(undefined, { onError: (error, context) => reports.push([error, context]) });
    const answer = cita.ask('How much is being invested?');
    expect(answer).toMatchObject({ answered: false, citations: [], answer: messages('en').failed });
    const figures = cita.figures('investment');
    expect(figures).toMatchObject({ topic: 'investment', figures: [] }); // nothing about it, rather than a crash
    expect(reports).toEqual([
      [new Error('analysis broke'), { call: 'ask', length: 27 }],
      [new Error('analysis broke'), { call: 'figures', length: 10 }],
    ]);
  });

  it('survives a reporter that throws', async () => {
    const cita = await loadCita(undefined, {
      onError: () => {
        throw new Error('logger down');
      },
    });
    expect(cita.ask('How much is being invested?').answer).toBe(messages('en').failed);
  });
});
