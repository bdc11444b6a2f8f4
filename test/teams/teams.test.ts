/**
 * The Teams adapter end to end: the real CloudAdapter behind the real server on loopback, fed the
 * activities Teams sends, talking to a fake Bot Connector. Answers come from the shipped
 * knowledge, so assertions are on structure (and on the renderers' output for the same answer),
 * never on wording.
 */

import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInFlight } from '../../adapters/inflight.ts';
import { createRateLimiter, rateLimitMessage } from '../../adapters/rateLimit.ts';
import { MAX_CARD_BYTES } from '../../adapters/teams/adaptiveCard.ts';
import {
  answerCard,
  citationEntity,
  figuresCard,
  fullCitationsCard,
  helpCard,
  sourcesCard,
} from '../../adapters/teams/cards.ts';
import { turnErrorLanguage } from '../../adapters/teams/index.ts';
import {
  RATE_LIMITED_TEXT,
  SOURCES_FAILED_TEXT,
  TURN_ERROR_TEXT,
  TURN_ERROR_TEXT_ES,
  WELCOME_TEXT,
  WELCOME_TEXT_ES,
} from '../../adapters/teams/messages.ts';
import type { Answer, Cita } from '../../src/index.ts';
import {
  BOT,
  botAdded,
  CHANNEL_CONVERSATION,
  channelClick,
  channelMessage,
  feedbackInvoke,
  type Harness,
  personalMessage,
  startHarness,
  TENANT,
  USER,
} from './harness.ts';

/** A core whose article text tries every trick. */
function nastyCita(): Cita {
  const quote = '<at>Everyone</at> **Free** [prizes](https://evil.example) <script>x</script>';
  const answer: Answer = {
    question: 'anything',
    answered: true,
    answer: `${quote} [1]`,
    citations: [
      {
        n: 1,
        articleId: 'evil',
        title: '<at>Team</at> [click](javascript:alert(1))',
        publisher: '**Evil**',
        url: 'javascript:alert(1)',
        published: null,
        author: null,
        quote,
        passage: quote,
      },
    ],
    conflict: null,
    language: 'en',
  };
  return {
    articles: [],
    passageCount: 1,
    ask: () => answer,
    figures: () => ({ topic: '', language: 'en', figures: [] }),
    suggestions: () => [],
  };
}

const QUESTION = 'How much is Microsoft investing in Mexico?';
const SPANISH_QUESTION = '¿Cuánto invierte Microsoft en México?';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

