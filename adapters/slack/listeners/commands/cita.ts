/**
 * `/cita <question>`: an answer only the caller sees, with Share in channel; `/cita help` and
 * `/cita sources` explain and list the articles. Acknowledged at once, answered after.
 */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { slackToPlain } from '../../escape.ts';
import { privateAnswer, sorryMessage } from '../../messages.ts';
import { replyFields, replyLanguage, replyTo } from '../reply.ts';

export function register(app: App, deps: SlackDeps): void {
  app.command('/cita', async ({ command, ack, respond, client }) => {
    let locale: string | undefined;
    try {
      await ack();
      locale = await deps.locales.get(client, command.user_id);
      const question = slackToPlain(command.text ?? '');
      const reply = replyTo(deps, command.user_id, question, privateAnswer, locale);
      const delivered = await deps.deliver.respond(respond, { response_type: 'ephemeral', ...reply.message });
      deps.log.info('slack.command', {
        command: '/cita',
        user: command.user_id,
        delivered,
        ...replyFields(reply),
      });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: '/cita', error });
      const sorry = sorryMessage(replyLanguage(command.text, locale));
      await deps.deliver.respond(respond, { response_type: 'ephemeral', ...sorry });
    }
  });
}
