/**
 * Text going to Slack and coming from it. Slack's mrkdwn gives meaning to only three characters,
 * `&`, `<` and `>`: escaping them in every piece of article or user text is what stops anyone from
 * making Cita ping `@channel`, `@here` or a person (`<!channel>`, `<@U…>` need a raw `<`).
 */

import { clip } from '../clip.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** `a < b & c` → `a &lt; b &amp; c`: safe inside any mrkdwn or plain-text field. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A mrkdwn link `<url|label>`, or just the escaped label when the URL is not http(s) (a
 * `javascript:` or `slack://` URL from a bad knowledge file must not become a link).
 */
export function link(url: string, label: string): string {
  const text = escapeText(label.replace(/\s+/g, ' ').trim() || url);
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return text;
  // `|` would end the URL early and `>` the whole link: percent-encode the first, escape the rest.
  return `<${escapeText(url).replace(/\|/g, '%7C')}|${text}>`;
}

/**
 * Cuts already-rendered mrkdwn to at most `max` characters without leaving half an entity
 * (`&am`) or half a link (`<https://…`) behind.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = clip(text, max).slice(0, -1);
  cut = cut.replace(/&[a-z]*$/, '');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  return `${cut.trimEnd()}…`;
}

/** Prefixes every line with `> `: a mrkdwn block quote, for text quoted verbatim. */
export function blockQuote(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * The text a user typed, from Slack's wire format: mentions and links become what the user saw
 * (`<@U1|ana>` → `@ana`, `<!channel>` → `@channel`, `<https://x|x>` → `x`) and entities are decoded.
 * The core gets plain text; anything echoed back is escaped again on the way out.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<([@#!])([^>|]*)(?:\|([^>]*))?>/g, (_m, sigil: string, id: string, label?: string) => {
      if (sigil === '!' && id.startsWith('date^')) return label ?? '';
      if (label) return sigil === '#' ? `#${label.replace(/^#/, '')}` : `@${label.replace(/^@/, '')}`;
      if (sigil === '!') return `@${id.replace(/\^.*$/, '')}`;
      return `${sigil === '#' ? '#' : '@'}${id}`;
    })
    .replace(/<([^>|]+)\|([^>]*)>/g, (_m, _url: string, label: string) => label)
    .replace(/<([^>]+)>/g, (_m, url: string) => url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Removes the bot's own mention(s) (`<@UCITA>`) from a message before it becomes a question. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  return text.replace(mentionOf(botUserId), ' ').replace(/\s+/g, ' ').trim();
}

const LEADING_MENTION = /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/;
let lastMention: { id: string; pattern: RegExp } | undefined;

/** The pattern of `botUserId`'s mentions (built once: a workspace has one bot id), else a leading mention. */
function mentionOf(botUserId: string | undefined): RegExp {
  if (!isUserId(botUserId)) return LEADING_MENTION;
  if (lastMention?.id !== botUserId)
    lastMention = { id: botUserId, pattern: new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g') };
  return lastMention.pattern;
}

/** A Slack user id we may render as a mention (`<@U123>`): only ids Slack itself sent us. */
export function isUserId(id: unknown): id is string {
  return typeof id === 'string' && /^[UW][A-Z0-9]{2,}$/.test(id);
}

export { clip };
