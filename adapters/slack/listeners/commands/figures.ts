/**
 * `/figures [topic]`: the key figures with their sources, visible only to the caller, with a
 * Share in channel button, framed in the topic's language (else the caller's locale).
 * Acknowledged at once (Slack allows 3 seconds); the figures follow through the response_url.
 */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { slackToPlain } from '../../escape.ts';
import { figuresMessage, sorryMessage } from '../../messages.ts';
import { replyLanguage } from '../reply.ts';

export function register(app: App, deps: SlackDeps): void {
  app.command('/figures', async ({ command, ack, respond, client }) => {
    let locale: string | undefined;
    try {
      await ack();
      const topic = slackToPlain(command.text ?? '').trim();
      locale = await deps.locales.get(client, command.user_id);
      const { figures, language } = deps.getCita().figures(topic || undefined, { locale });
      const delivered = await deps.deliver.respond(respond, {
        response_type: 'ephemeral',
        ...figuresMessage(figures, { topic, share: true, language }),
      });
      deps.log.info('slack.command', {
        command: '/figures',
        user: command.user_id,
        figures: figures.length,
        language,
        delivered,
      });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: '/figures', error });
      const sorry = sorryMessage(replyLanguage(command.text, locale));
      await deps.deliver.respond(respond, { response_type: 'ephemeral', ...sorry });
    }
  });
}
