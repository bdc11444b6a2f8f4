import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownParagraphs, splitParagraphs } from '../../src/markdown.ts';

describe('splitParagraphs', () => {
  it('keeps the words verbatim apart from joining wrapped lines', () => {
    expect(splitParagraphs('One “quoted” line,\nstill one.\n\n* item')).toEqual([
      { text: 'One “quoted” line, still one.', kind: 'text' },
      { text: 'item', kind: 'item' },
    ]);
  });

  it('quotes what a reader sees: emphasis, links, code and escapes lose their markup', () => {
    const body = [
      '**Porto, 14 March 2025** – The new **Eastbank Aquatics Centre** will cost *95 million* euros,',
      'says [the committee](https://example.org/c "title") (see <https://example.org/x>).',
      '',
      'Shares rose \\*5%\\* on `HLV` after ~~the~~ a ![chart](c.png)vote, AT&amp;T&rsquo;s note said.',
    ].join('\n');
    expect(splitParagraphs(body)).toEqual([
      {
        text: 'Porto, 14 March 2025 – The new Eastbank Aquatics Centre will cost 95 million euros, says the committee (see https://example.org/x).',
        kind: 'text',
      },
      { text: 'Shares rose *5%* on HLV after the a vote, AT&T’s note said.', kind: 'text' },
    ]);
  });

  it('makes headings (ATX and underlined), list items, quotes, tables and HTML blocks paragraphs of their own', () => {
    const body = [
      '## The **plan** ##',
      'Timeline',
      '--------',
      '- **July 2025:** first hearing.',
      '- October 2025: the study',
      '  - nested point',
      '',
      '1. one',
      '2) two',
      '',
      '• pasted bullet',
      '• another',
      '',
      '> “We have waited,” she said.',
      '',
      '| Year | Jobs |',
      '| --- | --- |',
      '| 2026 | 1,200 |',
      '',
      '<p>Media contact: press&nbsp;office <!-- x --></p>',
      '',
      '---',
      '',
      '    An indented paragraph, not code.',
    ].join('\n');
    expect(splitParagraphs(body)).toEqual([
      { text: 'The plan', kind: 'heading' },
      { text: 'Timeline', kind: 'heading' },
      { text: 'July 2025: first hearing.', kind: 'item' },
      { text: 'October 2025: the study', kind: 'item' },
      { text: 'nested point', kind: 'item' },
      { text: 'one', kind: 'item' },
      { text: 'two', kind: 'item' },
      { text: 'pasted bullet', kind: 'item' },
      { text: 'another', kind: 'item' },
      { text: '“We have waited,” she said.', kind: 'text' },
      { text: 'Year | Jobs', kind: 'item' },
      { text: '2026 | 1,200', kind: 'item' },
      { text: 'Media contact: press office', kind: 'text' },
      { text: 'An indented paragraph, not code.', kind: 'text' },
    ]);
  });

  it('leaves plain arithmetic and lone symbols alone', () => {
    expect(splitParagraphs('5 * 3 * 2 is 30, a_b_c < 40 & **not closed')).toEqual([
      { text: '5 * 3 * 2 is 30, a_b_c < 40 & **not closed', kind: 'text' },
    ]);
  });

  it('never throws, and every paragraph is one trimmed, non-empty line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), (body) => {
        for (const p of splitParagraphs(body)) {
          expect(p.text).toBe(p.text.trim());
          expect(p.text).not.toBe('');
          expect(p.text).not.toMatch(/\n/);
        }
      }),
    );
  });

  it('keeps every word of a body without markup', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9$€%,.]{1,8}$/).filter((w) => !/^\d+[.)]?$/.test(w));
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        (paras) => {
          const body = paras.map((words) => words.join(' ')).join('\n\n');
          expect(splitParagraphs(body).map((p) => p.text)).toEqual(paras.map((words) => words.join(' ')));
        },
      ),
    );
  });
  it('reads text without markup as marked would, only faster', () => {
    const piece = fc.constantFrom(
      'Halvern',
      'spend',
      '$4.2',
      'billion',
      '12%',
      'a',
      '2025',
      '.',
      ',',
      '"',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\n \n',
      '\r\n',
      '\t',
      '-',
      '1.',
      '*',
      '#',
      '=',
      '|',
      '&amp;',
      'é',
      '’',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const body = pieces.join('');
        expect(splitParagraphs(body)).toEqual(markdownParagraphs(body));
      }),
      { numRuns: 2000 },
    );
  });
});
