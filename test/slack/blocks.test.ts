/** The Block Kit renderers are pure: small hand-made answers in, exact blocks out. */
import { describe, expect, it } from 'vitest';
import {
  answerBlocks,
  articlesBlocks,
  conflictText,
  fullCitationsBlocks,
  helpBlocks,
  sourceLine,
} from '../../adapters/slack/blocks.ts';
import { answerText, fullCitationsText } from '../../adapters/slack/fallback.ts';
import {
  articlesMessage,
  dmAnswer,
  helpMessage,
  keywordLanguage,
  keywordOf,
  threadAnswer,
} from '../../adapters/slack/messages.ts';
import { stringsFor } from '../../adapters/slack/strings.ts';
import type { Answer, Citation } from '../../src/index.ts';

const A: Citation = {
  n: 1,
  articleId: 'a',
  title: 'Title A',
  publisher: 'Pub A',
  url: 'https://a.example/1',
  published: '2024-09-25',
  author: 'Ana Ruiz',
  quote: 'It costs $5.',
  passage: 'Intro. It costs $5. Outro.',
};
const B: Citation = {
  n: 2,
  articleId: 'b',
  title: 'Title B',
  publisher: 'Pub B',
  url: 'https://b.example/2',
  published: null,
  author: null,
  quote: 'It costs $7.',
  passage: 'It costs $7.',
};

const answered: Answer = {
  question: 'How much?',
  answered: true,
  answer: 'It costs $5. [1]',
  citations: [A],
  conflict: null,
  language: 'en',
};

const conflicting: Answer = {
  question: 'How much?',
  answered: true,
  answer: 'It costs $5. [1]',
  citations: [A, B],
  conflict: {
    subject: 'the cost',
    values: [
      { value: '$5', citations: [1] },
      { value: '$7', citations: [2] },
    ],
  },
  language: 'en',
};

const declined: Answer = {
  question: 'bananas?',
  answered: false,
  answer: 'The articles don\'t mention "bananas".',
  citations: [],
  conflict: null,
  language: 'en',
  declineReason: 'not-covered',
  missing: ['bananas'],
  suggestions: ['Mexico', 'Microsoft'],
};

const md = (text: string) => ({ type: 'mrkdwn', text });
const sectionOf = (text: string) => ({ type: 'section', text: md(text) });
const btn = (action_id: string, text: string, value: string, extra: Record<string, string> = {}) => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text, emoji: true },
  value,
  ...extra,
});
const feedback = (q: string) => [
  btn('cita_feedback_up', '👍', q, { accessibility_label: 'Helpful' }),
  btn('cita_feedback_down', '👎', q, { accessibility_label: 'Not helpful' }),
];
const sourcesButton = (q: string) =>
  btn('cita_sources', 'Sources', q, { accessibility_label: 'Send me the full sources' });

