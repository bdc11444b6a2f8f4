/**
 * From what a user types to what the platform receives, with the shipped core in between:
 * any Unicode, huge strings, nested markup and mention syntax in the question never make the
 * Slack or Teams path throw, and what comes out fits the platform's limits and pings no one.
 * (The renderers alone, over arbitrary answers, are covered in test/slack/limits.test.ts and
 * test/teams/cards.test.ts.)
 */
import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../adapters/slack/blockKit.ts';
import { slackToPlain, stripBotMention } from '../../adapters/slack/escape.ts';
import {
  articlesMessage,
  dmAnswer,
  helpMessage,
  keywordOf,
  threadAnswer,
} from '../../adapters/slack/messages.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../adapters/teams/adaptiveCard.ts';
import { questionText } from '../../adapters/teams/bot.ts';
import { parseCommand } from '../../adapters/teams/commands.ts';
import { answerMessage } from '../../adapters/teams/messages.ts';
import { type Cita, loadCita } from '../../src/index.ts';

/** Teams refuses messages much over ~28 KB; the card itself is capped lower. */
const TEAMS_MESSAGE_BYTES = 28 * 1024;

const markup = fc.constantFrom(
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S123|@team>',
  '<@U0VICTIM>',
  '<@W0VICTIM|boss>',
  '<#C0GENERAL|general>',
  '<https://evil.example|click>',
  '&lt;!channel&gt;',
  '<<!here>>',
  '<at>Everyone</at>',
  '<at><at>x</at></at>',
  '<b><i><script>alert(1)</script></i></b>',
  '*_~`bold`~_*',
  '[x](javascript:alert(1))',
  '![img](https://evil.example/x.png)',
  '```code```',
  '> quote',
  '\u202eevil\u202c',
  '\u0000\u0007',
  '😀👩‍👩‍👧',
  '\ud800',
  'Microsoft',
  'Mexico',
  'invest',
  'how much',
  'help',
  'sources',
  'figures',
);
const question = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(markup, { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc.tuple(markup, fc.integer({ min: 1, max: 3000 })).map(([m, n]) => `${m} `.repeat(n)),
  fc.string({
    unit: fc.constantFrom('<', '>', '&', '!', '@', '|', '*', '[', ']', '(', ')', ' ', 'a'),
    maxLength: 30_000,
  }),
);

/** Raw pings and links Slack would act on (button values are data for our listeners, never shown). */
const SLACK_PING = /<!|<@|<#/;
function slackRendered(message: { text: string; blocks: unknown[] }): string {
  return JSON.stringify(message, (key, value) => (key === 'value' ? undefined : value));
}

let cita: Cita;
beforeAll(async () => {
  cita = await loadCita();
});

describe('the Slack question path', () => {
  it('never throws, fits Block Kit, and never pings, whatever the mention says', () => {
    fc.assert(
      fc.property(question, (q) => {
        const text = slackToPlain(stripBotMention(`<@UCITA> ${q}`, 'UCITA'));
        const keyword = keywordOf(text);
        const messages =
          keyword === 'help'
            ? [helpMessage(cita.suggestions())]
            : keyword === 'sources'
              ? [articlesMessage(cita.articles)]
              : (() => {
                  const answer = cita.ask(text);
                  return [threadAnswer(answer), dmAnswer(answer)];
                })();
        for (const m of messages) {
          expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
          for (const b of m.blocks)
            if (b.type === 'section')
              expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
          expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
          expect(slackRendered(m)).not.toMatch(SLACK_PING);
        }
      }),
      { numRuns: 120, seed: 6 },
    );
  });
});

describe('the Teams question path', () => {
  it('never throws, stays under the size limits, and sends no markup unescaped', () => {
    fc.assert(
      fc.property(question, fc.constantFrom('channel' as const, 'personal' as const), (q, scope) => {
        const activity = {
          type: 'message',
          text: `<at>Cita</at> ${q}`,
          recipient: { id: '28:cita', name: 'Cita' },
          entities: [{ type: 'mention', text: '<at>Cita</at>', mentioned: { id: '28:cita', name: 'Cita' } }],
        } as unknown as Activity;
        const command = parseCommand(questionText(activity));
        if (command.kind !== 'question' || !command.text) return;
        const message = answerMessage(cita.ask(command.text), scope);
        const card = message.attachments?.[0]?.content;
        expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
        expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES);
        // Cards use text runs (never Markdown-parsed); the Markdown text beside them is escaped.
        expect(JSON.stringify(card)).not.toContain('"TextBlock"');
        expect(message.text ?? '').not.toMatch(/<(?:at|\/?[a-z])|\]\(/i);
        expect(message.summary ?? '').not.toMatch(/<at>/i);
      }),
      { numRuns: 120, seed: 6 },
    );
  });
});
