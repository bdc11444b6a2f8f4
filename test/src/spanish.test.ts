import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerText } from '../../adapters/cli/render.ts';
import { type Cita, labels, loadCita } from '../../src/index.ts';
import { parseGlossary } from '../../src/knowledge.ts';
import { answerTypeOfEs } from '../../src/questionEs.ts';
import { detectLanguage, parseSpanishNumber, tokenizeSpanish } from '../../src/spanish.ts';
import { fold, tokenize } from '../../src/text.ts';

const SOLAR = fileURLToPath(new URL('../fixtures/solar/', import.meta.url));
const figures = (text: string) =>
  tokenizeSpanish(text)
    .filter((t) => t.figure)
    .map((t) => t.term);
const englishFigure = (text: string) => tokenize(text).find((t) => t.figure)?.term;

describe('language detection', () => {
  it.each([
    ['¿Quién es el director?', 'es'],
    ['cuanto dinero invierte la empresa', 'es'],
    ['¡Dime las cifras!', 'es'],
    ['How much does Microsoft invest in México?', 'en'],
    ['Who is the CEO?', 'en'],
    ['Tecnológico de Monterrey', 'es'],
  ] as const)('%s → %s', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });

  it('lets the user locale decide a close call', () => {
    expect(detectLanguage('Viasat', 'es-MX')).toBe('es');
    expect(detectLanguage('Viasat', 'en-US')).toBe('en');
    expect(detectLanguage('Viasat')).toBe('en');
    // An English question stays English for a Spanish-speaking user.
    expect(detectLanguage('How much is invested?', 'es-MX')).toBe('en');
  });
});

describe('Spanish numbers', () => {
  it.each([
    ['1.300 millones de dólares', '$1.3 billion'],
    ['1,3 mil millones', '1.3 billion'],
    ['US$1.300 millones', '$1.3B'],
    ['30 mil', '30,000'],
    ['30.000 pymes', '30,000'],
    ['150,000 personas', '150,000'],
    ['5 millones', '5 million'],
    ['cinco millones', 'five million'],
    ['1,45 millones', '1.45 million'],
    ['un millón', '1 million'],
    ['34 GW', '34 GW'],
    ['25 por ciento', '25%'],
  ])('%s is the figure of %s', (spanish, english) => {
    expect(figures(spanish)).toEqual([englishFigure(english)]);
  });

  it('reads words named like built-in object properties as words, not figures', () => {
    expect(figures('el constructor toString valueOf')).toEqual([]);
  });

  it('never reads "billón" (10¹²) as an English billion (10⁹)', () => {
    expect(figures('1,3 billones')).toEqual([englishFigure('1.3 trillion')]);
    expect(figures('un billón')).not.toEqual([englishFigure('1 billion')]);
  });

  it('tells thousands separators from decimal commas and points', () => {
    expect([parseSpanishNumber('1.300'), parseSpanishNumber('1,3'), parseSpanishNumber('1.45')]).toEqual([
      1300, 1.3, 1.45,
    ]);
    expect(parseSpanishNumber('1.300.000,5')).toBe(1300000.5);
  });
});

describe('Spanish question types', () => {
  it.each([
    ['¿Cuánto dinero invierte Microsoft?', 'money'],
    ['¿Cuánto cuesta?', 'money'],
    ['¿Cuántas personas?', 'count'],
    ['¿Cuántos años dura?', 'duration'],
    ['¿Cuánto es?', 'amount'],
    ['¿Cuánta agua va a gastar al día?', 'quantity'],
    ['¿Quién es el director?', 'person'],
    ['¿Cuándo empieza?', 'date'],
    ['¿Dónde está?', 'place'],
    ['¿Qué empresas participan?', 'organisation'],
    ['¿Qué es Tecgpt?', 'description'],
  ])('%s → %s', (question, type) => {
    expect(answerTypeOfEs(fold(question))).toBe(type);
  });
});

