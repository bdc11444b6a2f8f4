/** 👍 / 👎 under an answer: logged with the question, acknowledged privately to the clicker. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';

const FEEDBACK = new RegExp(`^(?:${ACTION.feedbackUp}|${ACTION.feedbackDown})$`);

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(FEEDBACK, async ({ ack, body, action, respond }) => {
    try {
      await ack();
      const helpful = action.action_id === ACTION.feedbackUp;
      deps.log.info('slack.feedback', {
        rating: helpful ? 'up' : 'down',
        question: action.value ?? '',
        user: body.user.id,
        channel: body.channel?.id,
      });
      await deps.deliver.respond(respond, {
        response_type: 'ephemeral',
        replace_original: false,
        text: helpful
          ? 'Thanks, glad it helped.'
          : 'Thanks for telling me. I have noted that this answer missed.',
      });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: 'feedback', error });
    }
  });
}