type Json = any;
const cardOf = (body: Json) => body.attachments?.[0]?.content;
const markersIn = (text: string) => [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

describe('Teams adapter, local (no app id)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  beforeEach(() => h.connector.reset());
  afterAll(async () => {
    // Nothing but the loopback server and fake connector was ever contacted (no token fetches).
    expect(h.connections.length).toBeGreaterThan(0);
    expect(h.connections.every((host) => host === '127.0.0.1')).toBe(true);
    await h.close();
  });

  it('lists itself in /healthz', async () => {
    const res = await fetch(`${h.base}/healthz`);
    expect(((await res.json()) as Json).adapters).toEqual(['teams']);
  });

  it('answers a channel @mention with one threaded reply: card, [n] markers and the FULL citation entity', async () => {
    const incoming = channelMessage(h.connector.url, QUESTION);
    const res = await h.post(incoming);
    expect(res.status).toBe(200);

    expect(h.connector.calls).toHaveLength(1);
    const [call] = h.connector.calls as Json[];
    expect(call.route).toBe('replyToActivity');
    expect(call.conversationId).toBe(CHANNEL_CONVERSATION);
    expect(call.replyToId).toBe(incoming.id);

    const answer = h.cita.ask(QUESTION); // the mention is stripped: the core got exactly the question
    expect(answer.answered).toBe(true);
    const body = call.body;
    expect(body.type).toBe('message');
    expect(body.from.id).toBe(BOT.id);
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0].contentType).toBe(ADAPTIVE);
    expect(cardOf(body)).toEqual(answerCard(answer));
    expect(cardOf(body).version).toBe('1.5');
    expect(cardOf(body).actions).toEqual([
      { type: 'Action.Submit', title: 'Sources', data: { cita: 'sources', question: QUESTION } },
    ]);
    expect(body.channelData).toEqual({ feedbackLoopEnabled: true });

    // The 4.23.3 serializer would have cut this down to { type }: the whole entity must arrive.
    expect(body.entities).toEqual([citationEntity(answer)]);
    const entity = body.entities[0];
    expect(entity['@type']).toBe('Message');
    expect(entity.citation.length).toBeGreaterThan(0);
    expect(entity.citation[0].appearance.url).toMatch(/^https:\/\//);
    const positions = entity.citation.map((c: Json) => c.position).sort();
    expect([...new Set(markersIn(body.text))].sort()).toEqual(positions);
  });

  it('replies in a group chat with the channel card', async () => {
    const incoming = channelMessage(h.connector.url, QUESTION, {
      conversation: {
        id: '19:group-chat@thread.v2',
        conversationType: 'groupChat',
        isGroup: true,
        tenantId: TENANT,
      },
    });
    await h.post(incoming);
    expect(h.connector.calls).toHaveLength(1);
    expect(h.connector.calls[0]?.conversationId).toBe('19:group-chat@thread.v2');
    expect(cardOf(h.connector.calls[0]?.body)).toEqual(answerCard(h.cita.ask(QUESTION)));
  });

  it('answers in a personal chat with the full citations: passage, title, publisher, date, link', async () => {
    await h.post(personalMessage(h.connector.url, QUESTION));
    expect(h.connector.calls).toHaveLength(1);
    const body = h.connector.calls[0]?.body;
    const answer = h.cita.ask(QUESTION);
    expect(cardOf(body)).toEqual(fullCitationsCard(answer));
    expect(body.entities).toEqual([citationEntity(answer)]);
    const json = JSON.stringify(cardOf(body));
    for (const c of answer.citations) {
      expect(json).toContain(JSON.stringify(c.title));
      expect(json).toContain(c.publisher);
      expect(json).toContain(c.url);
      if (c.published) expect(json).toContain(c.published);
      expect(json).toContain(JSON.stringify(c.quote)); // the quote, highlighted inside its passage
    }
    expect(cardOf(body).actions).toBeUndefined(); // already the full citations: no Sources button
  });

  it('answers the figures command with the key figures card, with and without a topic', async () => {
    await h.post(channelMessage(h.connector.url, 'figures'));
    await h.post(personalMessage(h.connector.url, 'figures Viasat'));
    expect(h.connector.calls).toHaveLength(2);
    expect(cardOf(h.connector.calls[0]?.body)).toEqual(figuresCard(h.cita.figures().figures));
    expect(cardOf(h.connector.calls[1]?.body)).toEqual(
      figuresCard(h.cita.figures('Viasat').figures, 'Viasat'),
    );
  });

  it('answers sources and help, and a bare @mention with help', async () => {
    await h.post(channelMessage(h.connector.url, 'sources'));
    await h.post(channelMessage(h.connector.url, '/help'));
    await h.post(channelMessage(h.connector.url, ''));
    const cards = h.connector.calls.map((c) => cardOf(c.body));
    expect(cards).toEqual([
      sourcesCard(h.cita.articles),
      helpCard(h.cita.suggestions()),
      helpCard(h.cita.suggestions()),
    ]);
  });

  it('answers ayuda, fuentes and cifras in Spanish, and help/figures in Spanish for a Spanish locale', async () => {
    const spanish = { locale: 'es-MX' };
    await h.post(channelMessage(h.connector.url, 'ayuda'));
    await h.post(channelMessage(h.connector.url, 'fuentes'));
    await h.post(personalMessage(h.connector.url, 'cifras'));
    await h.post(channelMessage(h.connector.url, 'help', spanish));
    await h.post(channelMessage(h.connector.url, '', spanish));
    await h.post(personalMessage(h.connector.url, 'figures', spanish));
    await h.post(personalMessage(h.connector.url, 'figures empleos'));
    const bodies = h.connector.calls.map((c) => c.body as Json);
    const suggestions = h.cita.suggestions();
    const all = h.cita.figures(undefined, { locale: 'es' }).figures;
    expect(bodies.map(cardOf)).toEqual([
      helpCard(suggestions, 'es'),
      sourcesCard(h.cita.articles, 'es'),
      figuresCard(all, undefined, 'es'),
      helpCard(suggestions, 'es'),
      helpCard(suggestions, 'es'),
      figuresCard(all, undefined, 'es'),
      figuresCard(h.cita.figures('empleos').figures, 'empleos', 'es'),
    ]);
    expect(bodies[2].summary).toBe('Cifras clave');
    expect(h.cita.figures('empleos').language).toBe('es');
  });

  it('keeps English the default: help, sources and figures for an English locale', async () => {
    await h.post(personalMessage(h.connector.url, 'figures'));
    await h.post(personalMessage(h.connector.url, 'help'));
    const bodies = h.connector.calls.map((c) => c.body as Json);
    expect(cardOf(bodies[0])).toEqual(figuresCard(h.cita.figures().figures, undefined, 'en'));
    expect(bodies[0].summary).toBe('Key figures');
    expect(cardOf(bodies[1])).toEqual(helpCard(h.cita.suggestions(), 'en'));
  });

  it('declines visibly, with suggestions to click', async () => {
    const question = 'zzqx blorf vantablack';
    await h.post(channelMessage(h.connector.url, question));
    const body = h.connector.calls[0]?.body;
    const answer = h.cita.ask(question);
    expect(answer.answered).toBe(false);
    expect(cardOf(body)).toEqual(answerCard(answer));
    expect(body.entities).toBeUndefined();
    expect(body.summary).toBeTruthy();
  });

  it('Sources: sends the asker a proactive 1:1 message with the full citations, nothing in the channel', async () => {
    await h.post(channelClick(h.connector.url, { cita: 'sources', question: QUESTION }));
    expect(h.connector.calls.map((c) => c.route)).toEqual(['createConversation', 'sendToConversation']);
    const [create, send] = h.connector.calls as Json[];
    expect(create.body).toEqual({
      isGroup: false,
      bot: BOT,
      members: [{ id: USER.id, name: USER.name }],
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
    });
    expect(send.conversationId).toMatch(/^a:personal-/);
    expect(cardOf(send.body)).toEqual(fullCitationsCard(h.cita.ask(QUESTION), { withQuestion: true }));
  });

  it('Sources: says so in the thread when the private chat cannot be opened', async () => {
    h.connector.failNext(1, { status: 403 });
    await h.post(channelClick(h.connector.url, { cita: 'sources', question: QUESTION }));
    expect(h.connector.calls.map((c) => [c.route, c.status])).toEqual([
      ['createConversation', 403],
      ['replyToActivity', 200],
    ]);
    expect(h.connector.calls[1]?.body.text).toBe(SOURCES_FAILED_TEXT);
    expect(h.logs.some((l) => l.event === 'teams.sources.failed')).toBe(true);
  });

  it('a suggestion button asks its question', async () => {
    await h.post(channelClick(h.connector.url, { cita: 'ask', question: QUESTION }));
    expect(cardOf(h.connector.calls[0]?.body)).toEqual(answerCard(h.cita.ask(QUESTION)));
  });

  it('answers the feedback invoke with 200 and logs it, sending nothing', async () => {
    const res = await h.post(
      feedbackInvoke(h.connector.url, {
        actionName: 'feedback',
        actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'Wrong figure' }) },
      }),
    );
    expect(res).toEqual({ status: 200, text: '{}' });
    expect(h.connector.calls).toHaveLength(0);
    expect(h.logs.at(-1)).toMatchObject({
      event: 'teams.feedback',
      actionName: 'feedback',
      reaction: 'dislike',
      text: 'Wrong figure',
      replyToId: 'answer-activity-1',
    });
  });

  it('says briefly what it can do when added to a conversation', async () => {
    await h.post(botAdded(h.connector.url));
    expect(h.connector.calls).toHaveLength(1);
    expect(h.connector.calls[0]?.body.text).toBe(WELCOME_TEXT);
  });

  it('says hello in Spanish, with the Spanish commands, to a Spanish locale', async () => {
    await h.post({ ...botAdded(h.connector.url), locale: 'es-MX' });
    await h.post({ ...botAdded(h.connector.url), locale: 'en-US' });
    expect(h.connector.calls.map((c) => c.body.text)).toEqual([WELCOME_TEXT_ES, WELCOME_TEXT]);
    expect(WELCOME_TEXT_ES).toContain('**cifras** [tema], **fuentes**, **ayuda**');
    expect(h.logs.at(-2)).toMatchObject({ event: 'teams.welcome', language: 'es' });
  });

  it('retries a failing connector call within bounds and logs each retry', async () => {
    h.connector.failNext(1, { status: 500 });
    h.connector.failNext(1, { status: 429, retryAfter: '0' });
    await h.post(channelMessage(h.connector.url, QUESTION));
    expect(h.connector.calls.map((c) => c.status)).toEqual([500, 429, 200]);
    expect(h.connector.delivered()).toHaveLength(1);
    const retries = h.logs.filter((l) => l.event === 'teams.connector.retry');
    expect(retries.slice(-2).map((l) => [l.status, l.attempt])).toEqual([
      [500, 1],
      [429, 2],
    ]);
  });

  it('gives up after the bounded attempts, logs, never crashes and never shows a stack trace', async () => {
    h.connector.failNext(6, { status: 503 });
    const res = await h.post(channelMessage(h.connector.url, QUESTION));
    expect(res.status).toBeLessThan(500);
    // 3 attempts for the answer, 3 for the apology: botbuilder's own retries are gone.
    expect(h.connector.calls).toHaveLength(6);
    expect(h.logs.filter((l) => l.event === 'teams.connector.gave_up')).toHaveLength(2);
    expect(h.logs.some((l) => l.event === 'teams.turn_error')).toBe(true);

    // Next time the connector works and the apology is the only thing a user would see of an error.
    h.connector.reset();
    h.connector.failNext(3, { status: 500 });
    await h.post(channelMessage(h.connector.url, QUESTION));
    const apology = h.connector.delivered()[0]?.body;
    expect(apology.text).toBe(TURN_ERROR_TEXT);
    expect(JSON.stringify(apology)).not.toMatch(/\bat \S+ \(|Error:/);
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
  });

  it('apologizes in Spanish for a Spanish question', async () => {
    h.connector.failNext(3, { status: 500 });
    await h.post(channelMessage(h.connector.url, SPANISH_QUESTION));
    expect(h.connector.delivered().map((c) => c.body.text)).toEqual([TURN_ERROR_TEXT_ES]);
  });

  it('never lets user text inject markup or mentions', async () => {
    const nasty =
      'How much is <at>Everyone</at> **Microsoft** investing [x](javascript:alert(1)) <script>x</script> in Mexico?';
    await h.post(channelMessage(h.connector.url, nasty));
    const body = h.connector.calls[0]?.body;
    const question = cardOf(body).actions?.[0]?.data?.question ?? '';
    expect(question).not.toMatch(/<at>|<script>/);
    expect(JSON.stringify(body)).not.toMatch(/<at>|<script>/);
    expect((body.entities ?? []).every((e: Json) => e.type !== 'mention')).toBe(true);
    expect(JSON.stringify(cardOf(body))).not.toContain('"TextBlock"');
  });

  it('escapes markup and mentions that come from the articles', async () => {
    const nasty = nastyCita();
    const own = await startHarness({ cita: nasty });
    try {
      await own.post(channelMessage(own.connector.url, 'anything'));
      const body = own.connector.calls[0]?.body;
      expect(body.text).toBe(
        '&lt;at&gt;Everyone&lt;/at&gt; \\*\\*Free\\*\\* \\[prizes\\](https://evil.example) &lt;script&gt;x&lt;/script&gt; [1]',
      );
      expect(body.entities).toEqual([citationEntity(nasty.ask('anything'))]);
      expect(cardOf(body)).toEqual(answerCard(nasty.ask('anything')));
      expect(JSON.stringify(cardOf(body))).not.toContain('"TextBlock"');
      expect(JSON.stringify(cardOf(body))).not.toContain('"url":"javascript:'); // shown as text, never a link
    } finally {
      await own.close();
    }
  });

  it('keeps oversize questions inside the size limits', async () => {
    const huge = `${QUESTION} ${'Mexico investment cloud '.repeat(4000)}`;
    const res = await h.post(personalMessage(h.connector.url, huge));
    expect(res.status).toBe(200);
    const call = h.connector.calls[0];
    expect(Buffer.byteLength(JSON.stringify(cardOf(call?.body)))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(Buffer.byteLength(call?.raw ?? '')).toBeLessThan(40_000);
  });

  it('refuses odd requests with 4xx and sends nothing', async () => {
    const url = h.connector.url;
    const cases: [unknown, number][] = [
      ['not json', 400],
      [[1, 2], 400],
      [{ ...personalMessage(url, 'hi'), type: undefined }, 400],
      [{ ...personalMessage(url, 'hi'), conversation: undefined }, 400],
      [{ ...personalMessage(url, 'hi'), serviceUrl: 'javascript:alert(1)' }, 400],
      // Unauthenticated local use never posts anywhere but loopback.
      [{ ...personalMessage(url, 'hi'), serviceUrl: 'https://smba.trafficmanager.net/emea/' }, 400],
      [{ ...personalMessage(url, 'hi'), type: 'invoke', name: 'something/else' }, 501],
      [`{"type":"message","text":"${'x'.repeat(1_100_000)}"}`, 413],
    ];
    for (const [body, status] of cases)
      expect((await h.post(body)).status, JSON.stringify(body).slice(0, 80)).toBe(status);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('copes with malformed but parseable activities', async () => {
    const url = h.connector.url;
    await h.post({ ...personalMessage(url, 'x'), text: 42 }); // not a string: help
    await h.post({ ...channelMessage(url, QUESTION), entities: [{ foo: 1 }, null] }); // broken mention entities
    await h.post({ ...personalMessage(url, QUESTION), from: undefined });
    expect(h.connector.delivered()).toHaveLength(3);
    expect(cardOf(h.connector.calls[0]?.body)).toEqual(helpCard(h.cita.suggestions()));
  });
});

describe('Teams adapter, rate limit', () => {
  it('tells a user who asks too fast when to ask again, per user', async () => {
    const h = await startHarness({ rateLimitPerMinute: 2 });
    try {
      for (let i = 0; i < 3; i++) await h.post(personalMessage(h.connector.url, QUESTION));
      await h.post(
        personalMessage(h.connector.url, QUESTION, { from: { id: '29:someone-else', name: 'Bo' } }),
      );
      await h.post(personalMessage(h.connector.url, 'help')); // commands that do not ask the core are free
      const sent = h.connector.calls.map((c) => c.body);
      expect(sent).toHaveLength(5);
      expect(sent[2].text).toMatch(
        /^You're asking faster than I can keep up with\. Please try again in \d+ s\.$/,
      );
      expect(sent[2].attachments).toBeUndefined();
      expect(cardOf(sent[3])).toEqual(fullCitationsCard(h.cita.ask(QUESTION)));
      expect(h.logs.filter((l) => l.event === 'teams.rate_limited')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});

describe('Teams adapter, rate limit in Spanish', () => {
  it('tells a Spanish asker in Spanish, whatever the locale; English askers in English', async () => {
    const h = await startHarness({ rateLimitPerMinute: 1 });
    const from = (id: string) => ({ from: { id, name: id } });
    try {
      await h.post(personalMessage(h.connector.url, SPANISH_QUESTION, from('29:es')));
      await h.post(personalMessage(h.connector.url, SPANISH_QUESTION, from('29:es'))); // en-US locale
      await h.post(personalMessage(h.connector.url, 'cifras', from('29:es')));
      await h.post(personalMessage(h.connector.url, 'figures', { ...from('29:es'), locale: 'es-MX' }));
      await h.post(personalMessage(h.connector.url, QUESTION, { ...from('29:en'), locale: 'es-MX' }));
      await h.post(personalMessage(h.connector.url, QUESTION, { ...from('29:en'), locale: 'es-MX' }));
      const texts: string[] = h.connector.calls.map((c) => c.body.text);
      const seconds = (text: string | undefined) => Number(/(\d+) s\.$/.exec(text ?? '')?.[1]);
      expect(texts.slice(1, 4)).toEqual(
        texts.slice(1, 4).map((text) => rateLimitMessage(seconds(text), 'es')),
      );
      expect(texts[1]).toMatch(/^Estás preguntando muy rápido\. Inténtalo de nuevo en \d+ s\.$/);
      expect(texts[5]).toBe(rateLimitMessage(seconds(texts[5]), 'en'));
      expect(h.logs.filter((l) => l.event === 'teams.rate_limited').map((l) => l.language)).toEqual([
        'es',
        'es',
        'es',
        'en',
      ]);
    } finally {
      await h.close();
    }
  });
});

describe('Teams adapter, turn errors', () => {
  /** A core that fails on every call: each message turn ends in onTurnError. */
  function brokenCita(): Cita {
    const fail = (): never => {
      throw new Error('core exploded at /srv/cita/src/answer.ts:42');
    };
    return { articles: [], passageCount: 0, ask: fail, figures: fail, suggestions: fail };
  }

  it('apologizes in the language of the question (then the locale), never with the error', async () => {
    const h = await startHarness({ cita: brokenCita() });
    try {
      await h.post(channelMessage(h.connector.url, SPANISH_QUESTION));
      await h.post(personalMessage(h.connector.url, QUESTION, { locale: 'es-MX' }));
      await h.post(personalMessage(h.connector.url, '', { text: 42, locale: 'es-MX' })); // not a string
      await h.post(personalMessage(h.connector.url, '', { text: { x: 1 }, locale: undefined })); // nothing to go by
      expect(h.connector.calls.map((c) => c.body.text)).toEqual([
        TURN_ERROR_TEXT_ES,
        TURN_ERROR_TEXT,
        TURN_ERROR_TEXT_ES,
        TURN_ERROR_TEXT,
      ]);
      expect(h.connector.calls.map((c) => c.raw).join('\n')).not.toContain('exploded');
      expect(h.logs.filter((l) => l.event === 'teams.turn_error')).toHaveLength(4);
      expect(h.logs.some((l) => l.event === 'teams.turn_error.reply_failed')).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('turnErrorLanguage never throws, whatever the activity holds', () => {
    expect(turnErrorLanguage({ text: SPANISH_QUESTION, locale: 'en-US' })).toBe('es');
    expect(
      turnErrorLanguage({ text: '<at>Cita</at> cuanto invierte Microsoft en Mexico', locale: 'en-US' }),
    ).toBe('es');
    expect(turnErrorLanguage({ locale: 'es-419' })).toBe('es');
    expect(turnErrorLanguage({})).toBe('en');
    const odd = [null, undefined, 42, {}, [], Symbol('x')];
    for (const text of odd)
      for (const locale of odd)
        expect(['en', 'es']).toContain(turnErrorLanguage({ text, locale } as unknown as Partial<Activity>));
  });
});

describe('Teams adapter, shared services', () => {
  it('counts each turn as in flight until its reply is sent, and uses the shared limiter', async () => {
    const inflight = createInFlight();
    const tracked = vi.spyOn(inflight, 'track');
    const limiter = createRateLimiter(1);
    const h = await startHarness({ shared: { inflight, limiter } });
    try {
      await h.post(personalMessage(h.connector.url, QUESTION));
      await h.post(personalMessage(h.connector.url, QUESTION));
      expect(tracked).toHaveBeenCalledTimes(2);
      expect(inflight.size).toBe(0);
      expect(limiter.retryAfter(`teams:${USER.aadObjectId}`)).toBeGreaterThan(0);
      expect(h.connector.calls[1]?.body.text).toMatch(/^You're asking faster/);
    } finally {
      await h.close();
    }
  });
});

describe('Teams adapter, with an app id (authenticated)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      teams: {
        local: false,
        appId: '00000000-0000-0000-0000-0000000c17a0',
        appPassword: 'not-a-real-secret',
        appType: 'MultiTenant',
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 401 to a request without a token: no bot code runs, nothing is sent, no network', async () => {
    const res = await h.post(channelMessage(h.connector.url, QUESTION));
    expect(res.status).toBe(401);
    expect(h.connector.calls).toHaveLength(0);
    expect(
      h.logs.some((l) => typeof l.event === 'string' && /teams\.(answer|command|turn_error)/.test(l.event)),
    ).toBe(false);
    expect(h.connections.every((host) => host === '127.0.0.1')).toBe(true);
  });

  it('answers 401 to an invalid token (checked by botbuilder) without contacting any network', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // botbuilder prints auth failures
    try {
      const res = await h.post(channelMessage(h.connector.url, QUESTION), {
        authorization: 'Bearer not.a.jwt',
      });
      expect(res.status).toBe(401);
    } finally {
      quiet.mockRestore();
    }
    expect(h.connector.calls).toHaveLength(0);
    expect(h.connections.every((host) => host === '127.0.0.1')).toBe(true);
  });

  it('never logs the app password or a token', () => {
    expect(h.logLines.join('\n')).not.toMatch(/not-a-real-secret|not\.a\.jwt/);
  });
});
