/** The pure Teams renderers, with exact expectations on small hand-made answers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../adapters/teams/adaptiveCard.ts';
import {
  answerCard,
  answerText,
  citationEntity,
  figuresCard,
  fullCitationsCard,
  helpCard,
  sourcesCard,
} from '../../adapters/teams/cards.ts';
import type { Answer, Citation, KeyFigure } from '../../src/index.ts';

const HEAD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  msteams: { width: 'Full' },
};
const run = (text: string, style: Record<string, unknown> = {}) => ({ type: 'TextRun', text, ...style });
const rich = (...inlines: unknown[]) => ({ type: 'RichTextBlock', inlines });
const link = (url: string) => ({ selectAction: { type: 'Action.OpenUrl', url } });

const grid: Citation = {
  n: 1,
  articleId: 'daily-grid',
  title: 'Solar farm opens',
  publisher: 'Daily Grid',
  url: 'https://daily.example/solar',
  published: '2024-05-01',
  author: 'Ana Ruiz',
  quote: 'The farm produces 50 MW.',
  passage: 'It opened on Monday. The farm produces 50 MW. It cost $80 million.',
};
const wire: Citation = {
  n: 2,
  articleId: 'energy-wire',
  title: 'New solar plant',
  publisher: 'Energy Wire',
  url: 'https://wire.example/plant',
  published: null,
  author: null,
  quote: 'The plant will produce 45 MW.',
  passage: 'The plant will produce 45 MW.',
};
const answered: Answer = {
  question: 'How much power?',
  answered: true,
  answer: 'The farm produces 50 MW. [1] The plant will produce 45 MW. [2]',
  citations: [grid, wire],
  conflict: {
    subject: 'power … farm',
    values: [
      { value: '50 MW', citations: [1] },
      { value: '45 MW', citations: [2] },
    ],
  },
  language: 'en',
};
const declined: Answer = {
  question: 'Who won the match?',
  answered: false,
  answer: 'The articles don\'t mention "match".',
  citations: [],
  conflict: null,
  language: 'en',
  declineReason: 'not-covered',
  missing: ['match'],
  suggestions: ['How much power will the farm produce?', 'Who built it?'],
};

const conflictBlock = {
  type: 'Container',
  style: 'warning',
  items: [
    rich(run('The sources differ: ', { weight: 'Bolder' }), run('power … farm')),
    rich(run('50 MW', { weight: 'Bolder' }), run(' — Daily Grid [1]')),
    rich(run('45 MW', { weight: 'Bolder' }), run(' — Energy Wire [2]')),
  ],
};
const sourcesHeading = { ...rich(run('Sources', { weight: 'Bolder' })), separator: true };

describe('answerCard', () => {
  it('shows the answer, the conflict, each quoted snippet with its linked source, and a Sources button', () => {
    expect(answerCard(answered)).toEqual({
      ...HEAD,
      body: [
        rich(run('The farm produces 50 MW. [1] The plant will produce 45 MW. [2]')),
        conflictBlock,
        sourcesHeading,
        {
          type: 'Container',
          items: [
            rich(
              run('[1] ', { weight: 'Bolder' }),
              run('Solar farm opens', link('https://daily.example/solar')),
              run(' · Daily Grid · 2024-05-01', { isSubtle: true }),
            ),
            rich(run('“The farm produces 50 MW.”', { italic: true })),
          ],
        },
        {
          type: 'Container',
          items: [
            rich(
              run('[2] ', { weight: 'Bolder' }),
              run('New solar plant', link('https://wire.example/plant')),
              run(' · Energy Wire', { isSubtle: true }),
            ),
            rich(run('“The plant will produce 45 MW.”', { italic: true })),
          ],
        },
      ],
      actions: [
        { type: 'Action.Submit', title: 'Sources', data: { cita: 'sources', question: 'How much power?' } },
      ],
    });
  });

  it('makes a decline a helpful card: why, what is missing, questions to click', () => {
    expect(answerCard(declined)).toEqual({
      ...HEAD,
      body: [
        rich(run('The articles don\'t mention "match".')),
        rich(run('Not in the articles: ', { isSubtle: true }), run('match')),
        rich(run('Try asking about:', { isSubtle: true })),
      ],
      actions: [
        {
          type: 'Action.Submit',
          title: 'How much power will the farm produce?',
          data: { cita: 'ask', question: 'How much power will the farm produce?' },
        },
        { type: 'Action.Submit', title: 'Who built it?', data: { cita: 'ask', question: 'Who built it?' } },
      ],
    });
  });

  it('labels in Spanish when the answer is in Spanish, and shows notices', () => {
    const card = answerCard({
      ...answered,
      conflict: null,
      citations: [grid],
      language: 'es',
      notices: ['Pregunta recortada.'],
    });
    expect(card.body[1]).toEqual({ ...rich(run('Fuentes', { weight: 'Bolder' })), separator: true });
    expect(card.body.at(-1)).toEqual(rich(run('Pregunta recortada.', { isSubtle: true, italic: true })));
    expect(card.actions?.[0]).toMatchObject({ title: 'Fuentes' });
  });

  it('never links a non-http URL', () => {
    const card = answerCard({
      ...answered,
      conflict: null,
      citations: [{ ...grid, url: 'javascript:alert(1)' }],
    });
    expect(JSON.stringify(card)).not.toContain('Action.OpenUrl');
  });
});

describe('fullCitationsCard', () => {
  it('gives every passage in full with the quote highlighted, title, publisher, date, author and link', () => {
    expect(fullCitationsCard({ ...answered, conflict: null })).toEqual({
      ...HEAD,
      body: [
        rich(run('The farm produces 50 MW. [1] The plant will produce 45 MW. [2]')),
        sourcesHeading,
        {
          type: 'Container',
          separator: true,
          items: [
            rich(
              run('[1] ', { weight: 'Bolder' }),
              run('Solar farm opens', { weight: 'Bolder', ...link('https://daily.example/solar') }),
            ),
            rich(run('Daily Grid · 2024-05-01 · Ana Ruiz', { isSubtle: true })),
            rich(
              run('It opened on Monday. '),
              run('The farm produces 50 MW.', { highlight: true }),
              run(' It cost $80 million.'),
            ),
            rich(run('daily.example/solar', { isSubtle: true, ...link('https://daily.example/solar') })),
          ],
        },
        {
          type: 'Container',
          separator: true,
          items: [
            rich(
              run('[2] ', { weight: 'Bolder' }),
              run('New solar plant', { weight: 'Bolder', ...link('https://wire.example/plant') }),
            ),
            rich(run('Energy Wire', { isSubtle: true })),
            rich(run('The plant will produce 45 MW.', { highlight: true })),
            rich(run('wire.example/plant', { isSubtle: true, ...link('https://wire.example/plant') })),
          ],
        },
      ],
    });
  });

  it('puts the question on top when sent privately, and keeps the conflict', () => {
    const card = fullCitationsCard(answered, { withQuestion: true });
    expect(card.body.slice(0, 3)).toEqual([
      rich(run('Question: ', { isSubtle: true }), run('How much power?')),
      rich(run('The farm produces 50 MW. [1] The plant will produce 45 MW. [2]')),
      conflictBlock,
    ]);
  });

  it('renders a decline like the answer card', () => {
    expect(fullCitationsCard(declined)).toEqual(answerCard(declined));
  });
});

describe('figuresCard', () => {
  const figures: KeyFigure[] = [
    {
      label: 'cost of the farm',
      kind: 'money',
      disputed: false,
      values: [{ value: '$80 million', citations: [grid] }],
    },
    {
      label: 'capacity',
      kind: 'capacity',
      disputed: true,
      values: [
        { value: '50 MW', citations: [grid, { ...grid, n: 3 }] },
        { value: '45 MW', citations: [wire] },
      ],
    },
  ];

  it('lists key figures; disputed ones show each value with its sources', () => {
    expect(figuresCard(figures)).toEqual({
      ...HEAD,
      body: [
        rich(run('Key figures', { weight: 'Bolder', size: 'Medium' })),
        {
          type: 'Container',
          separator: true,
          items: [
            rich(run('cost of the farm', { weight: 'Bolder' })),
            rich(
              run('$80 million', { weight: 'Bolder' }),
              run(' — '),
              run('Daily Grid', link('https://daily.example/solar')),
              run(' (2024-05-01)', { isSubtle: true }),
            ),
          ],
        },
        {
          type: 'Container',
          separator: true,
          style: 'warning',
          items: [
            rich(run('capacity', { weight: 'Bolder' }), run('  Sources differ', { color: 'Attention' })),
            rich(
              run('50 MW', { weight: 'Bolder' }),
              run(' — '),
              run('Daily Grid', link('https://daily.example/solar')),
              run(' (2024-05-01)', { isSubtle: true }),
            ),
            rich(
              run('45 MW', { weight: 'Bolder' }),
              run(' — '),
              run('Energy Wire', link('https://wire.example/plant')),
            ),
          ],
        },
      ],
    });
  });

  it('says when there are no figures about a topic', () => {
    expect(figuresCard([], 'tennis')).toEqual({
      ...HEAD,
      body: [
        rich(run('Key figures: tennis', { weight: 'Bolder', size: 'Medium' })),
        rich(run('I found no key figures about “tennis”.')),
      ],
    });
  });
});

describe('Spanish cards', () => {
  const disputed: KeyFigure = {
    label: 'capacity',
    kind: 'capacity',
    disputed: true,
    values: [
      { value: '50 MW', citations: [grid] },
      { value: '45 MW', citations: [wire] },
    ],
  };

  it('figures: Spanish framing, verbatim labels and values', () => {
    expect(figuresCard([disputed], 'capacidad', 'es')).toEqual({
      ...HEAD,
      body: [
        rich(run('Cifras clave: capacidad', { weight: 'Bolder', size: 'Medium' })),
        {
          type: 'Container',
          separator: true,
          style: 'warning',
          items: [
            rich(
              run('capacity', { weight: 'Bolder' }),
              run('  Las fuentes no coinciden', { color: 'Attention' }),
            ),
            rich(
              run('50 MW', { weight: 'Bolder' }),
              run(' — '),
              run('Daily Grid', link('https://daily.example/solar')),
              run(' (2024-05-01)', { isSubtle: true }),
            ),
            rich(
              run('45 MW', { weight: 'Bolder' }),
              run(' — '),
              run('Energy Wire', link('https://wire.example/plant')),
            ),
          ],
        },
      ],
    });
    expect(figuresCard([], 'tenis', 'es').body).toEqual([
      rich(run('Cifras clave: tenis', { weight: 'Bolder', size: 'Medium' })),
      rich(run('No encontré cifras clave sobre «tenis».')),
    ]);
    expect(figuresCard([], undefined, 'es').body).toEqual([
      rich(run('Cifras clave', { weight: 'Bolder', size: 'Medium' })),
      rich(run('No encontré cifras clave en los artículos.')),
    ]);
    const many = Array.from({ length: 17 }, (_, i) => ({ ...disputed, label: `f${i}` }));
    expect(figuresCard(many, undefined, 'es').body.at(-1)).toEqual(
      rich(run('…y 2 más. Acótalas: cifras <tema>', { isSubtle: true })),
    );
  });

  it('help: the Spanish commands', () => {
    const card = helpCard(['a'], 'es');
    expect(card.body).toEqual([
      rich(
        run('Cita responde preguntas sobre un conjunto de artículos de prensa', {
          weight: 'Bolder',
          size: 'Medium',
        }),
      ),
      rich(
        run(
          'Cada respuesta cita los artículos palabra por palabra y enlaza sus fuentes. En un canal o chat de grupo, mencióname con tu pregunta; en un chat 1:1, pregunta sin más.',
        ),
      ),
      rich(
        run('cifras [tema]', { weight: 'Bolder' }),
        run(' — las cifras clave, y aquellas en las que las fuentes no coinciden'),
      ),
      rich(run('fuentes', { weight: 'Bolder' }), run(' — los artículos de los que respondo')),
      rich(run('ayuda', { weight: 'Bolder' }), run(' — este mensaje')),
      rich(run('Prueba a preguntar por:', { isSubtle: true })),
    ]);
    expect(card.actions).toEqual(helpCard(['a']).actions);
  });

  it('sources: the Spanish title', () => {
    expect(sourcesCard([], 'es').body).toEqual([
      rich(run('Los artículos de los que respondo', { weight: 'Bolder', size: 'Medium' })),
      rich(run('No hay artículos cargados.')),
    ]);
  });
});

describe('sourcesCard and helpCard', () => {
  it('lists the articles', () => {
    expect(
      sourcesCard(
        [grid].map(({ articleId: id, title, publisher, url, published, author }) => ({
          id,
          title,
          publisher,
          url,
          published,
          author,
        })),
      ),
    ).toEqual({
      ...HEAD,
      body: [
        rich(run('The articles I answer from', { weight: 'Bolder', size: 'Medium' })),
        {
          type: 'Container',
          separator: true,
          items: [
            rich(run('Solar farm opens', { weight: 'Bolder', ...link('https://daily.example/solar') })),
            rich(run('Daily Grid · 2024-05-01 · Ana Ruiz', { isSubtle: true })),
          ],
        },
      ],
    });
  });

  it('explains the commands and offers at most three suggestions', () => {
    const card = helpCard(['a', 'b', 'c', 'd']);
    expect(card.actions).toEqual(
      ['a', 'b', 'c'].map((q) => ({ type: 'Action.Submit', title: q, data: { cita: 'ask', question: q } })),
    );
    expect(JSON.stringify(card.body)).toContain('figures [topic]');
  });
});

describe('citationEntity and answerText', () => {
  it('builds the one schema.org Message entity, one Claim per [n] marker', () => {
    expect(citationEntity(answered)).toEqual({
      type: 'https://schema.org/Message',
      '@type': 'Message',
      '@context': 'https://schema.org',
      '@id': '',
      citation: [
        {
          '@type': 'Claim',
          position: 1,
          appearance: {
            '@type': 'DigitalDocument',
            name: 'Solar farm opens',
            abstract: 'The farm produces 50 MW.',
            url: 'https://daily.example/solar',
            keywords: ['Daily Grid', '2024-05-01'],
          },
        },
        {
          '@type': 'Claim',
          position: 2,
          appearance: {
            '@type': 'DigitalDocument',
            name: 'New solar plant',
            abstract: 'The plant will produce 45 MW.',
            url: 'https://wire.example/plant',
            keywords: ['Energy Wire'],
          },
        },
      ],
    });
  });

  it('has no entity for a decline, and leaves out citations the text does not mark', () => {
    expect(citationEntity(declined)).toBeNull();
    const entity = citationEntity({ ...answered, answer: 'The farm produces 50 MW. [1]' });
    expect(entity?.citation.map((c) => c.position)).toEqual([1]);
  });

  it('clips names to 80 and abstracts to 160 characters, and never gives a non-http url', () => {
    const long = citationEntity({
      ...answered,
      citations: [{ ...grid, title: 't'.repeat(200), quote: 'q'.repeat(400), url: 'ftp://x' }],
      answer: 'x [1]',
    });
    const appearance = long?.citation[0]?.appearance;
    expect(appearance?.name).toBe(`${'t'.repeat(79)}…`);
    expect(appearance?.abstract).toBe(`${'q'.repeat(159)}…`);
    expect(appearance?.url).toBeUndefined();
  });

  it('escapes the text but keeps the markers the entity uses', () => {
    expect(answerText({ ...answered, answer: 'A *b* <at>c</at> [1] [7] [2]' })).toBe(
      'A \\*b\\* &lt;at&gt;c&lt;/at&gt; [1] \\[7\\] [2]',
    );
  });
});

describe('properties', () => {
  const citation = fc.record({
    n: fc.integer({ min: 1, max: 40 }),
    articleId: fc.string(),
    title: fc.string({ maxLength: 5000 }),
    publisher: fc.string({ maxLength: 500 }),
    url: fc.oneof(fc.webUrl(), fc.string()),
    published: fc.option(fc.string({ maxLength: 30 })),
    author: fc.option(fc.string({ maxLength: 300 })),
    quote: fc.string({ maxLength: 5000 }),
    passage: fc.string({ maxLength: 20000 }),
  });
  const answer = fc.record({
    question: fc.string({ maxLength: 2000 }),
    answered: fc.boolean(),
    answer: fc.string({ maxLength: 20000 }),
    citations: fc.array(citation, { maxLength: 30 }),
    conflict: fc.option(
      fc.record({
        subject: fc.string({ maxLength: 3000 }),
        values: fc.array(
          fc.record({
            value: fc.string({ maxLength: 500 }),
            citations: fc.array(fc.nat(50), { maxLength: 40 }),
          }),
          { maxLength: 40 },
        ),
      }),
    ),
    language: fc.constantFrom('en' as const, 'es' as const),
    missing: fc.option(fc.array(fc.string({ maxLength: 200 }), { maxLength: 50 }), { nil: undefined }),
    suggestions: fc.option(fc.array(fc.string({ maxLength: 300 }), { maxLength: 20 }), { nil: undefined }),
    notices: fc.option(fc.array(fc.string({ maxLength: 2000 }), { maxLength: 10 }), { nil: undefined }),
  });

  it('keeps every card under the size limit, with no Markdown-parsed TextBlock, whatever the input', () => {
    fc.assert(
      fc.property(answer, (a) => {
        for (const card of [answerCard(a), fullCitationsCard(a, { withQuestion: true })]) {
          expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
          expect(JSON.stringify(card)).not.toContain('"TextBlock"');
        }
        const entity = citationEntity(a);
        expect(entity === null || (entity.citation.length >= 1 && entity.citation.length <= 20)).toBe(true);
        // Every claim has its marker in the text that is sent, once.
        const text = answerText(a);
        const positions = entity?.citation.map((c) => c.position) ?? [];
        expect(new Set(positions).size).toBe(positions.length);
        for (const p of positions) expect(text).toContain(`[${p}]`);
      }),
      { numRuns: 150 },
    );
  });

  it('stays under the size limit in the worst case', () => {
    const big = (n: number): Citation => ({
      ...grid,
      n,
      title: 'T'.repeat(5000),
      publisher: 'P'.repeat(500),
      author: 'A'.repeat(500),
      quote: 'Q'.repeat(5000),
      passage: `${'B'.repeat(20000)}${'Q'.repeat(5000)}${'C'.repeat(20000)}`,
      url: `https://x.example/${'u'.repeat(3000)}`,
    });
    const citations = Array.from({ length: 30 }, (_, i) => big(i + 1));
    const worst: Answer = {
      ...answered,
      question: 'q'.repeat(2000),
      answer: `${'W'.repeat(30000)} ${citations.map((c) => `[${c.n}]`).join(' ')}`,
      citations,
      conflict: {
        subject: 'S'.repeat(3000),
        values: Array.from({ length: 40 }, (_, i) => ({ value: 'V'.repeat(500), citations: [i] })),
      },
      notices: ['N'.repeat(5000), 'N'.repeat(5000)],
    };
    for (const card of [answerCard(worst), fullCitationsCard(worst, { withQuestion: true })]) {
      expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    }
    expect(cardBytes(citationEntity(worst))).toBeLessThan(20_000);
    expect(answerText(worst).length).toBeLessThan(5000);
    // The text was clipped before the markers: no claim may point at a marker that is not there.
    expect(citationEntity(worst)).toBeNull();
  });
});
