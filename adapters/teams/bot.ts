/**
 * Cita's behaviour in Teams: an ActivityHandler that turns messages, button clicks and feedback
 * into calls to the core and replies with the cards from cards.ts. Wiring (adapter, auth, route,
 * onTurnError) lives in index.ts.
 */
import {
  type Activity,
  ActivityHandler,
  type ConversationParameters,
  type InvokeResponse,
  TurnContext,
} from 'botbuilder';
import {
  type AnswerLanguage,
  type Cita,
  labels as coreLabels,
  detectLanguage,
  localeLanguage,
} from '../../src/index.ts';
import type { Logger } from '../log.ts';
import { type RateLimiter, rateLimitMessage } from '../rateLimit.ts';
import { figuresCard, helpCard, sourcesCard } from './cards.ts';
import { parseCommand, parseFeedback, parseSubmit } from './commands.ts';
import { cleanIncomingText } from './markup.ts';
import {
  answerMessage,
  type ConversationScope,
  cardMessage,
  SOURCES_FAILED_TEXT,
  sourcesMessage,
  welcomeText,
} from './messages.ts';

export interface CitaBotOptions {
  getCita(): Cita;
  log: Logger;
  /** The bot's app id; '' without one (local use). Needed to open proactive 1:1 chats. */
  appId: string;
  /** The per-user question limit (RATE_LIMIT_PER_MINUTE), shared with the other adapters. */
  limiter: RateLimiter;
}

/** The audience of outgoing calls to the public Bot Connector. */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export function conversationScope(activity: Partial<Activity>): ConversationScope {
  const type = activity.conversation?.conversationType;
  // The Emulator and some test tools send no conversationType: a 1:1 chat is the honest default.
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

/** The text after the @mention of the bot, with Teams' markup removed. */
export function questionText(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  try {
    TurnContext.removeRecipientMention(activity);
  } catch {
    // Malformed mention entities (no `mentioned`, no `type`): the cleaner below still drops `<at>` tags.
  }
  return cleanIncomingText(activity.text);
}

export class CitaBot extends ActivityHandler {
  constructor(private readonly options: CitaBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Only when Cita itself joins (installed in a team, chat or personally), not for every new member.
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) {
        // No message to go by: the locale of whoever added Cita.
        const language = localeLanguage(context.activity.locale);
        await context.sendActivity({ type: 'message', text: welcomeText(language), textFormat: 'markdown' });
        this.options.log.info('teams.welcome', { scope: conversationScope(context.activity), language });
      }
      await next();
    });
  }

  /** Feedback buttons (thumbs up/down) arrive as `message/submitAction`; botbuilder would answer 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'message/submitAction') return super.onInvokeActivity(context);
    const feedback = parseFeedback(context.activity.value);
    this.options.log.info('teams.feedback', {
      ...(feedback ?? { actionName: 'unreadable' }),
      replyToId: context.activity.replyToId,
      scope: conversationScope(context.activity),
    });
    return { status: 200, body: {} };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { log } = this.options;
    const activity = context.activity;
    const scope = conversationScope(activity);
    const click = parseSubmit(activity.value);
    if (click?.cita === 'sources') {
      if (await this.allowed(context, detectLanguage(click.question, activity.locale))) {
        await this.sendSourcesPrivately(context, click.question, scope);
      }
      return;
    }

    const command = parseCommand(click ? click.question : questionText(activity));
    const cita = this.options.getCita();
    // Teams tells the user's locale: the language of replies that have no question to go by,
    // unless the command word itself is Spanish (`ayuda`, `fuentes`, `cifras`).
    const locale = activity.locale;
    switch (command.kind) {
      case 'help': {
        const language = command.language ?? localeLanguage(locale);
        log.info('teams.command', { command: 'help', scope, language });
        await context.sendActivity(cardMessage(helpCard(cita.suggestions(), language)));
        return;
      }
      case 'sources': {
        const language = command.language ?? localeLanguage(locale);
        log.info('teams.command', { command: 'sources', scope, language });
        await context.sendActivity(cardMessage(sourcesCard(cita.articles, language)));
        return;
      }
      case 'figures': {
        if (!(await this.allowed(context, command.language ?? detectLanguage(command.topic ?? '', locale)))) {
          return;
        }
        const result = cita.figures(command.topic, { locale: command.language ?? locale });
        const language = command.language ?? result.language;
        log.info('teams.command', {
          command: 'figures',
          scope,
          topic: Boolean(command.topic),
          figures: result.figures.length,
          language,
        });
        await context.sendActivity(
          cardMessage(figuresCard(result.figures, command.topic, language), coreLabels(language).keyFigures),
        );
        return;
      }
      case 'question': {
        if (!command.text) {
          await context.sendActivity(cardMessage(helpCard(cita.suggestions(), localeLanguage(locale))));
          return;
        }
        if (!(await this.allowed(context, detectLanguage(command.text, locale)))) return;
        // Teams tells the user's locale: a hint for the answer's language in close calls.
        const answer = cita.ask(command.text, { locale });
        log.info('teams.answer', {
          scope,
          answered: answer.answered,
          declineReason: answer.declineReason,
          citations: answer.citations.length,
          conflict: Boolean(answer.conflict),
        });
        await context.sendActivity(answerMessage(answer, scope));
      }
    }
  }

  /** Applies RATE_LIMIT_PER_MINUTE per user, and says when they may ask again, in `language`. */
  private async allowed(context: TurnContext, language: AnswerLanguage): Promise<boolean> {
    const from = context.activity.from;
    const user = `teams:${from?.aadObjectId || from?.id || 'unknown'}`;
    if (this.options.limiter.take(user)) return true;
    const seconds = this.options.limiter.retryAfter(user);
    this.options.log.warn('teams.rate_limited', {
      scope: conversationScope(context.activity),
      retryAfter: seconds,
      language,
    });
    await context.sendActivity(rateLimitMessage(seconds, language));
    return false;
  }

  /**
   * The Sources button: the full citations go to the asker in a 1:1 chat (a proactive
   * conversation), so a channel is not flooded with passages. In a personal chat, just reply.
   */
  private async sendSourcesPrivately(
    context: TurnContext,
    question: string,
    scope: ConversationScope,
  ): Promise<void> {
    const { log } = this.options;
    const answer = this.options.getCita().ask(question, { locale: context.activity.locale });
    if (scope === 'personal') {
      await context.sendActivity(sourcesMessage(answer));
      return;
    }
    const activity = context.activity;
    try {
      const tenantId =
        activity.conversation?.tenantId ??
        (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      const parameters = {
        isGroup: false,
        bot: { id: activity.recipient.id, name: activity.recipient.name },
        members: [{ id: activity.from.id, name: activity.from.name }],
        tenantId,
        channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
      } as ConversationParameters;
      const audience = context.turnState.get(context.adapter.OAuthScopeKey) ?? BOT_CONNECTOR_AUDIENCE;
      await context.adapter.createConversationAsync(
        this.options.appId,
        activity.channelId,
        activity.serviceUrl,
        audience,
        parameters,
        async (privateContext) => {
          // The new chat has no message to reply to: post to it rather than "reply" to its id.
          privateContext.onSendActivities(async (_ctx, activities, next) => {
            for (const a of activities) delete a.replyToId;
            return next();
          });
          await privateContext.sendActivity(sourcesMessage(answer));
        },
      );
      log.info('teams.sources.sent', { scope, citations: answer.citations.length });
    } catch (error) {
      log.warn('teams.sources.failed', { scope, error });
      await context.sendActivity(SOURCES_FAILED_TEXT);
    }
  }
}
