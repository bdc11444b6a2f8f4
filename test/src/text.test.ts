import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, fold, tokenize } from '../../src/text.ts';

const terms = (text: string) => tokenize(text).map((t) => t.term);

describe('tokenize', () => {
  it('keeps figures whole, with one canonical term per value', () => {
    expect(terms('$1.3 billion')).toEqual(['1300000000']);
    expect(terms('US$1.3B')).toEqual(['1300000000']);
    expect(terms('1.45 million people')).toEqual(['1450000', 'peopl']);
    expect(terms('150,000')).toEqual(['150000']);
    expect(terms('34 GW')).toEqual(['34gw']);
    expect(terms('by 2030')).toEqual(['by', '2030']);
    expect(terms('five million')).toEqual(['5000000']);
    expect(terms('three years')).toEqual(['3', 'year']);
    expect(terms('25% and 10 per cent')).toEqual(['25%', 'and', '10%']);
  });

  it('reads words named like built-in object properties as words', () => {
    expect(terms('the constructor valueOf toString hasOwnProperty __proto__')).toEqual([
      'the',
      'constructor',
      'valueof',
      'tostr',
      'hasownproperti',
      'proto',
    ]);
  });

  it('reads "11th" as the number 11, but not as a figure of anything', () => {
    expect(tokenize('the 11th and 2nd-largest').map((t) => [t.term, Boolean(t.figure)])).toEqual([
      ['the', false],
      ['11', false],
      ['and', false],
      ['2', false],
      ['largest', false],
    ]);
  });

  it('records currency, unit and offsets of a figure', () => {
    const [token] = tokenize('€2.5bn');
    expect(token).toMatchObject({
      term: '2500000000',
      start: 0,
      end: 6,
      figure: { value: 2.5e9, currency: '€', scaled: true },
    });
  });

  it('folds case, accents and British spellings', () => {
    expect(fold('Sánchez ÉLAN’s')).toBe("sanchez elan's");
    expect(terms('Sánchez')).toEqual(terms('Sanchez'));
    expect(terms('utilising programmes centres')).toEqual(terms('utilizing programs centers'));
    expect(terms("Microsoft's")).toEqual(terms('Microsoft'));
    // The one who advises is found by the verb, in either spelling; an organiser is no "organ".
    expect(terms('adviser advisers organiser')).toEqual(terms('advised advising organization'));
    expect(terms('organiser')).not.toEqual(terms('organ'));
  });

  it('never throws and keeps offsets inside the text, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        for (const token of tokenize(text)) {
          expect(token.start).toBeGreaterThanOrEqual(0);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.term.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit and stops past the bound', () => {
    expect(editDistance('investmnet', 'investment', 2)).toBe(1);
    expect(editDistance('ebrad', 'ebrard', 1)).toBe(1);
    expect(editDistance('oracle', 'cemex', 2)).toBe(3);
  });
});
