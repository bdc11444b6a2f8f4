import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockQuote,
  clip,
  clipMrkdwn,
  escapeText,
  isUserId,
  link,
  slackToPlain,
  stripBotMention,
} from '../../adapters/slack/escape.ts';

describe('escapeText', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeText('<!channel> & <@U123> say "hi" > *bold*')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; say "hi" &gt; *bold*',
    );
  });

  it('leaves no < or > in any text, and can be undone', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeText(s);
        expect(e).not.toMatch(/[<>]/);
        expect(e.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(s);
      }),
      { seed: 20240925 },
    );
  });
});

describe('link', () => {
  it('builds <url|label> with both parts escaped', () => {
    expect(link('https://x.example/a?b=1&c=2', 'Rates & <!here>')).toBe(
      '<https://x.example/a?b=1&amp;c=2|Rates &amp; &lt;!here&gt;>',
    );
  });
  it('percent-encodes a | in the URL', () => {
    expect(link('https://x.example/a|b', 'T')).toBe('<https://x.example/a%7Cb|T>');
  });
  it('does not link anything but http(s)', () => {
    expect(link('javascript:alert(1)', 'T')).toBe('T');
    expect(link('https://x.example/a b', 'T')).toBe('T');
  });
});

describe('clip and clipMrkdwn', () => {
  it('cuts with an ellipsis, never inside a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('abc', 3)).toBe('abc');
  });
  it('never leaves half an entity or half a link', () => {
    expect(clipMrkdwn('one &amp; two', 7)).toBe('one…');
    expect(clipMrkdwn('see <https://x.example/long|label> now', 20)).toBe('see…');
  });
  it('always fits', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 50 }), (s, max) => {
        expect(clipMrkdwn(escapeText(s), max).length).toBeLessThanOrEqual(max);
      }),
      { seed: 20240925 },
    );
  });
});

describe('blockQuote', () => {
  it('quotes every line', () => {
    expect(blockQuote('a\nb')).toBe('> a\n> b');
  });
});

describe('slackToPlain', () => {
  it('turns Slack markup into what the user saw', () => {
    expect(
      slackToPlain('hi <@U123> <@U456|ana> <!channel> <!here|here> <!subteam^S1|@devs> <#C1|general> <#C2>'),
    ).toBe('hi @U123 @ana @channel @here @devs #general #C2');
    expect(
      slackToPlain('<https://x.example|x.example> and <mailto:a@b.c|a@b.c> and <https://y.example>'),
    ).toBe('x.example and a@b.c and https://y.example');
    expect(slackToPlain('a &lt;!here&gt; &amp;amp;')).toBe('a <!here> &amp;');
    expect(slackToPlain('<!date^1392734382^{date}|Feb 18th, 2014>')).toBe('Feb 18th, 2014');
  });
});

describe('stripBotMention', () => {
  it("removes the bot's own mention wherever it is, and only that one", () => {
    expect(stripBotMention('<@UCITA> how much? cc <@U0ANA>', 'UCITA')).toBe('how much? cc <@U0ANA>');
    expect(stripBotMention('so <@UCITA|cita>, how much?', 'UCITA')).toBe('so , how much?');
  });
  it('without the bot id, removes a leading mention', () => {
    expect(stripBotMention('<@UCITA> how much?', undefined)).toBe('how much?');
  });
});

describe('isUserId', () => {
  it('accepts Slack user ids only', () => {
    expect(isUserId('U0ANA')).toBe(true);
    expect(isUserId('W012AB')).toBe(true);
    expect(isUserId('!channel')).toBe(false);
    expect(isUserId('U0A>x')).toBe(false);
    expect(isUserId(undefined)).toBe(false);
  });
});