describe('answerBlocks', () => {
  it('renders an answer as a quote, numbered linked sources, and Sources / feedback buttons', () => {
    expect(answerBlocks(answered)).toEqual([
      sectionOf('> It costs $5. [1]'),
      { type: 'context', elements: [md('*[1]* <https://a.example/1|Title A> — Pub A, 25 Sep 2024')] },
      {
        type: 'actions',
        block_id: 'cita_answer',
        elements: [sourcesButton('How much?'), ...feedback('How much?')],
      },
    ]);
  });

  it('shows the conflict, and the quotes the answer does not already show', () => {
    expect(answerBlocks(conflicting, { actions: [] })).toEqual([
      sectionOf('> It costs $5. [1]'),
      sectionOf('> It costs $7. [2]'),
      sectionOf(':warning: *The sources differ* — the cost:\n• *$5* — [1] Pub A\n• *$7* — [2] Pub B'),
      {
        type: 'context',
        elements: [
          md('*[1]* <https://a.example/1|Title A> — Pub A, 25 Sep 2024'),
          md('*[2]* <https://b.example/2|Title B> — Pub B'),
        ],
      },
    ]);
  });

  it('turns a decline into a visible, helpful message with only the feedback buttons', () => {
    expect(answerBlocks(declined, { actions: ['share', 'sources', 'feedback'] })).toEqual([
      sectionOf('The articles don\'t mention "bananas".'),
      { type: 'context', elements: [md('Not in the articles: *bananas*')] },
      sectionOf('*Try asking about:* Mexico · Microsoft'),
      {
        type: 'context',
        elements: [md('`/cita help` shows what I can do · `/figures` lists the key figures')],
      },
      { type: 'actions', block_id: 'cita_answer', elements: feedback('bananas?') },
    ]);
  });

  it('shows the question and who shared it on a shared answer, and the Share button on a private one', () => {
    expect(answerBlocks(answered, { showQuestion: true, sharedBy: 'U0ANA', actions: ['share'] })).toEqual([
      sectionOf('*Question:* How much?'),
      sectionOf('> It costs $5. [1]'),
      { type: 'context', elements: [md('*[1]* <https://a.example/1|Title A> — Pub A, 25 Sep 2024')] },
      { type: 'context', elements: [md('Shared by <@U0ANA>')] },
      {
        type: 'actions',
        block_id: 'cita_answer',
        elements: [btn('cita_share_answer', 'Share in channel', 'How much?', { style: 'primary' })],
      },
    ]);
  });

  it('never renders a "shared by" that is not a Slack user id', () => {
    const blocks = answerBlocks(answered, { sharedBy: '!channel', actions: [] });
    expect(JSON.stringify(blocks)).not.toContain('Shared by');
  });

  it('lists notices from the core', () => {
    const blocks = answerBlocks(
      { ...answered, notices: ['Your question was cut to 2000 characters.'] },
      { actions: [] },
    );
    expect(blocks[1]).toEqual({
      type: 'context',
      elements: [md(':information_source: Your question was cut to 2000 characters.')],
    });
  });

  it('speaks the answer’s language around it', () => {
    const conflict = { subject: 'the cost', values: [{ value: '$5', citations: [1] }] };
    expect(sourceLine(A, 'es')).toBe('*[1]* <https://a.example/1|Title A> — Pub A, 25 sept 2024');
    expect(conflictText(conflict, [A], stringsFor('es'))).toMatch(/^:warning: \*Las fuentes difieren\*/);
  });
});

describe('fullCitationsBlocks', () => {
  it('gives every citation in full: number, linked title, publisher, date, author, passage', () => {
    expect(fullCitationsBlocks(conflicting)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Sources', emoji: true } },
      sectionOf('*Question:* How much?'),
      { type: 'divider' },
      sectionOf('*[1]* <https://a.example/1|Title A>\nPub A · 25 Sep 2024 · by Ana Ruiz'),
      sectionOf('> Intro. It costs $5. Outro.'),
      { type: 'divider' },
      sectionOf('*[2]* <https://b.example/2|Title B>\nPub B'),
      sectionOf('> It costs $7.'),
    ]);
  });

  it('without the heading (under an answer in a DM)', () => {
    expect(fullCitationsBlocks(answered, { heading: false })).toEqual([
      sectionOf('*[1]* <https://a.example/1|Title A>\nPub A · 25 Sep 2024 · by Ana Ruiz'),
      sectionOf('> Intro. It costs $5. Outro.'),
    ]);
  });

  it('says there is nothing to show for a decline', () => {
    expect(fullCitationsBlocks(declined)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Sources', emoji: true } },
      sectionOf('*Question:* bananas?'),
      sectionOf('The articles don\'t mention "bananas".'),
      { type: 'context', elements: [md('No sources to show for this question.')] },
    ]);
  });
});

describe('messages', () => {
  it('a DM answer: the answer, then the full citations, then feedback', () => {
    expect(dmAnswer(answered)).toEqual({
      text: 'It costs $5. [1]\n\nSources: [1] <https://a.example/1|Title A> (Pub A, 25 Sep 2024)',
      blocks: [
        sectionOf('> It costs $5. [1]'),
        sectionOf('*[1]* <https://a.example/1|Title A>\nPub A · 25 Sep 2024 · by Ana Ruiz'),
        sectionOf('> Intro. It costs $5. Outro.'),
        { type: 'actions', block_id: 'cita_answer', elements: feedback('How much?') },
      ],
    });
  });

  it('an empty question gets the help with the core’s suggestions', () => {
    const empty: Answer = { ...declined, question: '', declineReason: 'empty', missing: [] };
    expect(threadAnswer(empty).blocks).toEqual(helpBlocks(['Mexico', 'Microsoft']));
  });

  it('an empty question gets the help in the answer’s language', () => {
    const empty: Answer = { ...declined, question: '', declineReason: 'empty', missing: [], language: 'es' };
    expect(threadAnswer(empty)).toEqual(helpMessage(['Mexico', 'Microsoft'], 'es'));
    expect(dmAnswer(empty).blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Cómo preguntar a Cita', emoji: true },
    });
  });

  it('plain-text fallbacks carry the answer, the conflict and the sources', () => {
    expect(answerText(conflicting)).toBe(
      'It costs $5. [1]\n\nThe sources differ: $5 [1] / $7 [2]\n\n' +
        'Sources: [1] <https://a.example/1|Title A> (Pub A, 25 Sep 2024); [2] <https://b.example/2|Title B> (Pub B)',
    );
    expect(answerText(declined)).toBe(
      'The articles don\'t mention "bananas".\n\nTry asking about: Mexico · Microsoft',
    );
    expect(fullCitationsText(answered)).toBe(
      'Sources — How much?\n\n[1] <https://a.example/1|Title A> (Pub A, 25 Sep 2024): “Intro. It costs $5. Outro.”',
    );
  });
});

