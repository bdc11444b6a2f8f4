/**
 * Whatever the core answers (huge texts, many citations, hostile characters), every message
 * fits Slack's Block Kit limits, carries a fallback text, and contains no raw mention.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, fitBlocks, LIMITS, sections } from '../../adapters/slack/blockKit.ts';
import { homeView } from '../../adapters/slack/homeView.ts';
import {
  dmAnswer,
  figuresMessage,
  privateAnswer,
  type SlackMessage,
  sharedAnswer,
  sourcesMessage,
  threadAnswer,
} from '../../adapters/slack/messages.ts';
import type { Answer, Citation, KeyFigure } from '../../src/index.ts';

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '<', '>', '&', '!', '@', 'channel', '|', '\n', '😀'),
    maxLength: 4000,
  }),
);
const citationArb = (n: number): fc.Arbitrary<Citation> =>
  fc.record({
    n: fc.constant(n),
    articleId: fc.constantFrom('a', 'b', 'c'),
    title: text,
    publisher: text,
    url: fc.oneof(fc.webUrl(), text),
    published: fc.option(fc.constantFrom('2024-09-25', 'garbage'), { nil: null }),
    author: fc.option(text, { nil: null }),
    quote: text,
    passage: text,
  });
const answerArb: fc.Arbitrary<Answer> = fc.integer({ min: 0, max: 70 }).chain((count) =>
  fc.record({
    question: text,
    answered: fc.boolean(),
    answer: text,
    citations: fc.tuple(...Array.from({ length: count }, (_, i) => citationArb(i + 1))),
    conflict: fc.option(
      fc.record({
        subject: text,
        values: fc.array(fc.record({ value: text, citations: fc.array(fc.nat(80), { maxLength: 5 }) }), {
          maxLength: 30,
        }),
      }),
      { nil: null },
    ),
    language: fc.constantFrom('en' as const, 'es' as const),
    missing: fc.array(text, { maxLength: 30 }),
    suggestions: fc.array(text, { maxLength: 30 }),
    notices: fc.array(text, { maxLength: 15 }),
  }),
);
const figureArb: fc.Arbitrary<KeyFigure> = fc.record({
  label: text,
  kind: fc.constant('count' as const),
  disputed: fc.boolean(),
  values: fc.array(fc.record({ value: text, citations: fc.array(citationArb(1), { maxLength: 4 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
});

/** Every text Slack renders, and the limits each block must respect. */
function checkBlocks(blocks: readonly Block[], maxBlocks: number) {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const b of blocks) {
    if (b.type === 'section') {
      expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(b.text?.text.trim()).not.toBe('');
    }
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (b.type === 'context') {
      expect(b.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
      for (const e of b.elements) if (e.type === 'mrkdwn') expect(e.text.trim()).not.toBe('');
    }
    if (b.type === 'actions')
      for (const e of b.elements)
        if (e.type === 'button') expect(e.value?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonValue);
  }
  const rendered = JSON.stringify(blocks, (k, v) => (k === 'value' ? undefined : v));
  expect(rendered).not.toMatch(/<!|<@(?!U)|<#/);
}

function check(message: SlackMessage) {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  expect(message.text).not.toMatch(/<!|<@|<#/);
  checkBlocks(message.blocks, LIMITS.messageBlocks);
}

describe('Block Kit limits', () => {
  it('every answer message fits, whatever the answer', () => {
    fc.assert(
      fc.property(answerArb, (answer) => {
        for (const m of [
          threadAnswer(answer),
          dmAnswer(answer),
          privateAnswer(answer),
          sourcesMessage(answer),
        ])
          check(m);
        check(sharedAnswer(answer, 'U0ANA'));
      }),
      { numRuns: 150, seed: 20240925 },
    );
  });

  it('figures and the Home tab fit, whatever the figures', () => {
    fc.assert(
      fc.property(
        fc.array(figureArb, { maxLength: 80 }),
        text,
        fc.constantFrom('en' as const, 'es' as const),
        (figures, topic, language) => {
          check(figuresMessage(figures, { topic, share: true, language }));
          check(figuresMessage(figures, { topic, sharedBy: 'U0ANA', language }));
          checkBlocks(
            homeView({ articles: [], figures, suggestions: ['x'], language }).blocks as Block[],
            LIMITS.viewBlocks,
          );
        },
      ),
      { numRuns: 60, seed: 20240925 },
    );
  });

  it('sections() packs lines under the section limit', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i}`.padEnd(200, 'x'));
    const out = sections(lines);
    expect(out.length).toBe(3);
    expect(out.every((s) => (s.text?.text.length ?? 0) <= LIMITS.sectionText)).toBe(true);
  });

  it('fitBlocks() keeps the buttons and says what was left out', () => {
    const blocks: Block[] = [
      ...Array.from({ length: 60 }, (): Block => ({ type: 'divider' })),
      { type: 'actions', elements: [] },
    ];
    const fitted = fitBlocks(blocks);
    expect(fitted).toHaveLength(50);
    expect(fitted.at(-2)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '_More was left out to fit in one message._' }],
    });
    expect(fitted.at(-1)?.type).toBe('actions');
  });
});
