/** Share in channel, under private `/figures`: the figures for everyone, the private copy removed. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { topicFromShareValue } from '../../figuresBlocks.ts';
import { figuresMessage } from '../../messages.ts';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION.shareFigures, async ({ ack, body, action, respond, client }) => {
    try {
      await ack();
      const topic = topicFromShareValue(action.value);
      const locale = await deps.locales.get(client, body.user.id);
      const { figures, language } = deps.getCita().figures(topic || undefined, { locale });
      const shared = await deps.deliver.respond(respond, {
        response_type: 'in_channel',
        replace_original: false,
        ...figuresMessage(figures, { topic, sharedBy: body.user.id, language }),
      });
      if (shared) await deps.deliver.respond(respond, { delete_original: true });
      deps.log.info('slack.share', { kind: 'figures', user: body.user.id, shared });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: ACTION.shareFigures, error });
    }
  });
}
