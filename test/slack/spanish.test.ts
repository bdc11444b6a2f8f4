/**
 * Spanish in Slack end to end: the user's Slack locale (`users.info`, served by the fake Web API)
 * is the language hint for answers, `/figures`, help and the Home tab; a Spanish keyword or topic
 * says Spanish on its own; a failing or slow `users.info` costs nothing but the hint.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Cita } from '../../src/index.ts';
import type { ApiCall } from '../fakes/slackApi.ts';
import { type SlackHarness, shippedCita, startSlackHarness } from '../helpers/slackHarness.ts';
import { BOT_USER_ID } from '../helpers/slackRequests.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());
afterEach(() => {
  h.api.reset();
  h.delays.length = 0;
});

let counter = 0;
/** A user id never seen before: the adapter remembers locales per user for an hour. */
function newUser(locale?: string): string {
  const user = `U0USER${++counter}`;
  if (locale) h.api.setLocale(user, locale);
  return user;
}

function event(type: 'app_mention' | 'message', user: string, text: string) {
  const ts = `1720000000.${String(++counter).padStart(6, '0')}`;
  return type === 'app_mention'
    ? { type, user, text: `<@${BOT_USER_ID}> ${text}`, ts, channel: 'C0GENERAL', event_ts: ts }
    : { type, channel_type: 'im', user, text, ts, channel: `D${user}`, event_ts: ts };
}

async function send(e: Record<string, unknown>): Promise<ApiCall> {
  await h.slack.event(e);
  await h.settle();
  const [post] = h.api.posts('chat.postMessage');
  if (!post) throw new Error('nothing was posted');
  return post;
}

async function command(name: string, text: string, user: string) {
  const id = `r${++counter}`;
  await h.slack.command(name, text, { responseUrl: h.api.responseUrl(id), user });
  await h.settle();
  const response = h.api.responses.find((r) => r.id === id && r.ok);
  if (!response) throw new Error('no response');
  return response.body;
}

const all = (x: unknown) => JSON.stringify(x);

