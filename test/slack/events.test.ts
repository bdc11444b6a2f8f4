/**
 * Events end to end: signed requests into the real Bolt HTTP receiver on the shared server,
 * answers recorded by the fake Slack Web API. The shipped knowledge answers, so these assert
 * structure (thread, citations, escaping, one post), not wording.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from '../fakes/slackApi.ts';
import { BOT_TOKEN, type SlackHarness, shippedCita, startSlackHarness } from '../helpers/slackHarness.ts';
import { BOT_ID, BOT_USER_ID, mentionEvent, nextTs } from '../helpers/slackRequests.ts';

const QUESTION = 'How much is Microsoft investing in Mexico?';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  h.api.reset();
  h.delays.length = 0;
});

const mention = mentionEvent;

function dm(text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return {
    type: 'message',
    channel_type: 'im',
    user: 'U0ASKER',
    text,
    ts,
    channel: 'D0ASKER',
    event_ts: ts,
    ...extra,
  };
}

async function deliver(
  event: Record<string, unknown>,
  options: Parameters<SlackHarness['slack']['event']>[1] = {},
) {
  const res = await h.slack.event(event, options);
  await h.settle();
  return res;
}

/** Every mrkdwn/plain text in a posted message, blocks and fallback. */
function texts(call: ApiCall): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      for (const [k, x] of Object.entries(o)) if (k !== 'text' || typeof x !== 'string') walk(x);
    }
  };
  walk(call.args.blocks);
  if (typeof call.args.text === 'string') out.push(call.args.text);
  return out;
}

