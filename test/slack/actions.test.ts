/**
 * Button clicks end to end (form-encoded `payload=`, signed): Sources → a DM with the full
 * citations; 👍/👎 → logged with the question and acknowledged; Share in channel → posted for
 * everyone through the response_url, the private copy deleted.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, shippedCita, startSlackHarness } from '../helpers/slackHarness.ts';

const QUESTION = 'How much is Microsoft investing in Mexico?';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());
afterEach(() => h.api.reset());

async function click(actionId: string, value: string, id = 'click') {
  const res = await h.slack.buttonClick(
    { actionId, value },
    { responseUrl: h.api.responseUrl(id), threadTs: '1710000000.000001' },
  );
  await h.settle();
  return res;
}

describe('Slack button clicks', () => {
  it('Sources: opens a DM with the asker and posts the full citations there', async () => {
    const res = await click('cita_sources', QUESTION);
    expect(res.status).toBe(200);
    expect(h.api.posts('conversations.open').map((c) => c.args.users)).toEqual(['U0ASKER']);
    const posts = h.api.posts('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe('DU0ASKER');
    const all = JSON.stringify(posts[0]?.args.blocks);
    expect(all).toContain('"text":"Sources"');
    for (const c of (await shippedCita()).ask(QUESTION).citations) {
      expect(all).toContain(`<${c.url}|`);
      expect(all).toContain(c.publisher);
    }
    expect(posts[0]?.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
  });

  it('Sources: if the DM cannot be opened, shows the citations privately instead', async () => {
    h.api.failNext('conversations.open', 1, { error: 'cannot_dm_bot' });
    await click('cita_sources', QUESTION, 'nodm');
    expect(h.api.posts('chat.postMessage')).toEqual([]);
    const [response] = h.api.responses;
    expect(response?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(response?.body)).toContain('"text":"Sources"');
  });

  it('👍 / 👎: logged with the question, acknowledged privately', async () => {
    await click('cita_feedback_up', QUESTION, 'up');
    await click('cita_feedback_down', QUESTION, 'down');
    expect(h.logged('slack.feedback').map((r) => [r.rating, r.question, r.user])).toEqual([
      ['up', QUESTION, 'U0ASKER'],
      ['down', QUESTION, 'U0ASKER'],
    ]);
    expect(h.api.responses.map((r) => [r.id, r.body.response_type, r.body.replace_original])).toEqual([
      ['up', 'ephemeral', false],
      ['down', 'ephemeral', false],
    ]);
    expect(h.api.posts('chat.postMessage')).toEqual([]);
  });

  it('Share in channel (answer): posts for everyone with the question and who shared, then deletes the private copy', async () => {
    await click('cita_share_answer', QUESTION, 'share');
    expect(
      h.api.responses.map((r) => r.body.response_type ?? (r.body.delete_original ? 'delete' : '?')),
    ).toEqual(['in_channel', 'delete']);
    const shared = JSON.stringify(h.api.responses[0]?.body.blocks);
    expect(shared).toContain(`*Question:* ${QUESTION}`);
    expect(shared).toContain('Shared by <@U0ASKER>');
  });

  it('Share in channel (figures): posts the figures for the same topic for everyone', async () => {
    await click('cita_share_figures', 't:', 'sharefig');
    const [shared, deleted] = h.api.responses;
    expect(shared?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(shared?.body.blocks)).toContain('Key figures');
    expect(JSON.stringify(shared?.body.blocks)).not.toContain('cita_share_figures');
    expect(deleted?.body).toEqual({ delete_original: true });
  });

  it('rejects a click with a bad signature', async () => {
    const res = await h.slack.buttonClick(
      { actionId: 'cita_sources', value: QUESTION },
      { responseUrl: h.api.responseUrl('bad'), signature: 'v0=bad' },
    );
    await h.settle();
    expect(res.status).toBe(401);
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});
