/** Key figures and the Home tab: pure renderers, exact blocks. */
import { describe, expect, it } from 'vitest';
import { figuresText } from '../../adapters/slack/fallback.ts';
import { figuresBlocks, figureText } from '../../adapters/slack/figuresBlocks.ts';
import { homeView } from '../../adapters/slack/homeView.ts';
import { figuresMessage } from '../../adapters/slack/messages.ts';
import type { Citation, KeyFigure } from '../../src/index.ts';

const cite = (
  n: number,
  articleId: string,
  publisher: string,
  url: string,
  published: string | null,
): Citation => ({
  n,
  articleId,
  title: `Title ${articleId}`,
  publisher,
  url,
  published,
  author: null,
  quote: 'q',
  passage: 'p',
});
const btw = cite(1, 'btw', 'BTW Media', 'https://btw.example/a', '2024-09-25');
const btwAgain = cite(2, 'btw', 'BTW Media', 'https://btw.example/a', '2024-09-25');
const ntn = cite(3, 'ntn', 'NTN', 'https://ntn.example/b', null);

const agreed: KeyFigure = {
  label: 'Microsoft investment',
  kind: 'money',
  disputed: false,
  values: [{ value: '$1.3 billion', citations: [btw, btwAgain, ntn] }],
};
const disputed: KeyFigure = {
  label: 'people & SMEs <reached>',
  kind: 'count',
  disputed: true,
  values: [
    { value: '150,000', citations: [btw] },
    { value: '1.45 million', citations: [ntn] },
  ],
};

const md = (text: string) => ({ type: 'mrkdwn', text });
const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });
const sectionOf = (text: string) => ({ type: 'section', text: md(text) });

describe('figureText', () => {
  it('one value: the value with each source article once', () => {
    expect(figureText(agreed)).toBe(
      '*Microsoft investment*: *$1.3 billion* — <https://btw.example/a|BTW Media> (25 Sep 2024), <https://ntn.example/b|NTN>',
    );
  });

  it('disputed: every value with the source that gives it, escaped', () => {
    expect(figureText(disputed)).toBe(
      '*people &amp; SMEs &lt;reached&gt;* — :warning: the sources differ\n' +
        '• *150,000* — <https://btw.example/a|BTW Media> (25 Sep 2024)\n' +
        '• *1.45 million* — <https://ntn.example/b|NTN>',
    );
  });
});

describe('figuresBlocks', () => {
  it('the private copy: figures and a Share in channel button', () => {
    expect(figuresBlocks([agreed, disputed], { topic: 'Mexico', share: true })).toEqual([
      header('Key figures'),
      { type: 'context', elements: [md('About “Mexico”')] },
      sectionOf(figureText(agreed)),
      sectionOf(figureText(disputed)),
      {
        type: 'actions',
        block_id: 'cita_figures',
        elements: [
          {
            type: 'button',
            action_id: 'cita_share_figures',
            text: { type: 'plain_text', text: 'Share in channel', emoji: true },
            value: 't:Mexico',
            style: 'primary',
          },
        ],
      },
    ]);
  });

  it('the shared copy: who shared it, no button', () => {
    expect(figuresBlocks([agreed], { sharedBy: 'U0ANA' })).toEqual([
      header('Key figures'),
      sectionOf(figureText(agreed)),
      { type: 'context', elements: [md('Shared by <@U0ANA>')] },
    ]);
  });

  it('no figures: says so, suggests dropping the topic, no button', () => {
    expect(figuresBlocks([], { topic: 'bananas', share: true })).toEqual([
      header('Key figures'),
      { type: 'context', elements: [md('About “bananas”')] },
      sectionOf(
        'I found no key figures about “bananas” in the articles. Try `/figures` on its own to see them all.',
      ),
    ]);
  });

  it('stays under 50 blocks however many figures there are', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...agreed, label: `figure ${i}` }));
    const blocks = figuresBlocks(many, { share: true });
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.at(-2)).toEqual({
      type: 'context',
      elements: [md('…and 80 more. Narrow them down with `/figures <topic>`.')],
    });
    expect(blocks.at(-1)?.type).toBe('actions');
  });
});

describe('homeView', () => {
  it('what Cita knows, the key figures, and how to ask', () => {
    const view = homeView({
      articles: [
        {
          id: 'btw',
          title: 'Title btw',
          publisher: 'BTW Media',
          url: 'https://btw.example/a',
          published: '2024-09-25',
          author: null,
        },
      ],
      figures: [disputed],
      suggestions: ['Mexico'],
    });
    expect(view.type).toBe('home');
    expect(view.blocks).toEqual([
      header('Cita'),
      sectionOf(
        'I answer questions about the news articles below, quoting them word for word with numbered, linked sources. When the sources disagree, I show every version.',
      ),
      header('How to ask'),
      sectionOf(
        [
          '• *In a channel:* mention me with your question (`@Cita …`): I answer in the thread.',
          '• *In a direct message:* just ask. You also get the full citations.',
          '• `/cita <question>`: an answer only you can see, with a button to share it.',
          '• `/figures [topic]`: the key figures with their sources.',
          '• `sources` (or `/cita sources`): the articles I know.',
        ].join('\n'),
      ),
      sectionOf('*Ask me about:* Mexico'),
      { type: 'divider' },
      header('What I know'),
      sectionOf('I answer from one article:'),
      sectionOf('• <https://btw.example/a|Title btw> — BTW Media, 25 Sep 2024'),
      { type: 'divider' },
      header('Key figures'),
      sectionOf(
        '• *people &amp; SMEs &lt;reached&gt;*: 150,000 (<https://btw.example/a|BTW Media>) / 1.45 million (<https://ntn.example/b|NTN>) :warning:',
      ),
      { type: 'context', elements: [md('`/figures [topic]` shows them with their sources.')] },
    ]);
  });
});

