/** RATE_LIMIT_PER_MINUTE in Slack: past the limit a user is told when to retry, never ignored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../helpers/slackHarness.ts';
import { BOT_USER_ID } from '../helpers/slackRequests.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ rateLimitPerMinute: 2 });
});
afterAll(() => h.close());

let ts = 0;
const mention = (text: string, user = 'U0FAST') => {
  const t = `1740000000.${String(++ts).padStart(6, '0')}`;
  return {
    type: 'app_mention',
    user,
    text: `<@${BOT_USER_ID}> ${text}`,
    ts: t,
    channel: 'C0GENERAL',
    event_ts: t,
  };
};

describe('rate limit', () => {
  it('answers `limit` questions a minute, then says in the thread when to ask again', async () => {
    for (const q of ['Microsoft?', 'Mexico?', 'Viasat?']) {
      await h.slack.event(mention(q));
      await h.settle();
    }
    const posts = h.api.posts('chat.postMessage');
    expect(posts).toHaveLength(3);
    expect(posts[2]?.args.text).toMatch(
      /^You're asking faster than I can keep up with\. Please try again in \d+ s\.$/,
    );
    expect(posts[2]?.args.blocks).toBeUndefined();
    expect(posts[2]?.args.thread_ts).toBeDefined();
    // help does not count, and other users are not affected
    await h.slack.event(mention('help'));
    await h.slack.event(mention('Microsoft?', 'U0OTHER'));
    await h.settle();
    expect(
      h.api
        .posts('chat.postMessage')
        .slice(3)
        .map((p) => String(p.args.text).startsWith("You're asking")),
    ).toEqual([false, false]);
  });
});
