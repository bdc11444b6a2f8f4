/**
 * Nobody can make Cita ping: mentions in questions and in article text reach Slack escaped,
 * in the blocks and in the fallback text alike.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from '../fakes/slackApi.ts';
import { type SlackHarness, startSlackHarness } from '../helpers/slackHarness.ts';
import { BOT_USER_ID } from '../helpers/slackRequests.ts';
import { echoCita } from '../helpers/slackStubCita.ts';

/** Raw pings: `<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`, `<@U…>` (our own Shared-by aside). */
const PING = /<!(?:channel|here|everyone|subteam)|<@(?!U0ASKER>)/;

let ts = 0;
const mention = (text: string) => {
  const t = `1720000000.${String(++ts).padStart(6, '0')}`;
  return {
    type: 'app_mention',
    user: 'U0ASKER',
    text: `<@${BOT_USER_ID}> ${text}`,
    ts: t,
    channel: 'C0GENERAL',
    event_ts: t,
  };
};

/** Everything Slack renders: the message minus button values (data for our listeners, never shown). */
const payload = (call: ApiCall | undefined) =>
  JSON.stringify(call?.args ?? null, (key, value) => (key === 'value' ? undefined : value));

describe('escaping with the shipped knowledge', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('never echoes <!channel>, <!here> or a user mention from a question', async () => {
    await h.slack.event(
      mention('what about <!channel> and <!here> and <@U0VICTIM> and &lt;!everyone&gt; bananas?'),
    );
    await h.settle();
    const [post] = h.api.posts('chat.postMessage');
    expect(post).toBeDefined();
    expect(payload(post)).not.toMatch(PING);
  });
});

describe('escaping with a core that echoes', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ cita: echoCita() });
  });
  afterAll(() => h.close());
  afterEach(() => h.api.reset());

  it('escapes the question echoed in a decline', async () => {
    await h.slack.event(mention('tell me about <!channel> and &lt;!here&gt; &amp; more'));
    await h.settle();
    const [post] = h.api.posts('chat.postMessage');
    const all = payload(post);
    expect(all).not.toMatch(PING);
    // What the user typed literally comes back literally, defused: `&lt;!here&gt;`.
    expect(all).toContain('&lt;!here&gt; &amp; more');
    // A real @channel (sent as <!channel>) comes back as plain "@channel", which never pings.
    expect(all).toContain('@channel');
  });

  it('escapes article text (title, publisher, quote) in blocks and fallback', async () => {
    await h.slack.event(mention('rates?'));
    await h.settle();
    const [post] = h.api.posts('chat.postMessage');
    expect(payload(post)).not.toMatch(PING);
    expect(post?.args.text).toContain('Rates &lt;!channel&gt; rose &amp; fell.');
    expect(payload(post)).toContain('<https://example.com/a?x=1&amp;y=2|Rates &amp; &lt;!channel&gt; rise>');
  });

  it('escapes the full citations of a DM', async () => {
    const t = '1720000099.000001';
    await h.slack.event({
      type: 'message',
      channel_type: 'im',
      user: 'U0ASKER',
      text: 'rates',
      ts: t,
      channel: 'D0ASKER',
      event_ts: t,
    });
    await h.settle();
    const all = payload(h.api.posts('chat.postMessage')[0]);
    expect(all).toContain('The &lt;@U0VICTIM&gt; Daily');
    expect(all).not.toMatch(PING);
  });
});
