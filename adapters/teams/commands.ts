/**
 * What a Teams message asks for: a command from the manifest's command list (`figures [topic]`,
 * `sources`, `help`, or their Spanish aliases `cifras [tema]`, `fuentes`, `ayuda`), a button click
 * (`Action.Submit` data) or a question. Everything arriving here is untrusted, so button data and
 * feedback are parsed with zod, never trusted by shape.
 */
import { z } from 'zod';
import { type AnswerLanguage, MAX_QUESTION_LENGTH } from '../../src/index.ts';
import type { SubmitData } from './cards.ts';
import { clip } from './markup.ts';

/** A command; `language` is set when the command word itself is Spanish (`ayuda`, `fuentes`, `cifras`). */
export type Command =
  | { kind: 'help'; language?: AnswerLanguage }
  | { kind: 'sources'; language?: AnswerLanguage }
  | { kind: 'figures'; topic?: string; language?: AnswerLanguage }
  | { kind: 'question'; text: string };

/** `{ language: 'es' }` when the command word is the Spanish alias, else nothing. */
function spanish(word: string | undefined, alias: string): { language?: AnswerLanguage } {
  return word?.toLowerCase() === alias ? { language: 'es' } : {};
}

/**
 * `help`, `sources` and `figures [topic]`, or `ayuda`, `fuentes` and `cifras [tema]` (optionally
 * with a leading `/`, as typed from the command menu); `help` and `sources` only on their own, so
 * "help me understand the deal" is still a question. Anything else is a question (possibly empty).
 */
export function parseCommand(text: string): Command {
  const t = text.trim();
  const help = /^\/?(help|ayuda)[.!?]?$/i.exec(t);
  if (help) return { kind: 'help', ...spanish(help[1], 'ayuda') };
  const sources = /^\/?(sources|fuentes)[.!?]?$/i.exec(t);
  if (sources) return { kind: 'sources', ...spanish(sources[1], 'fuentes') };
  const figures = /^\/?(figures|cifras)(?:[\s:]+([\s\S]*))?$/i.exec(t);
  if (figures) {
    const topic = figures[2]?.trim();
    return { kind: 'figures', ...(topic ? { topic } : {}), ...spanish(figures[1], 'cifras') };
  }
  return { kind: 'question', text: t };
}

const submitSchema = z.object({
  cita: z.enum(['sources', 'ask']),
  // A click on a card Cita sent: the question is at most what the core accepts (with slack).
  question: z
    .string()
    .max(MAX_QUESTION_LENGTH * 2)
    .transform((q) => q.trim()),
});

/** The data of a click on one of Cita's card buttons, or null for anything else. */
export function parseSubmit(value: unknown): SubmitData | null {
  const parsed = submitSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const feedbackSchema = z.object({
  actionName: z.string().max(100),
  actionValue: z
    .object({
      reaction: z.string().max(20).optional(),
      // Teams sends the form as a JSON string: `{"feedbackText":"…"}`.
      feedback: z.string().max(10_000).optional(),
    })
    .optional(),
});

export interface Feedback {
  actionName: string;
  reaction?: string;
  text?: string;
}

/** The `message/submitAction` invoke's value (thumbs up/down and the optional comment). */
export function parseFeedback(value: unknown): Feedback | null {
  const parsed = feedbackSchema.safeParse(value);
  if (!parsed.success) return null;
  const out: Feedback = { actionName: parsed.data.actionName };
  const reaction = parsed.data.actionValue?.reaction;
  if (reaction) out.reaction = reaction;
  const raw = parsed.data.actionValue?.feedback;
  if (raw) {
    let text: unknown = raw;
    try {
      const form: unknown = JSON.parse(raw);
      if (form && typeof form === 'object' && 'feedbackText' in form) text = form.feedbackText;
    } catch {
      // Not JSON: keep the raw string.
    }
    if (typeof text === 'string' && text.trim()) out.text = clip(text.trim(), 500);
  }
  return out;
}
