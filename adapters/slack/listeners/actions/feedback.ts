/** 👍 / 👎 under an answer: logged with the question, acknowledged privately to the clicker. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { stringsFor } from '../../strings.ts';
import { replyLanguage } from '../reply.ts';

const FEEDBACK = new RegExp(`^(?:${ACTION.feedbackUp}|${ACTION.feedbackDown})$`);

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(FEEDBACK, async ({ ack, body, action, respond, client }) => {
    try {
      await ack();
      const helpful = action.action_id === ACTION.feedbackUp;
      deps.log.info('slack.feedback', {
        rating: helpful ? 'up' : 'down',
        question: action.value ?? '',
        user: body.user.id,
        channel: body.channel?.id,
      });
      // In the language of the question rated (the button's value), the user's locale as a hint.
      const say = stringsFor(replyLanguage(action.value, await deps.locales.get(client, body.user.id)));
      await deps.deliver.respond(respond, {
        response_type: 'ephemeral',
        replace_original: false,
        text: helpful ? say.thanksHelpful : say.thanksNotHelpful,
      });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: 'feedback', error });
    }
  });
}
