/**
 * An article's Markdown body → its paragraphs as a reader sees them: the text without the markup.
 * "Verbatim" means the words the article shows, so `**Kestrel Park**` is quoted as `Kestrel Park`,
 * `[the ministry](https://…)` as `the ministry`, `&rsquo;` as `’`: raw asterisks in a quote would be
 * wrong, and in Slack they would turn into bold. Parsing is marked's lexer (CommonMark + GFM);
 * this file only walks its tokens.
 */
import { decodeHTMLStrict } from 'entities';
import { Lexer, type Token, type Tokens } from 'marked';

/** A paragraph of article text (headings and list items are paragraphs of their own). */
export interface Paragraph {
  text: string;
  kind: 'text' | 'heading' | 'item';
}

/** Inline tokens → plain text: emphasis and links keep their words; images and HTML tags go. */
function inlineText(tokens: readonly Token[] | undefined): string {
  let out = '';
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        out += inlineText((token as Tokens.Strong).tokens);
        break;
      case 'text':
        out += 'tokens' in token && token.tokens ? inlineText(token.tokens) : decodeHTMLStrict(token.text);
        break;
      case 'codespan':
      case 'escape':
        out += token.text;
        break;
      case 'br':
        out += ' ';
        break;
      // image, html (inline tags), and anything unknown: not words of the article.
    }
  }
  return out;
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text of an HTML block, tags and comments removed. */
const htmlText = (html: string) =>
  decodeHTMLStrict(html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '));

function walk(tokens: readonly Token[], kind: Paragraph['kind'], out: Paragraph[]): void {
  const push = (text: string, as: Paragraph['kind'] = kind) => {
    const clean = tidy(text);
    if (clean) out.push({ text: clean, kind: as });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        push(inlineText(token.tokens), 'heading');
        break;
      case 'paragraph':
      case 'text':
        push('tokens' in token && token.tokens ? inlineText(token.tokens) : decodeHTMLStrict(token.text));
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) walk(item.tokens, 'item', out);
        break;
      case 'blockquote':
        walk((token as Tokens.Blockquote).tokens, kind, out);
        break;
      case 'code':
        // An indented block in a news article is prose someone indented, not code.
        push(token.codeBlockStyle === 'indented' ? inlineText(Lexer.lexInline(token.text)) : token.text);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) =>
          cells.map((cell) => tidy(inlineText(cell.tokens))).join(' | ');
        push(row(table.header), 'item');
        for (const cells of table.rows) push(row(cells), 'item');
        break;
      }
      case 'html':
        push(htmlText(token.text));
        break;
      // hr, space, link definitions: no text.
    }
  }
}

/**
 * Splits a Markdown body into plain-text paragraphs; headings and list items (`-`, `*`, `1.`, and
 * the `•` of pasted web text) become their own.
 * @example splitParagraphs('## The **plan**\n\nIt costs [$5m](https://x.y).\n\n- one') →
 *   [{ text: 'The plan', kind: 'heading' }, { text: 'It costs $5m.', kind: 'text' }, { text: 'one', kind: 'item' }]
 */
export function splitParagraphs(body: string): Paragraph[] {
  return plainParagraphs(body) ?? markdownParagraphs(body);
}

/** A character with a meaning in Markdown (or the `•` of pasted lists), `#` aside. */
const MARKUP = /[*_`[\]<>&\\!|~=•]/;
/** A line a Markdown block rule could take: a list, code, an underline, a quote. */
const BLOCK_START = /^[ \t\d+>-]/;
/** "## A heading", its text plain. */
const HEADING = /^(#{1,6})[ \t]+([^#]*[^#\s][^#]*)$/;

/**
 * The paragraphs of text no Markdown rule can touch but `#` headings — most of a large archive —
 * read line by line, as marked would read them; undefined for anything else.
 */
function plainParagraphs(body: string): Paragraph[] | undefined {
  if (MARKUP.test(body)) return undefined;
  const out: Paragraph[] = [];
  let lines: string[] = [];
  const flush = () => {
    const text = tidy(lines.join(' '));
    if (text) out.push({ text, kind: 'text' });
    lines = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (!line.trim()) flush();
    else if (BLOCK_START.test(line)) return undefined;
    else if (line.includes('#')) {
      const heading = HEADING.exec(line.trimEnd());
      if (!heading) return undefined;
      flush();
      out.push({ text: tidy(heading[2] ?? ''), kind: 'heading' });
    } else lines.push(line);
  }
  flush();
  return out;
}

/** The paragraphs marked's lexer finds (the general path; exported for the tests). */
export function markdownParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  walk(new Lexer().lex(body.replace(/^([ \t]*)•[ \t]+/gm, '$1- ')), 'text', paragraphs);
  return paragraphs;
}