describe('articlesBlocks', () => {
  it('lists every article with its link, publisher and date', () => {
    const articles = [
      {
        id: 'a',
        title: 'Title A',
        publisher: 'Pub A',
        url: 'https://a.example/1',
        published: '2024-09-25',
        author: null,
      },
      {
        id: 'b',
        title: 'Title B',
        publisher: 'Pub B',
        url: 'https://b.example/2',
        published: null,
        author: null,
      },
    ];
    expect(articlesBlocks(articles)).toEqual([
      sectionOf('I answer from 2 articles:'),
      sectionOf(
        '• <https://a.example/1|Title A> — Pub A, 25 Sep 2024\n• <https://b.example/2|Title B> — Pub B',
      ),
    ]);
  });
});

describe('Spanish help and keywords', () => {
  it('tells the Spanish keywords from the English ones', () => {
    expect(['ayuda', 'Ayuda?', 'fuentes', 'help', 'sources', 'articles', ''].map(keywordOf)).toEqual([
      'help',
      'help',
      'sources',
      'help',
      'sources',
      'sources',
      'help',
    ]);
    expect(['ayuda', 'FUENTES!', 'help', 'sources', '', 'hola'].map(keywordLanguage)).toEqual([
      'es',
      'es',
      null,
      null,
      null,
      null,
    ]);
    expect(keywordOf('toString')).toBeNull();
  });

  it('the help in Spanish', () => {
    expect(helpBlocks(['Mexico'], 'es')).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Cómo preguntar a Cita', emoji: true } },
      sectionOf(
        'Respondo preguntas sobre un pequeño conjunto de artículos de prensa, citándolos palabra por palabra con fuentes numeradas y enlazadas.',
      ),
      sectionOf(stringsFor('es').howToAsk.join('\n')),
      sectionOf('*Pregúntame por:* Mexico'),
    ]);
    expect(helpMessage([], 'es').text).toBe(stringsFor('es').helpText);
  });

  it('the article list in Spanish, with Spanish dates', () => {
    const article = {
      id: 'a',
      title: 'Title A',
      publisher: 'Pub A',
      url: 'https://a.example/1',
      published: '2024-09-25',
      author: null,
    };
    expect(articlesMessage([article], 'es')).toEqual({
      text: 'Respondo a partir de estos artículos:\n• <https://a.example/1|Title A> — Pub A, 25 sept 2024',
      blocks: [
        sectionOf('Respondo a partir de un artículo:'),
        sectionOf('• <https://a.example/1|Title A> — Pub A, 25 sept 2024'),
      ],
    });
    expect(articlesBlocks([], 'es')).toEqual([sectionOf('Aún no tengo artículos cargados.')]);
  });

  it('Spanish answer buttons and the shared-by line', () => {
    const es: Answer = { ...answered, language: 'es' };
    const blocks = answerBlocks(es, { actions: ['share', 'sources', 'feedback'], sharedBy: 'U0ANA' });
    expect(blocks.at(-2)).toEqual({ type: 'context', elements: [md('Compartido por <@U0ANA>')] });
    expect(JSON.stringify(blocks.at(-1))).toContain('"text":"Compartir en el canal"');
    expect(JSON.stringify(blocks.at(-1))).toContain('"accessibility_label":"Envíame las fuentes completas"');
  });
});
