/**
 * A question in a DM: the answer plus the full citations (every quoted passage with title,
 * publisher, date and link). `sources` lists the articles, `help` explains.
 */
import type { App } from '@slack/bolt';
import { eventKey, messageKey } from '../../dedupe.ts';
import type { Target } from '../../deliver.ts';
import type { SlackDeps } from '../../deps.ts';
import { slackToPlain, stripBotMention } from '../../escape.ts';
import { dmAnswer, sorryMessage } from '../../messages.ts';
import { replyFields, replyLanguage, replyTo } from '../reply.ts';

export function register(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, body, client, context }) => {
    let target: Target | undefined;
    let locale: string | undefined;
    try {
      // Only plain user messages in DMs: channel messages come as app_mention; subtypes are
      // edits, deletions, joins and bot posts (Cita's own included): answering them would loop.
      if (event.channel_type !== 'im' || event.subtype !== undefined) return;
      if (event.bot_id || !event.user || event.user === context.botUserId) return;
      if (!deps.seen.firstTime(eventKey(body.event_id), messageKey(event.channel, event.ts))) {
        deps.log.info('slack.duplicate', {
          trigger: 'message.im',
          eventId: body.event_id,
          retryNum: context.retryNum,
        });
        return;
      }
      // Answer beside the question; inside a thread only if the question was asked in one.
      target = event.thread_ts
        ? { channel: event.channel, thread_ts: event.thread_ts }
        : { channel: event.channel };
      const question = slackToPlain(stripBotMention(event.text ?? '', context.botUserId));
      locale = await deps.locales.get(client, event.user);
      const reply = replyTo(deps, event.user, question, dmAnswer, locale);
      const delivered = await deps.deliver.post(client, target, reply.message);
      deps.log.info('slack.dm', { user: event.user, delivered, ...replyFields(reply) });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: 'message.im', error });
      if (target)
        await deps.deliver.post(
          client,
          target,
          sorryMessage(replyLanguage('text' in event ? event.text : undefined, locale)),
        );
    }
  });
}
