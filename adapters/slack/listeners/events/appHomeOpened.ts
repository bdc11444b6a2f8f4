/**
 * The Home tab, published each time it is opened (the knowledge may have been reloaded), in the
 * viewer's language (their Slack locale).
 */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { homeView } from '../../homeView.ts';

export function register(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    try {
      if (event.tab !== 'home') return;
      const locale = await deps.locales.get(client, event.user);
      const cita = deps.getCita();
      // With no topic, the figures come framed in the locale's language: the whole tab follows it.
      const { figures, language } = cita.figures(undefined, { locale });
      const view = homeView({ articles: cita.articles, figures, suggestions: cita.suggestions(), language });
      await deps.deliver.publishHome(client, event.user, view);
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: 'app_home_opened', error });
    }
  });
}
