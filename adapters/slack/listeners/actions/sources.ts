/**
 * The Sources button: the asker gets a DM with the full citations. If the DM cannot be sent,
 * the same citations come back privately where the button was clicked.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { sourcesMessage } from '../../messages.ts';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION.sources, async ({ ack, body, action, client, respond }) => {
    try {
      await ack();
      const locale = await deps.locales.get(client, body.user.id);
      const message = sourcesMessage(deps.getCita().ask(action.value ?? '', { locale }));
      const delivered = await deps.deliver.dm(client, body.user.id, message);
      if (!delivered)
        await deps.deliver.respond(respond, {
          response_type: 'ephemeral',
          replace_original: false,
          ...message,
        });
      deps.log.info('slack.sources', { user: body.user.id, delivered });
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: ACTION.sources, error });
    }
  });
}
