import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Cita, loadCita } from '../../src/index.ts';

const SOLAR = fileURLToPath(new URL('../fixtures/solar/', import.meta.url));

// A small made-up article set (test/fixtures/solar): nothing in the code knows about it.
describe('answers on a fixed small corpus', () => {
  let cita: Cita;
  beforeAll(async () => {
    cita = await loadCita(SOLAR);
  });

  it('answers with the sentence carrying the wanted figure, cited verbatim with its source', () => {
    const answer = cita.ask('How much will Acme Solar invest?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      publisher: 'Energy Wire',
      url: 'https://example.org/energy-wire/acme-chile',
      published: null,
      quote: 'Acme Solar will invest $450 million in a solar farm in northern Chile, the company announced.',
    });
    // The other source says the same figure: it corroborates.
    expect(answer.citations[1]?.publisher).toBe('The Daily Grid');
    expect(answer.answer).toBe(`${answer.citations[0]?.quote} [1] ${answer.citations[1]?.quote} [2]`);
    expect(answer.conflict).toBeNull();
  });

  it('chooses the sentence by the kind of answer wanted', () => {
    expect(cita.ask('When will the plant be connected?').citations[0]?.quote).toBe(
      'Construction starts in June and the plant should be connected to the grid by 2027.',
    );
    expect(cita.ask('Who is the chief executive of Acme Solar?').citations[0]?.quote).toContain(
      'Maria Lopez',
    );
    expect(cita.ask('How big is the battery?').citations[0]?.quote).toContain('800 MWh');
    expect(cita.ask('How many megawatts?').citations[0]?.quote).toContain('200 MW');
  });

  it('shows both values, each with its source, when the sources disagree', () => {
    const answer = cita.ask('How many jobs will the plant create?');
    expect(answer.answered).toBe(true);
    expect(answer.conflict?.values).toEqual([
      { value: '1,200', citations: [1] },
      { value: '900', citations: [2] },
    ]);
    expect(answer.citations.map((c) => c.publisher)).toEqual(['The Daily Grid', 'Energy Wire']);
    expect(answer.answer).toMatch(
      /^The sources differ\. The Daily Grid: .*1,200 jobs.* \[1\] Energy Wire: .*900 workers.* \[2\]$/,
    );
  });

  it('tolerates typos in words', () => {
    expect(cita.ask('battery storrage').citations[0]?.quote).toContain('800 MWh');
    expect(cita.ask('who is maria lopes').citations[0]?.quote).toContain('Maria Lopez');
  });

  it('declines, naming what is missing, when a name or figure is not in the articles', () => {
    const answer = cita.ask('How much did Tesla invest in Chile?');
    expect(answer).toMatchObject({
      answered: false,
      declineReason: 'not-covered',
      missing: ['Tesla'],
      citations: [],
    });
    expect(answer.answer).toBe('The articles don\'t mention "Tesla".');
    expect(answer.suggestions?.length).toBeGreaterThan(0);
    // Fuzzy matching never turns one number into another.
    expect(cita.ask('Did Acme spend $455 million?')).toMatchObject({
      answered: false,
      missing: ['$455 million'],
    });
  });

  it('declines when coverage is weak or no sentence carries the wanted kind of answer', () => {
    expect(cita.ask("What's the weather in Chile?")).toMatchObject({ answered: false, missing: ['weather'] });
    expect(cita.ask('What is the population of Chile?').answered).toBe(false);
    expect(cita.ask('How many people live in the Atacama desert?').answered).toBe(false);
  });

  it('needs the names asked about in the answer sentence itself, and the focus of the question known', () => {
    // "Maria Lopez" and "2027" both occur, but never together.
    expect(cita.ask('Will Maria Lopez connect the plant by 2027?')).toMatchObject({
      answered: false,
      declineReason: 'not-covered',
    });
    expect(cita.ask('What is the weather in the Atacama desert?')).toMatchObject({
      answered: false,
      missing: ['weather'],
    });
    expect(cita.ask('How long will construction last?').answered).toBe(false);
    expect(cita.ask('Who said Chile has the best sunlight?').citations[0]?.quote).toContain('Maria Lopez');
  });

  it('needs the role a "who is the …" question asks for in the answer sentence, and of the one named', () => {
    expect(cita.ask('Who is the chief executive of Acme Solar?').answer).toMatch(/Maria Lopez/);
    // The role is only near the name ("chief executive" is in Acme's sentences, not beside Chile).
    expect(cita.ask('Who is the head of Chile?').answered).toBe(false);
    // Energy Wire published the quote; its chief executive is not in the articles.
    expect(cita.ask('Who is the chief executive of Energy Wire?').answered).toBe(false);
    // A question about the story itself may name its publisher.
    expect(cita.ask('What does the Energy Wire story say about workers?').answer).toMatch(/900 workers/);
  });

  it('derives key figures, merging agreeing sources and flagging disputed ones', () => {
    const { figures } = cita.figures();
    const money = figures.find((f) => f.kind === 'money');
    expect(money?.values.map((v) => v.value)).toEqual(['$450 million']);
    expect(money?.values[0]?.citations.map((c) => c.publisher)).toEqual(['The Daily Grid', 'Energy Wire']);
    const disputed = figures.filter((f) => f.disputed);
    expect(disputed.map((f) => f.values.map((v) => v.value))).toEqual([['1,200', '900']]);
    expect(cita.figures('battery').figures.map((f) => f.values[0]?.value)).toEqual(['800 MWh']);
    expect(cita.figures('nothing-like-this')).toEqual({
      topic: 'nothing-like-this',
      language: 'en',
      figures: [],
    });
  });

  it('handles empty, huge and odd input without throwing', () => {
    expect(cita.ask('   ')).toMatchObject({ answered: false, declineReason: 'empty' });
    expect(cita.ask('?!?! …')).toMatchObject({ answered: false, declineReason: 'empty' });
    const long = cita.ask(`${'battery '.repeat(400)}`);
    expect(long.question.length).toBeLessThanOrEqual(2000);
    expect(long.notices).toEqual([
      'Your question was longer than 2000 characters; only the first 2000 were read.',
    ]);
    expect(cita.ask('<!channel> (.*)+[ \u0000 😀').answered).toBe(false);
  });
});

describe('the shipped knowledge', () => {
  it('answers the README question with the figure and its citations', async () => {
    const cita = await loadCita();
    const answer = cita.ask('How much is Microsoft investing in Mexico?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('$1.3 billion');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(cita.articles.length).toBe(2);
  });
});
