import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstLetterMap } from '../../src/fuzzy.ts';
import { fold } from '../../src/text.ts';

/** Plain Levenshtein distance, the oracle (MiniSearch's fuzzy search counts no transpositions). */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(
        Math.min(
          (previous[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    previous = row;
  }
  return previous[b.length] as number;
}

const word = fc.stringMatching(/^[a-e]{1,8}$/);

describe('FirstLetterMap', () => {
  it('finds exactly the keys within the distance that share the first letter', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 40 }),
        word,
        fc.integer({ min: 1, max: 2 }),
        (keys, query, max) => {
          const map = new FirstLetterMap<number>();
          keys.forEach((k, i) => map.set(k, i));
          const found = map
            .fuzzyGet(query, max)
            .map(([key, value, distance]) => [key, value, distance] as const)
            .sort();
          const expected = keys
            .map((k, i) => [k, i, levenshtein(k, query)] as const)
            .filter(([k, , d]) => k[0] === query[0] && d <= max)
            .sort();
          expect(found).toEqual(expected);
        },
      ),
    );
  });

  it('lists the keys under a prefix', () => {
    const map = new FirstLetterMap<string>();
    for (const k of ['mexico', 'mexican', 'mexicans', 'microsoft']) map.set(k, k.toUpperCase());
    expect(map.atPrefix('mexic').sort()).toEqual([
      ['mexican', 'MEXICAN'],
      ['mexicans', 'MEXICANS'],
      ['mexico', 'MEXICO'],
    ]);
    expect(map.atPrefix('')).toEqual([]);
    expect(map.fuzzyGet('nexico', 1)).toEqual([]);
  });
});

describe('fold', () => {
  it('folds plain ASCII the same way as any other text', () => {
    const slow = (text: string) =>
      text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[‘’ʼ`´]/g, "'");
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]*$/), (text) => {
        expect(fold(text)).toBe(slow(text));
      }),
    );
  });
});
