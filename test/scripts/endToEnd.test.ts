/**
 * The end-to-end bench's machinery (scripts/bench/e2e.ts, scripts/loadDriver.ts): the bare app
 * that sends Cita's reply really sends Cita's message, and the server under test in its own
 * process answers every question once and reports its CPU time. No timing assertions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { threadAnswer } from '../../adapters/slack/messages.ts';
import { answerMessage } from '../../adapters/teams/messages.ts';
import { runEndToEnd } from '../../scripts/bench/e2e.ts';
import {
  BARE_TEXT,
  DEFAULT_QUESTIONS,
  type LoadTarget,
  runLoad,
  startTarget,
} from '../../scripts/loadDriver.ts';
import { type Cita, loadCita } from '../../src/index.ts';

describe('the bare apps of the end-to-end bench', () => {
  let cita: Cita;
  beforeAll(async () => {
    cita = await loadCita();
  });

  const posted = async (target: LoadTarget, question: string) => {
    await runLoad(target, { slack: 3, teams: 3, concurrency: 3, questions: [question], timeoutMs: 10_000 });
    const slack = target.slackApi.posts('chat.postMessage');
    const teams = target.connector.delivered();
    target.slackApi.reset();
    target.connector.reset();
    expect(slack).toHaveLength(3);
    expect(teams).toHaveLength(3);
    return { slack: slack.map((c) => c.args), teams: teams.map((c) => c.body) };
  };

  it('reply with a fixed text when bare', async () => {
    const target = await startTarget({ kind: 'bare', cita, logLevel: 'warn' });
    try {
      const { slack, teams } = await posted(target, DEFAULT_QUESTIONS[0] as string);
      for (const args of slack) expect(args).toMatchObject({ text: BARE_TEXT, channel: 'C0LOAD' });
      for (const body of teams) expect(body).toMatchObject({ type: 'message', text: BARE_TEXT });
    } finally {
      await target.close();
    }
  });

  it("send exactly the message Cita renders for each question when 'bare-reply'", async () => {
    const target = await startTarget({ kind: 'bare-reply', cita, logLevel: 'warn' });
    try {
      for (const question of DEFAULT_QUESTIONS.slice(0, 2)) {
        const answer = cita.ask(question);
        const slackMessage = threadAnswer(answer);
        const teamsMessage = answerMessage(answer, 'channel');
        const { slack, teams } = await posted(target, question);
        for (const args of slack) {
          expect(args.text).toBe(slackMessage.text);
          expect(args.blocks).toEqual(slackMessage.blocks);
          expect(args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
        }
        for (const body of teams) {
          expect(body.text).toBe(teamsMessage.text);
          expect(body.attachments).toEqual(teamsMessage.attachments);
        }
      }
    } finally {
      await target.close();
    }
  });
});

describe('the end-to-end bench, servers in their own processes', () => {
  let rows: Awaited<ReturnType<typeof runEndToEnd>>;
  beforeAll(async () => {
    rows = await runEndToEnd({ requests: 12, concurrency: 4, warmupMs: 0, rounds: 1 });
  }, 60_000);

  it('measures bare, bare sending the reply, and Cita on both platforms, every question answered once', () => {
    expect(rows.map((r) => r.name)).toEqual([
      'Slack events → Web API (bare Bolt)',
      "Slack events → Web API (bare Bolt sending Cita's reply)",
      'Slack events → Web API (Cita)',
      'Teams activities → Connector (bare CloudAdapter)',
      "Teams activities → Connector (bare CloudAdapter sending Cita's reply)",
      'Teams activities → Connector (Cita)',
    ]);
    for (const row of rows) {
      expect(row.notOnce, row.name).toBe(0);
      expect(row.rps, row.name).toBeGreaterThan(0);
      // The server process's own CPU time was read over IPC, before and after.
      expect(row.cpuMsPerRequest, row.name).toBeGreaterThan(0);
    }
    const bare = rows.filter((r) => /\(bare (Bolt|CloudAdapter)\)$/.test(r.name));
    expect(bare.map((r) => r.ratioToBare)).toEqual([1, 1]);
  });
});
