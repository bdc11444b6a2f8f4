import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, parseFeedback, parseSubmit } from '../../adapters/teams/commands.ts';
import {
  cleanIncomingText,
  clip,
  escapeKeepingMarkers,
  escapeMarkdown,
  safeUrl,
} from '../../adapters/teams/markup.ts';

describe('escapeMarkdown', () => {
  it('neutralises HTML, mentions, emphasis, code, links and block markers', () => {
    expect(escapeMarkdown('<at>All</at> & *b* _i_ ~s~ `c` [l](u) \\')).toBe(
      '&lt;at&gt;All&lt;/at&gt; &amp; \\*b\\* \\_i\\_ \\~s\\~ \\`c\\` \\[l\\](u) \\\\',
    );
    expect(escapeMarkdown('# Title\n- item\n+ item\n12. item\n> quote')).toBe(
      '\\# Title\n\\- item\n\\+ item\n12\\. item\n&gt; quote',
    );
    expect(escapeMarkdown('Costs $1.3 billion, up 5% (2024).')).toBe('Costs $1.3 billion, up 5% (2024).');
  });

  it('keeps known citation markers and escapes the rest, so no marker can start a link', () => {
    const markers = new Set([1, 2]);
    expect(escapeKeepingMarkers('A [1] B [3] C [2]', markers)).toBe('A [1] B \\[3\\] C [2]');
    expect(escapeKeepingMarkers('x [1](https://evil.example)', markers)).toBe(
      'x [1]\\(https://evil.example)',
    );
    expect(escapeKeepingMarkers('[1]: https://evil.example', markers)).toBe('[1]\\: https://evil.example');
  });
});

describe('cleanIncomingText', () => {
  it('turns Teams markup into what the user typed', () => {
    expect(cleanIncomingText('<at>Ana</at>&nbsp;asks:  <b>how much</b>\n&amp; when? &#x1F600; &#65;')).toBe(
      'Ana asks: how much & when? 😀 A',
    );
    expect(cleanIncomingText('a\u202eb\u0000c')).toBe('a b c');
    expect(cleanIncomingText('Qu&eacute; es &amp;lt;x&gt; &unknown;')).toBe('Qué es &lt;x> &unknown;');
  });

  it('treats anything but a string as empty and never throws', () => {
    expect(cleanIncomingText(undefined)).toBe('');
    expect(cleanIncomingText(42)).toBe('');
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (s) => typeof cleanIncomingText(s) === 'string'));
    expect(cleanIncomingText('x'.repeat(100_000)).length).toBe(20_000);
  });
});

describe('safeUrl and clip', () => {
  it('accepts only http(s) URLs of reasonable length', () => {
    expect(safeUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl(`https://a.example/${'x'.repeat(700)}`)).toBeUndefined();
  });

  it('clips with an ellipsis, never inside a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('abc', 3)).toBe('abc');
  });
});

describe('parseCommand', () => {
  it('recognises the manifest commands', () => {
    expect(parseCommand('help')).toEqual({ kind: 'help' });
    expect(parseCommand('/Help?')).toEqual({ kind: 'help' });
    expect(parseCommand('sources')).toEqual({ kind: 'sources' });
    expect(parseCommand('figures')).toEqual({ kind: 'figures' });
    expect(parseCommand('Figures: Viasat deal')).toEqual({ kind: 'figures', topic: 'Viasat deal' });
  });

  it('takes ayuda, fuentes and cifras [tema] as Spanish aliases, and says so', () => {
    expect(parseCommand('ayuda')).toEqual({ kind: 'help', language: 'es' });
    expect(parseCommand('/Ayuda?')).toEqual({ kind: 'help', language: 'es' });
    expect(parseCommand('fuentes')).toEqual({ kind: 'sources', language: 'es' });
    expect(parseCommand('cifras')).toEqual({ kind: 'figures', language: 'es' });
    expect(parseCommand('Cifras: empleos en México')).toEqual({
      kind: 'figures',
      topic: 'empleos en México',
      language: 'es',
    });
    expect(parseCommand('ayuda con la inversión')).toEqual({
      kind: 'question',
      text: 'ayuda con la inversión',
    });
    expect(parseCommand('fuentes de energía')).toEqual({ kind: 'question', text: 'fuentes de energía' });
  });

  it('leaves questions that merely start with a command word alone', () => {
    expect(parseCommand('help me understand the deal')).toEqual({
      kind: 'question',
      text: 'help me understand the deal',
    });
    expect(parseCommand('sources say what?')).toEqual({ kind: 'question', text: 'sources say what?' });
    expect(parseCommand('figure out the cost')).toEqual({ kind: 'question', text: 'figure out the cost' });
    expect(parseCommand('  ')).toEqual({ kind: 'question', text: '' });
  });
});

describe('parseSubmit and parseFeedback', () => {
  it("accepts only the data of Cita's own buttons", () => {
    expect(parseSubmit({ cita: 'sources', question: ' q ' })).toEqual({ cita: 'sources', question: 'q' });
    expect(parseSubmit({ cita: 'ask', question: 'q', extra: 1 })).toEqual({ cita: 'ask', question: 'q' });
    expect(parseSubmit({ cita: 'delete', question: 'q' })).toBeNull();
    expect(parseSubmit({ cita: 'ask', question: 'x'.repeat(10_000) })).toBeNull();
    expect(parseSubmit('sources')).toBeNull();
    expect(parseSubmit(undefined)).toBeNull();
  });

  it('reads the feedback form Teams sends as a JSON string', () => {
    expect(
      parseFeedback({
        actionName: 'feedback',
        actionValue: { reaction: 'like', feedback: '{"feedbackText":" Great "}' },
      }),
    ).toEqual({ actionName: 'feedback', reaction: 'like', text: 'Great' });
    expect(
      parseFeedback({ actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: 'plain' } }),
    ).toEqual({
      actionName: 'feedback',
      reaction: 'dislike',
      text: 'plain',
    });
    expect(parseFeedback({ actionName: 'feedback' })).toEqual({ actionName: 'feedback' });
    expect(parseFeedback(null)).toBeNull();
  });
});
