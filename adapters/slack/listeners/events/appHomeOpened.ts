/** The Home tab, published each time it is opened (the knowledge may have been reloaded). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { homeView } from '../../homeView.ts';

export function register(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    try {
      if (event.tab !== 'home') return;
      const cita = deps.getCita();
      const view = homeView({
        articles: cita.articles,
        figures: cita.figures(),
        suggestions: cita.suggestions(),
      });
      await deps.deliver.publishHome(client, event.user, view);
    } catch (error) {
      deps.log.error('slack.listener_failed', { listener: 'app_home_opened', error });
    }
  });
}