describe('Spanish figures', () => {
  it('frames them in Spanish, Spanish dates; labels and values stay verbatim and escaped', () => {
    expect(figuresBlocks([agreed, disputed], { topic: 'inversión', share: true, language: 'es' })).toEqual([
      header('Cifras clave'),
      { type: 'context', elements: [md('Sobre «inversión»')] },
      sectionOf(
        '*Microsoft investment*: *$1.3 billion* — <https://btw.example/a|BTW Media> (25 sept 2024), <https://ntn.example/b|NTN>',
      ),
      sectionOf(
        '*people &amp; SMEs &lt;reached&gt;* — :warning: las fuentes difieren\n' +
          '• *150,000* — <https://btw.example/a|BTW Media> (25 sept 2024)\n' +
          '• *1.45 million* — <https://ntn.example/b|NTN>',
      ),
      {
        type: 'actions',
        block_id: 'cita_figures',
        elements: [
          {
            type: 'button',
            action_id: 'cita_share_figures',
            text: { type: 'plain_text', text: 'Compartir en el canal', emoji: true },
            value: 't:inversión',
            style: 'primary',
          },
        ],
      },
    ]);
  });

  it('shared, none found, and too many: every note in Spanish', () => {
    expect(figuresBlocks([agreed], { sharedBy: 'U0ANA', language: 'es' }).at(-1)).toEqual({
      type: 'context',
      elements: [md('Compartido por <@U0ANA>')],
    });
    expect(figuresBlocks([], { topic: '<!here>', language: 'es' })).toEqual([
      header('Cifras clave'),
      { type: 'context', elements: [md('Sobre «&lt;!here&gt;»')] },
      sectionOf(
        'No encontré cifras clave sobre «&lt;!here&gt;» en los artículos. Prueba `/figures` sin tema para verlas todas.',
      ),
    ]);
    const many = Array.from({ length: 45 }, (_, i) => ({ ...agreed, label: `figure ${i}` }));
    expect(figuresBlocks(many, { language: 'es' }).at(-1)).toEqual({
      type: 'context',
      elements: [md('…y 5 más. Acótalas con `/figures <tema>`.')],
    });
  });

  it('the fallback text is Spanish too', () => {
    expect(figuresText([disputed], 'empleos', 'es')).toBe(
      'Cifras clave sobre «empleos»:\n• people &amp; SMEs &lt;reached&gt;: 150,000 (BTW Media) / 1.45 million (NTN) — las fuentes difieren',
    );
    expect(figuresText([], '', 'es')).toBe('No encontré cifras clave en los artículos.');
    expect(figuresMessage([], { language: 'es' }).text).toBe('No encontré cifras clave en los artículos.');
  });

  it('the Home tab in Spanish', () => {
    const view = homeView({ articles: [], figures: [disputed], suggestions: ['Mexico'], language: 'es' });
    expect(view.blocks).toEqual([
      header('Cita'),
      sectionOf(
        'Respondo preguntas sobre los artículos de prensa de abajo, citándolos palabra por palabra con fuentes numeradas y enlazadas. Cuando las fuentes no coinciden, muestro todas las versiones.',
      ),
      header('Cómo preguntar'),
      sectionOf(
        [
          '• *En un canal:* mencióname con tu pregunta (`@Cita …`): respondo en el hilo.',
          '• *En un mensaje directo:* pregunta sin más. También recibes las citas completas.',
          '• `/cita <pregunta>`: una respuesta que solo ves tú, con un botón para compartirla.',
          '• `/figures [tema]`: las cifras clave con sus fuentes.',
          '• `fuentes` (o `/cita fuentes`): los artículos que conozco.',
        ].join('\n'),
      ),
      sectionOf('*Pregúntame por:* Mexico'),
      { type: 'divider' },
      header('Lo que sé'),
      sectionOf('Aún no tengo artículos cargados.'),
      { type: 'divider' },
      header('Cifras clave'),
      sectionOf(
        '• *people &amp; SMEs &lt;reached&gt;*: 150,000 (<https://btw.example/a|BTW Media>) / 1.45 million (<https://ntn.example/b|NTN>) :warning:',
      ),
      { type: 'context', elements: [md('`/figures [tema]` las muestra con sus fuentes.')] },
    ]);
  });
});