describe("the Slack user's locale as a language hint", () => {
  it('asks users.info for the locale, once per user', async () => {
    const user = newUser('es-ES');
    await send(event('message', user, 'Viasat'));
    await send(event('message', user, 'Microsoft'));
    expect(h.api.posts('users.info').map((c) => [c.args.user, c.args.include_locale])).toEqual([
      [user, 'true'],
    ]);
  });

  it('a Spanish-locale user gets a language-neutral question answered in Spanish; an English one in English', async () => {
    const post = await send(event('app_mention', newUser('es-ES'), 'Viasat'));
    expect(post.args.text).toMatch(/^Las fuentes difieren\./);
    expect(all(post.args.blocks)).toContain(':warning: *Las fuentes difieren*');
    expect(all(post.args.blocks)).toContain('"text":"Fuentes"');
    h.api.reset();

    const english = await send(event('app_mention', newUser('en-US'), 'Viasat'));
    expect(english.args.text).toMatch(/^The sources differ\./);
    expect(all(english.args.blocks)).toContain('"text":"Sources"');
  });

  it('/cita and a DM follow the locale too', async () => {
    const user = newUser('es-MX');
    const body = await command('/cita', 'Viasat', user);
    expect(body.text).toMatch(/^Las fuentes difieren\./);
    expect(all(body.blocks)).toContain('"text":"Compartir en el canal"');
    const dm = await send(event('message', user, 'Viasat'));
    expect(dm.args.text).toMatch(/^Las fuentes difieren\./);
  });

  it('/figures with no topic: Spanish framing for a Spanish-locale user, English for an English one', async () => {
    const spanish = await command('/figures', '', newUser('es-ES'));
    expect((spanish.blocks as unknown[])[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Cifras clave', emoji: true },
    });
    expect(spanish.text).toMatch(/^Cifras clave:\n/);
    expect(all(spanish.blocks)).toContain('"text":"Compartir en el canal"');

    const english = await command('/figures', '', newUser('en-US'));
    expect(all((english.blocks as unknown[])[0])).toContain('"text":"Key figures"');
    expect(all(english.blocks)).toContain('"text":"Share in channel"');
  });

  it('/figures with a Spanish topic is framed in Spanish whatever the locale', async () => {
    const body = await command('/figures', 'empleos', newUser('en-US'));
    expect(all(body.blocks)).toContain('"text":"Cifras clave"');
    expect(all(body.blocks)).toContain('Sobre «empleos»');
  });

  it('Share in channel (figures) re-renders in the clicker’s language, “Compartido por”', async () => {
    const user = newUser('es-ES');
    await h.slack.buttonClick(
      { actionId: 'cita_share_figures', value: 't:' },
      { responseUrl: h.api.responseUrl('share-es'), user },
    );
    await h.settle();
    const shared = all(h.api.responses[0]?.body.blocks);
    expect(shared).toContain('"text":"Cifras clave"');
    expect(shared).toContain(`Compartido por <@${user}>`);
  });

  it('help and sources: Spanish for a Spanish keyword or a Spanish-locale user, English otherwise', async () => {
    const english = newUser('en-US');
    expect(all((await send(event('message', english, 'ayuda'))).args)).toContain('Cómo preguntar a Cita');
    h.api.reset();
    expect(all((await send(event('message', english, 'help'))).args)).toContain('How to ask Cita');
    h.api.reset();
    expect(all((await send(event('message', english, 'fuentes'))).args)).toContain('Respondo a partir de');
    h.api.reset();
    const spanish = newUser('es-ES');
    expect(all((await send(event('message', spanish, 'help'))).args)).toContain('Cómo preguntar a Cita');
    h.api.reset();
    const mention = await send(event('app_mention', spanish, ''));
    expect(mention.args.text).toMatch(/^Respondo preguntas/);
    expect(all(mention.args.blocks)).toContain('`/figures [tema]`: las cifras clave con sus fuentes.');
  });

  it('the Home tab is in the viewer’s language', async () => {
    const user = newUser('es-ES');
    await h.slack.event({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1.2' });
    await h.settle();
    const view = all(h.api.posts('views.publish')[0]?.args.view);
    for (const heading of ['Cómo preguntar', 'Lo que sé', 'Cifras clave']) expect(view).toContain(heading);
    expect(view).not.toContain('How to ask');
  });

  it('answers in English when users.info fails, logs it, and does not ask again at once', async () => {
    const user = newUser('es-ES');
    h.api.failNext('users.info', 1, { error: 'missing_scope' });
    const post = await send(event('app_mention', user, 'Viasat'));
    expect(post.args.text).toMatch(/^The sources differ\./);
    expect(h.logged('slack.locale_unavailable').at(-1)).toMatchObject({ user, slackError: 'missing_scope' });
    h.api.reset();
    const figures = await command('/figures', '', user);
    expect(all(figures.blocks)).toContain('"text":"Key figures"');
    expect(h.api.calls.filter((c) => c.method === 'users.info')).toEqual([]);
  });
});

describe('a slow users.info', () => {
  let slow: SlackHarness;
  beforeAll(async () => {
    slow = await startSlackHarness({ locale: { timeoutMs: 50 } });
  });
  afterAll(() => slow.close());

  it('never holds the answer beyond the timeout', async () => {
    slow.api.setLocale('U0SLOW', 'es-ES');
    slow.api.failNext('users.info', 1, { hang: true });
    const started = performance.now();
    await slow.slack.event(event('app_mention', 'U0SLOW', 'Viasat'));
    await slow.settle();
    expect(performance.now() - started).toBeLessThan(5_000);
    const [post] = slow.api.posts('chat.postMessage');
    expect(post?.args.text).toMatch(/^The sources differ\./);
    expect(slow.logged('slack.locale_unavailable')).toEqual([
      expect.objectContaining({ user: 'U0SLOW', timeoutMs: 50 }),
    ]);
  });
});

describe('what the adapter itself says, in Spanish', () => {
  let limited: SlackHarness;
  let failing = false;
  beforeAll(async () => {
    const cita = await shippedCita();
    // A core that fails on demand: the adapter must still apologise, in the asker's language.
    const flaky: Cita = {
      articles: cita.articles,
      passageCount: cita.passageCount,
      ask: (question, options) => {
        if (failing) throw new Error('index unavailable');
        return cita.ask(question, options);
      },
      figures: (topic, options) => cita.figures(topic, options),
      suggestions: () => cita.suggestions(),
    };
    limited = await startSlackHarness({ cita: flaky, rateLimitPerMinute: 1 });
  });
  afterAll(() => limited.close());
  afterEach(() => {
    failing = false;
    limited.api.reset();
  });

  const post = async (e: Record<string, unknown>) => {
    await limited.slack.event(e);
    await limited.settle();
    return limited.api.posts('chat.postMessage').at(-1)?.args.text;
  };

  it('the rate-limit reply follows the question and the locale', async () => {
    const user = `U0FAST${++counter}`;
    await post(event('message', user, '¿Cuánto invierte Microsoft en México?'));
    expect(await post(event('message', user, '¿Y en qué ciudad?'))).toMatch(/^Estás preguntando muy rápido/);
    const english = `U0FAST${++counter}`;
    await post(event('message', english, 'How much is Microsoft investing?'));
    expect(await post(event('message', english, 'And where?'))).toMatch(/^You're asking faster/);
  });

  it('a failure is apologised for in Spanish to a Spanish question, in English otherwise', async () => {
    failing = true;
    expect(await post(event('app_mention', `U0FAIL${++counter}`, '¿Cuántos empleos se crearán?'))).toBe(
      'Lo siento, algo falló por mi parte al responder. Inténtalo de nuevo en un momento.',
    );
    expect(await post(event('message', `U0FAIL${++counter}`, 'How many jobs?'))).toMatch(
      /^Sorry, something went wrong/,
    );
    expect(limited.logged('slack.listener_failed')).toHaveLength(2);
  });

  it('👍 / 👎 on a Spanish answer are acknowledged in Spanish', async () => {
    for (const [actionId, id] of [
      ['cita_feedback_up', 'up'],
      ['cita_feedback_down', 'down'],
    ] as const) {
      await limited.slack.buttonClick(
        { actionId, value: '¿Cuánto invierte Microsoft en México?' },
        { responseUrl: limited.api.responseUrl(id), user: `U0RATE${++counter}` },
      );
    }
    await limited.settle();
    expect(limited.api.responses.map((r) => [r.id, r.body.text])).toEqual([
      ['up', 'Gracias, me alegra que te haya servido.'],
      ['down', 'Gracias por decírmelo. He anotado que esta respuesta no acertó.'],
    ]);
  });
});
