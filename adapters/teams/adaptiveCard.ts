/**
 * Small constructors for the Adaptive Card elements Cita uses, and the size guard. Untrusted text
 * (articles, questions) only ever goes into `TextRun`s: unlike `TextBlock`, a TextRun's text is not
 * parsed as Markdown, so `**`, `[x](y)` or `<at>` in an article shows as typed. No card carries
 * `msteams.entities`, so nothing in a card can become a mention.
 */
import { safeUrl } from './markup.ts';

/** Teams renders Adaptive Cards up to 1.5. */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams' limit is about 28 KB for a card (100 KB a message): stay well inside it. */
export const MAX_CARD_BYTES = 24_000;

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  msteams: { width: 'Full' };
  body: CardElement[];
  actions?: CardElement[];
}

export interface RunStyle {
  weight?: 'Bolder';
  size?: 'Medium';
  isSubtle?: true;
  italic?: true;
  highlight?: true;
  color?: 'Attention' | 'Warning' | 'Accent';
}

export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  const out: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    msteams: { width: 'Full' },
    body,
  };
  if (actions.length > 0) out.actions = actions;
  return out;
}

export function run(text: string, style: RunStyle = {}): CardElement {
  return { type: 'TextRun', text, ...style };
}

/** A TextRun that opens `url`, or plain text when the URL is not http(s). */
export function linkRun(text: string, url: string, style: RunStyle = {}): CardElement {
  const href = safeUrl(url);
  return href
    ? { ...run(text, style), selectAction: { type: 'Action.OpenUrl', url: href } }
    : run(text, style);
}

export function rich(inlines: CardElement[], extra: CardElement = {}): CardElement {
  return { type: 'RichTextBlock', inlines, ...extra };
}

export function container(items: CardElement[], extra: CardElement = {}): CardElement {
  return { type: 'Container', items, ...extra };
}

export function submit(title: string, data: Record<string, string>): CardElement {
  return { type: 'Action.Submit', title, data };
}

export function cardBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Keeps a card under `max` bytes: drops body elements from the end (sources come last) and says
 * so. Renderers already clip every text, so this only bites on pathological input.
 */
export function fitCard(full: AdaptiveCard, note: string, max = MAX_CARD_BYTES): AdaptiveCard {
  if (cardBytes(full) <= max) return full;
  const body = [...full.body];
  const tail = rich([run(note, { isSubtle: true, italic: true })]);
  const fitted = (): AdaptiveCard => card([...body, tail], full.actions);
  while (body.length > 1 && cardBytes(fitted()) > max) body.pop();
  return fitted();
}
