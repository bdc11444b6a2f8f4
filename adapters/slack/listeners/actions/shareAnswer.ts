/**
 * Share in channel, under a private `/cita` answer: the answer is posted for everyone (with the
 * question and who shared it), then the private copy is removed.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { sharedAnswer } from '../../messages.ts';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION.shareAnswer, async ({ ack, body, action, respond, client }) => {
    try {
      await ack();
      // Re-asked with the same locale hint, so the shared answer is the one the user saw.
      const locale = await deps.locales.get(client, body.user.id);
      const answer = deps.getCita().ask(action.value ?? '', { locale });
      const shared = await deps.deliver.respond(respond, {
        response_type: 'in_channel',
        replace_original: false,
        ...sharedAnswer(answer, body.user.id),
      });
      if (shared) await deps.deliver.respond(respond, { delete_original: true });
      deps.log.info('slack.share', { kind: 'answer', user: body.user.id, shared });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: ACTION.shareAnswer, error });
    }
  });
}