describe('Slack events over HTTP', () => {
  it('answers the URL verification challenge', async () => {
    const res = await h.slack.urlVerification('challenge-abc');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'challenge-abc' });
  });

  it('reports itself in /healthz', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(await res.json()).toEqual({
      status: 'ok',
      adapters: ['slack'],
      articles: (await shippedCita()).articles.length,
    });
  });

  it('answers a mention once, in a thread under the question, with linked citations', async () => {
    const event = mention(QUESTION);
    const res = await deliver(event);
    expect(res.status).toBe(200);
    const posts = h.api.posts('chat.postMessage');
    expect(posts).toHaveLength(1);
    const [post] = posts as [ApiCall];
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.args).toMatchObject({
      channel: 'C0GENERAL',
      thread_ts: event.ts,
      unfurl_links: 'false',
      unfurl_media: 'false',
    });
    expect(typeof post.args.text).toBe('string');
    expect((post.args.text as string).length).toBeGreaterThan(0);
    // Every citation of the core's answer is listed as a link with its publisher.
    const answer = (await shippedCita()).ask(QUESTION);
    expect(answer.answered).toBe(true);
    const all = texts(post).join('\n');
    for (const c of answer.citations) expect(all).toContain(`<${c.url}|`);
    const actions = (post.args.blocks as { type: string; elements?: { action_id: string }[] }[]).find(
      (b) => b.type === 'actions',
    );
    expect(actions?.elements?.map((e) => e.action_id)).toEqual([
      'cita_sources',
      'cita_feedback_up',
      'cita_feedback_down',
    ]);
  });

  it('replies inside the existing thread when the mention is in one', async () => {
    await deliver(mention(QUESTION, { thread_ts: '1709999999.000001' }));
    expect(h.api.posts('chat.postMessage')[0]?.args.thread_ts).toBe('1709999999.000001');
  });

  it('answers a bare mention with help, not silence', async () => {
    await deliver(mention(''));
    const [post] = h.api.posts('chat.postMessage');
    expect(post?.args.thread_ts).toBeDefined();
    expect(texts(post as ApiCall).join('\n')).toContain('/figures');
  });

  it('gives a visible, helpful decline for a question the articles do not cover', async () => {
    await deliver(mention('What is the boiling point of mercury on Venus?'));
    const [post] = h.api.posts('chat.postMessage');
    expect(post).toBeDefined();
    expect(texts(post as ApiCall).join('\n')).toContain('/cita help');
  });

  it('answers a DM with the full citations: every passage, title, publisher and link', async () => {
    await deliver(dm(QUESTION));
    const posts = h.api.posts('chat.postMessage');
    expect(posts).toHaveLength(1);
    const [post] = posts as [ApiCall];
    expect(post.args.channel).toBe('D0ASKER');
    expect(post.args.thread_ts).toBeUndefined();
    const all = texts(post).join('\n');
    const answer = (await shippedCita()).ask(QUESTION);
    for (const c of answer.citations) {
      expect(all).toContain(`<${c.url}|${c.title.replace(/&/g, '&amp;')}>`);
      expect(all).toContain(c.publisher);
      expect(all).toContain(`> ${c.passage.replace(/&/g, '&amp;').split('\n')[0]}`);
    }
  });

  it('lists the articles for "sources" in a DM', async () => {
    await deliver(dm('sources'));
    const all = texts(h.api.posts('chat.postMessage')[0] as ApiCall).join('\n');
    for (const a of (await shippedCita()).articles) expect(all).toContain(`<${a.url}|`);
  });

  it('ignores bots, its own messages, edits, joins and channel messages: no loops', async () => {
    await deliver(dm(QUESTION, { bot_id: 'B0OTHER' }));
    await deliver(dm(QUESTION, { user: BOT_USER_ID, bot_id: BOT_ID }));
    await deliver(dm(QUESTION, { subtype: 'message_changed' }));
    await deliver(dm('joined', { subtype: 'channel_join' }));
    await deliver(dm(QUESTION, { subtype: 'bot_message', bot_id: 'B0OTHER', user: undefined }));
    await deliver(dm(QUESTION, { channel_type: 'channel', channel: 'C0GENERAL' }));
    await deliver(mention(QUESTION, { bot_id: 'B0OTHER' }));
    expect(h.api.posts('chat.postMessage')).toEqual([]);
  });

  it('answers a retried event once (same event_id, X-Slack-Retry-Num)', async () => {
    const event = mention(QUESTION);
    await deliver(event, { eventId: 'EvRETRY1' });
    await deliver(event, { eventId: 'EvRETRY1', retryNum: 1 });
    await deliver(event, { eventId: 'EvRETRY1', retryNum: 2 });
    expect(h.api.posts('chat.postMessage')).toHaveLength(1);
    expect(h.logged('slack.duplicate')).not.toHaveLength(0);
  });

  it('answers a retry when it is the only copy that arrived', async () => {
    await deliver(mention(QUESTION), { eventId: 'EvONLYRETRY', retryNum: 1 });
    expect(h.api.posts('chat.postMessage')).toHaveLength(1);
  });

  it('answers a message once when it arrives as both app_mention and message', async () => {
    const event = dm(`<@${BOT_USER_ID}> ${QUESTION}`);
    await Promise.all([
      h.slack.event({ ...event, type: 'app_mention' }, { eventId: 'EvPAIR1' }),
      h.slack.event(event, { eventId: 'EvPAIR2' }),
    ]);
    await h.settle();
    expect(h.api.posts('chat.postMessage')).toHaveLength(1);
  });

  it('rejects a bad signature with 401 and posts nothing', async () => {
    const res = await h.slack.event(mention(QUESTION), { signature: 'v0=0000' });
    await h.settle();
    expect(res.status).toBe(401);
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('rejects a correctly signed request with a stale timestamp', async () => {
    const res = await h.slack.event(mention(QUESTION), {
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    await h.settle();
    expect(res.status).toBe(401);
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('waits out a 429 (Retry-After) and then posts exactly once', async () => {
    h.api.failNext('chat.postMessage', 1, { status: 429, retryAfter: 2 });
    await deliver(mention(QUESTION));
    expect(h.api.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
    expect(h.api.posts('chat.postMessage')).toHaveLength(1);
    expect(h.delays).toEqual([2000]);
    expect(h.logged('slack.retry')[0]).toMatchObject({ call: 'chat.postMessage', attempt: 1, delayMs: 2000 });
  });

  it('retries 5xx and network errors with backoff, then posts once', async () => {
    h.api.failNext('chat.postMessage', 1, { status: 500 });
    h.api.failNext('chat.postMessage', 1, { drop: true });
    await deliver(mention(QUESTION));
    expect(h.api.posts('chat.postMessage')).toHaveLength(1);
    expect(h.delays).toEqual([1000, 2000]);
  });

  it('gives up after the retry bound, logs it, and keeps serving', async () => {
    h.api.failNext('chat.postMessage', 4, { status: 503 });
    await deliver(mention(QUESTION));
    expect(h.api.posts('chat.postMessage')).toHaveLength(0);
    expect(h.delays).toEqual([1000, 2000, 4000]);
    expect(h.logged('slack.delivery_failed')).toHaveLength(1);
    await deliver(mention(QUESTION));
    expect(h.api.posts('chat.postMessage')).toHaveLength(1);
  });

  it('falls back to plain text when Slack rejects the blocks', async () => {
    h.api.failNext('chat.postMessage', 1, { error: 'invalid_blocks' });
    const event = mention(QUESTION);
    await deliver(event);
    const posts = h.api.posts('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.blocks).toBeUndefined();
    expect(posts[0]?.args).toMatchObject({ thread_ts: event.ts, unfurl_links: 'false' });
    expect(posts[0]?.args.text).toContain('<https://');
  });

  it('publishes the Home tab when it is opened', async () => {
    await deliver({
      type: 'app_home_opened',
      user: 'U0ASKER',
      channel: 'D0ASKER',
      tab: 'home',
      event_ts: nextTs(),
    });
    const [publish] = h.api.posts('views.publish');
    expect(publish?.args.user_id).toBe('U0ASKER');
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const all = JSON.stringify(view.blocks);
    for (const a of (await shippedCita()).articles) expect(all).toContain(a.url);
  });

  it('never logs the bot token', () => {
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain(BOT_TOKEN);
  });
});
