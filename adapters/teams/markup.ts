/**
 * Text going to Teams and coming from it. Teams renders a bot message's `text` as Markdown with
 * some HTML (`<at>` becomes a mention only with a matching entity, but `<b>`, links and lists do
 * render), so article and user text is escaped before it goes into `text`. Cards never need this:
 * they carry untrusted text only in `TextRun`s, which Adaptive Cards do not parse.
 */
import { decodeHTMLStrict } from 'entities';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Incoming text longer than this is cut before cleaning: the core cuts far shorter anyway. */
export const MAX_INCOMING_CHARS = 20_000;

/**
 * `a <b>*x*</b>` → `a &lt;b&gt;\*x\*&lt;/b&gt;`: shows as typed in a Markdown `text` field.
 * Escapes only what can start formatting (emphasis, code, links, headings, lists), to keep the
 * text readable wherever a client shows it raw.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[&<>]/g, (c) => HTML[c] ?? c)
      .replace(/[\\`*_~[\]]/g, '\\$&')
      // Block Markdown only starts a line: headings, lists (`- `, `+ `, `1. `); quotes are entities already.
      .replace(/^(\s*)(#+|[-+]|\d+\.)(?=\s|$)/gm, (_m, space: string, marker: string) =>
        marker.endsWith('.') ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`,
      )
  );
}

/**
 * Escapes `text` but keeps the `[n]` citation markers listed in `markers` intact, so Teams can
 * turn them into citation pills. Other bracketed numbers in article text are escaped like any
 * text, and a `(` or `:` right after a kept marker too, so `[1](url)` or `[1]: url` never links.
 */
export function escapeKeepingMarkers(text: string, markers: ReadonlySet<number>): string {
  let out = '';
  let last = 0;
  const segment = (from: number, to?: number) => {
    const escaped = escapeMarkdown(text.slice(from, to));
    return from > 0 && /^[(:]/.test(escaped) ? `\\${escaped}` : escaped;
  };
  for (const m of text.matchAll(/\[(\d{1,3})\]/g)) {
    if (!markers.has(Number(m[1]))) continue;
    out += segment(last, m.index) + m[0];
    last = m.index + m[0].length;
  }
  return out + segment(last);
}

/** Longer URLs are shown as text, not linked: real article URLs are far shorter, and size counts. */
export const MAX_LINK_URL = 600;

/**
 * The URL when it is a well-formed http(s) URL of reasonable length, else undefined (a
 * `javascript:` URL never becomes a link).
 */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const ok =
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.href.length <= MAX_LINK_URL;
    return ok ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export { clip } from '../clip.ts';

/**
 * The text a user typed, from what Teams sends: other people's `<at>Name</at>` mentions become
 * their names, leftover HTML tags are dropped, entities decoded, control characters and runs of
 * white space collapsed. Anything that is not a string is treated as empty.
 */
export function cleanIncomingText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return (
    decodeHTMLStrict(
      raw
        .slice(0, MAX_INCOMING_CHARS)
        .replace(/<at\b[^>]*>([\s\S]*?)<\/at>/gi, '$1')
        .replace(/<\/?[a-z][^>]*>/gi, ' '),
    )
      // Control characters and bidi overrides (which can make text read differently than it is).
      .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
