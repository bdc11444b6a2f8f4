/**
 * Slash commands end to end: `/figures` and `/cita` are acknowledged at once (form-encoded,
 * signed), and the answer arrives afterwards at the response_url (served by the fake).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KeyFigure } from '../../src/index.ts';
import { type SlackHarness, shippedCita, startSlackHarness } from '../helpers/slackHarness.ts';
import { citation, echoCita, FIGURE } from '../helpers/slackStubCita.ts';

interface Posted {
  response_type?: string;
  text?: string;
  blocks?: { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] }[];
}

const buttons = (body: Posted) =>
  (body.blocks ?? [])
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
    .map((e) => [e.action_id, e.value]);

describe('slash commands with the shipped knowledge', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());
  afterEach(() => h.api.reset());

  it('/figures: acks at once, then the response_url gets the figures privately, with Share', async () => {
    const release = h.api.holdNext('response_url');
    const res = await h.slack.command('/figures', '', { responseUrl: h.api.responseUrl('fig1') });
    // The acknowledgement came back while the figures were still held at the response_url.
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    release();
    await h.settle();
    expect(h.api.responses).toHaveLength(1);
    const [response] = h.api.responses;
    expect(response?.id).toBe('fig1');
    const body = response?.body as Posted;
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks?.[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Key figures', emoji: true },
    });
    const { figures } = (await shippedCita()).figures();
    const all = JSON.stringify(body.blocks);
    for (const f of figures.slice(0, 40))
      for (const v of f.values) expect(all).toContain(v.value.replace(/&/g, '&amp;'));
    if (figures.length > 0) expect(buttons(body)).toEqual([['cita_share_figures', 't:']]);
    expect(body.text?.length).toBeGreaterThan(0);
  });

  it('/cita <question>: a private answer with Share, Sources and feedback', async () => {
    await h.slack.command('/cita', 'How much is Microsoft investing in Mexico?', {
      responseUrl: h.api.responseUrl('c1'),
    });
    await h.settle();
    const body = h.api.responses[0]?.body as Posted;
    expect(body.response_type).toBe('ephemeral');
    expect(buttons(body).map(([id]) => id)).toEqual([
      'cita_share_answer',
      'cita_sources',
      'cita_feedback_up',
      'cita_feedback_down',
    ]);
    expect(buttons(body)[0]?.[1]).toBe('How much is Microsoft investing in Mexico?');
  });

  it('/cita help, /cita with nothing, and /cita sources', async () => {
    await h.slack.command('/cita', 'help', { responseUrl: h.api.responseUrl('help') });
    await h.slack.command('/cita', '  ', { responseUrl: h.api.responseUrl('empty') });
    await h.slack.command('/cita', 'sources', { responseUrl: h.api.responseUrl('sources') });
    await h.settle();
    const byId = Object.fromEntries(h.api.responses.map((r) => [r.id, JSON.stringify(r.body)]));
    expect(byId.help).toContain('How to ask Cita');
    expect(byId.empty).toContain('How to ask Cita');
    for (const a of (await shippedCita()).articles) expect(byId.sources).toContain(`<${a.url}|`);
  });

  it('retries a failing response_url and answers once', async () => {
    h.api.failNext('response_url', 1, { status: 500 });
    await h.slack.command('/figures', '', { responseUrl: h.api.responseUrl('retry') });
    await h.settle();
    expect(h.api.responses.map((r) => r.ok)).toEqual([false, true]);
  });

  it('reposts as plain text when the response_url rejects the blocks', async () => {
    h.api.failNext('response_url', 1, { error: 'invalid_blocks' });
    await h.slack.command('/figures', '', { responseUrl: h.api.responseUrl('plain') });
    await h.settle();
    expect(h.api.responses.map((r) => r.ok)).toEqual([false, true]);
    const body = h.api.responses[1]?.body as Posted;
    expect(body.blocks).toBeUndefined();
    expect(body).toMatchObject({ response_type: 'ephemeral' });
    expect(body.text).toContain('Key figures');
  });

  it('rejects a command with a bad signature', async () => {
    const res = await h.slack.command('/figures', '', {
      responseUrl: h.api.responseUrl('x'),
      signature: 'v0=bad',
    });
    await h.settle();
    expect(res.status).toBe(401);
    expect(h.api.responses).toEqual([]);
  });
});

describe('/figures rendering over the wire', () => {
  const disputed: KeyFigure = {
    label: 'people without access',
    kind: 'count',
    disputed: true,
    values: [
      {
        value: '150,000',
        citations: [citation(1, 'a', { publisher: 'BTW Media', url: 'https://a.example/x' })],
      },
      {
        value: '1.45 million',
        citations: [
          citation(2, 'b', {
            articleId: 'ntn',
            publisher: 'NTN',
            url: 'https://b.example/y',
            published: null,
          }),
        ],
      },
    ],
  };
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ cita: echoCita([FIGURE, disputed]) });
  });
  afterAll(() => h.close());
  afterEach(() => h.api.reset());

  it('shows every value of a disputed figure with its source, and the topic in the Share value', async () => {
    await h.slack.command('/figures', 'investments', { responseUrl: h.api.responseUrl('t') });
    await h.settle();
    const body = h.api.responses[0]?.body as Posted;
    expect(body.blocks?.map((b) => b.text?.text)).toContain(
      '*people without access* — :warning: the sources differ\n' +
        '• *150,000* — <https://a.example/x|BTW Media> (25 Sep 2024)\n' +
        '• *1.45 million* — <https://b.example/y|NTN>',
    );
    expect(buttons(body)).toEqual([['cita_share_figures', 't:investments']]);
  });

  it('says so when no figure matches the topic, without a Share button', async () => {
    await h.slack.command('/figures', 'bananas', { responseUrl: h.api.responseUrl('none') });
    await h.settle();
    const body = h.api.responses[0]?.body as Posted;
    expect(JSON.stringify(body.blocks)).toContain('I found no key figures about “bananas”');
    expect(buttons(body)).toEqual([]);
  });
});