describe('Spanish questions on the shipped articles', () => {
  let cita: Cita;
  beforeAll(async () => {
    cita = await loadCita();
  });

  it.each([
    ['¿Cuál es la población de México?', 'población'],
    ['¿Quién es el presidente de Estados Unidos?', 'Estados Unidos'],
    ['¿Cuánto invirtió Oracle en México?', 'Oracle'],
    ['¿Cuál es el clima en México?', 'clima'],
    ['¿Invierte Microsoft 1,3 billones de dólares?', '1,3 billones'],
  ])('declines %s in Spanish', (question, missing) => {
    const answer = cita.ask(question);
    expect(answer).toMatchObject({ answered: false, language: 'es', declineReason: 'not-covered' });
    expect(answer.missing).toContain(missing);
    expect(answer.answer).toMatch(new RegExp(`^Los artículos no mencionan (?:"[^"]+" ni )?"${missing}"\\.$`));
  });

  it('shows both figures, each with its source, when the sources differ', () => {
    const answer = cita.ask('¿A cuántas personas dará acceso a internet Viasat?');
    expect(answer).toMatchObject({ answered: true, language: 'es' });
    expect(answer.answer).toMatch(/^Las fuentes difieren\. /);
    expect(answer.conflict?.values.map((v) => v.value)).toEqual(['150,000', '1.45 million']);
    expect(answer.citations.map((c) => c.publisher)).toEqual(['BTW Media', 'National Technology News']);
  });

  it('finds the SMEs and the Bridge Accelerator', () => {
    for (const q of [
      '¿Cuántas pymes apoyará Microsoft?',
      '¿Cuántas pequeñas y medianas empresas apoyará Microsoft?',
    ]) {
      const answer = cita.ask(q);
      expect(answer.answered, q).toBe(true);
      expect(answer.answer, q).toMatch(/30,000/);
    }
    expect(cita.ask('¿Qué es el Bridge Accelerator?').answer).toMatch(/Bridge Accelerator programme/);
  });

  it('knows who the chief executive is, whichever Spanish name the role has', () => {
    for (const q of ['¿Quién es el director ejecutivo de Microsoft?', '¿Quién es el CEO de Microsoft?']) {
      expect(cita.ask(q).answer, q).toMatch(/Satya Nadella/);
    }
  });

  it('matches a figure written the Spanish way', () => {
    const answer = cita.ask('¿Invierte Microsoft 1.300 millones de dólares en México?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/\$1\.3 billion/);
  });

  it('quotes English verbatim and frames the reply in Spanish, also in the terminal', () => {
    const answer = cita.ask('¿Cuánto dinero invierte Microsoft en México?');
    expect(answer.language).toBe('es');
    for (const c of answer.citations) expect(answer.answer).toContain(c.quote);
    const text = answerText(answer);
    expect(text).toContain(`${labels('es').sources}:`);
    expect(text).not.toContain('Sources:');
    expect(answerText(cita.ask('¿Cuál es la población de México?'))).toContain('Prueba a preguntar por:');
  });

  it('filters key figures by a Spanish topic without stemming collisions', () => {
    expect(cita.figures('inversión')).toMatchObject({ language: 'es' });
    expect(cita.figures('inversión').figures).toEqual(cita.figures('investment').figures);
    // No figure is about jobs ("positive" must not pass for "position", a synonym of "job").
    expect(cita.figures('empleos').figures).toEqual([]);
    expect(cita.figures('jobs').figures).toEqual([]);
  });

  it('keeps English answers in English, and follows the locale for an empty question', () => {
    expect(cita.ask('How much is Microsoft investing?').language).toBe('en');
    expect(cita.ask('   ', { locale: 'es-MX' })).toMatchObject({
      language: 'es',
      answer: 'Hazme una pregunta sobre los artículos.',
    });
    expect(cita.ask('   ').language).toBe('en');
  });
});

// The made-up solar fixture has no Spanish glossary: the general one must carry it.
describe('Spanish questions on another article set', () => {
  let cita: Cita;
  beforeAll(async () => {
    cita = await loadCita(SOLAR);
  });

  it.each([
    ['¿Cuánto invertirá Acme Solar en Chile?', /\$450 million/],
    ['¿Quién es la directora ejecutiva de Acme Solar?', /Maria Lopez/],
    ['¿Cuándo estará conectada la planta a la red?', /2027/],
    ['¿Cuánta energía almacena la batería?', /800 MWh/],
  ])('%s', (question, expected) => {
    const answer = cita.ask(question);
    expect(answer).toMatchObject({ answered: true, language: 'es' });
    expect(answer.answer).toMatch(expected);
  });

  it('shows the disagreement on jobs', () => {
    const answer = cita.ask('¿Cuántos empleos creará la planta?');
    expect(answer.answer).toMatch(/^Las fuentes difieren\./);
    expect(answer.conflict?.values).toHaveLength(2);
  });

  it('declines what the articles do not say', () => {
    expect(cita.ask('¿Cuánto invertirá Acme en Perú?')).toMatchObject({ answered: false, missing: ['Perú'] });
    expect(cita.ask('¿Cuál es el precio de la electricidad?').answered).toBe(false);
  });

  it('reads misspelt Spanish words, one letter off (two in long words)', () => {
    for (const [question, expected] of [
      ['¿Cuánto invertirá Acme Solar en Chile con la inverción?', /\$450 million/],
      ['¿Cuánta energía almacena la baterría?', /800 MWh/],
      ['¿Cuántos empleoz creará la planta?', /^Las fuentes difieren\./],
    ] as const) {
      const answer = cita.ask(question);
      expect(answer.answered, question).toBe(true);
      expect(answer.answer, question).toMatch(expected);
    }
  });

  it('keeps short and unrelated words unknown rather than guessing', () => {
    // "clima" is five letters: too short to correct; "poblacion" is far from any glossary word.
    expect(cita.ask('¿Cuál es el clima de Chile?')).toMatchObject({ answered: false, missing: ['clima'] });
    expect(cita.ask('¿Cuál es la población de Chile?')).toMatchObject({
      answered: false,
      missing: ['población'],
    });
  });

  it('asks for the role a "¿quién es el …?" question names in the answer sentence', () => {
    // Energy Wire is a publisher here: its name in the source's details is not its chief.
    expect(cita.ask('¿Quién es el director de Energy Wire?').answered).toBe(false);
    expect(cita.ask('¿Quién es el director de Acme Solar?').answer).toMatch(/Maria Lopez/);
    expect(cita.ask('¿Quién es la directora ejecutiva de Acme Solar?').answer).toMatch(/Maria Lopez/);
  });

  it('filters key figures by Spanish topic words, with Spanish framing', () => {
    const english = cita.figures('battery');
    const spanish = cita.figures('batería');
    expect(spanish.language).toBe('es');
    expect(english.language).toBe('en');
    expect(spanish.figures).toEqual(english.figures);
    expect(spanish.figures.length).toBeGreaterThan(0);
    // A lone word has no Spanish signal: it is read as Spanish when English does not know it.
    expect(cita.figures('empleos')).toMatchObject({ language: 'es', figures: cita.figures('jobs').figures });
    expect(cita.figures('empleos').figures.length).toBeGreaterThan(0);
    // No topic: the locale decides the framing.
    expect(cita.figures(undefined, { locale: 'es-MX' }).language).toBe('es');
    expect(cita.figures('', { locale: 'en-US' }).language).toBe('en');
    expect(cita.figures('clima')).toMatchObject({ topic: 'clima', figures: [] });
  });
});

describe('glossary file', () => {
  it('takes one translation or a list of alternatives', () => {
    expect(
      parseGlossary('glossary.es.yaml', 'glossary:\n  empresa: company\n  socio: [partner, ally]\n'),
    ).toEqual({
      entries: { empresa: ['company'], socio: ['partner', 'ally'] },
    });
  });

  it('names the file and the field of a bad entry', () => {
    expect(() => parseGlossary('glossary.es.yaml', 'glossary:\n  empresa: []\n')).toThrow(
      'glossary.es.yaml: field "glossary.empresa" : needs a translation',
    );
  });
});
