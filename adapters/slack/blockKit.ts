/**
 * Block Kit primitives that enforce Slack's limits. Over a limit Slack rejects the whole message
 * (`invalid_blocks`, `msg_blocks_too_long`) and the bot goes silent, so every block is built here,
 * already cut to size. Texts passed in are mrkdwn that the caller has escaped.
 */
import type { types } from '@slack/bolt';
import { clip, clipMrkdwn } from './escape.ts';

export type Block = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;
export type Button = types.Button;

export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a Home tab view. */
  viewBlocks: 100,
  sectionText: 3000,
  contextElements: 10,
  contextText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  /** `text` beside blocks: what notifications and screen readers show. Slack truncates past 40k. */
  fallbackText: 3000,
} as const;

/** Slack rejects an empty text object: a blank text (only from a malformed answer) becomes `…`. */
function nonEmpty(text: string): string {
  return text.trim() ? text : '…';
}

export function section(mrkdwn: string): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: nonEmpty(clipMrkdwn(mrkdwn, LIMITS.sectionText)) },
  };
}

/** Header blocks are plain text: only constant strings go here, never article or user text. */
export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true } };
}

export function divider(): Block {
  return { type: 'divider' };
}

/** A context block; past 10 elements the rest are joined into the last one. */
export function context(mrkdwn: readonly string[]): ContextBlock {
  const head = mrkdwn.slice(0, LIMITS.contextElements - 1);
  const tail = mrkdwn.slice(LIMITS.contextElements - 1);
  const texts = tail.length > 0 ? [...head, tail.join('  ·  ')] : head;
  return {
    type: 'context',
    elements: texts.map((text) => ({ type: 'mrkdwn', text: nonEmpty(clipMrkdwn(text, LIMITS.contextText)) })),
  };
}

export function button(
  actionId: string,
  text: string,
  value: string,
  extra: { style?: 'primary' | 'danger'; label?: string } = {},
): Button {
  const b: Button = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: clip(text, LIMITS.buttonText), emoji: true },
    value: clip(value, LIMITS.buttonValue),
  };
  if (extra.style) b.style = extra.style;
  if (extra.label) b.accessibility_label = extra.label;
  return b;
}

export function actions(blockId: string, elements: readonly Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: elements.slice(0, LIMITS.actionsElements) };
}

/**
 * Packs lines into as few sections as fit the 3,000-character limit (a line longer than that is
 * cut), so a long list stays readable instead of being rejected.
 */
export function sections(lines: readonly string[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= LIMITS.sectionText) {
      current = next;
      continue;
    }
    if (current) out.push(section(current));
    current = line;
  }
  if (current) out.push(section(current));
  return out;
}

/**
 * Keeps a message within `max` blocks. Blocks past the limit are dropped, except the trailing
 * actions block (the buttons must survive), and a note says what was left out.
 */
export function fitBlocks(
  blocks: readonly Block[],
  max: number = LIMITS.messageBlocks,
  note = 'More was left out to fit in one message.',
): Block[] {
  if (blocks.length <= max) return [...blocks];
  const last = blocks[blocks.length - 1];
  const keepLast = last?.type === 'actions';
  const room = max - 1 - (keepLast ? 1 : 0);
  const kept = blocks.slice(0, room);
  kept.push(context([`_${note}_`]));
  if (keepLast && last) kept.push(last);
  return kept;
}
