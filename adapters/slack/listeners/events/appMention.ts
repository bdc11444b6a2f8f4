/**
 * `@Cita question` in a channel: exactly one answer, in the thread of the question (the thread it
 * was asked in, or a new one under it), never in the channel itself.
 */
import type { App } from '@slack/bolt';
import { eventKey, messageKey } from '../../dedupe.ts';
import type { Target } from '../../deliver.ts';
import type { SlackDeps } from '../../deps.ts';
import { slackToPlain, stripBotMention } from '../../escape.ts';
import { sorryMessage, threadAnswer } from '../../messages.ts';
import { replyFields, replyLanguage, replyTo } from '../reply.ts';

export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    let target: Target | undefined;
    let locale: string | undefined;
    try {
      // Bots (Cita included) and edits never get an answer: no loops, no second answers.
      if (event.bot_id || event.subtype || !event.user || event.user === context.botUserId) return;
      if (!deps.seen.firstTime(eventKey(body.event_id), messageKey(event.channel, event.ts))) {
        deps.log.info('slack.duplicate', {
          trigger: 'app_mention',
          eventId: body.event_id,
          retryNum: context.retryNum,
        });
        return;
      }
      target = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
      const question = slackToPlain(stripBotMention(event.text, context.botUserId));
      locale = await deps.locales.get(client, event.user);
      const reply = replyTo(deps, event.user, question, threadAnswer, locale);
      const delivered = await deps.deliver.post(client, target, reply.message);
      deps.log.info('slack.mention', {
        channel: event.channel,
        user: event.user,
        delivered,
        ...replyFields(reply),
      });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: 'app_mention', error });
      if (target) await deps.deliver.post(client, target, sorryMessage(replyLanguage(event.text, locale)));
    }
  });
}
