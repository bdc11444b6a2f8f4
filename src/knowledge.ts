/**
 * Loading the knowledge folder: one Markdown file per article with YAML front matter,
 * validated with zod. Either every file loads or start-up stops with one error naming the
 * file and the field: nothing is half-loaded.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type Paragraph, splitParagraphs } from './markdown.ts';
import type { ArticleMeta } from './types.ts';

export type { Paragraph };
export { splitParagraphs };

export interface Article extends ArticleMeta {
  paragraphs: Paragraph[];
}

/** Vocabulary that belongs to an article set: groups of words that mean the same. */
export interface Vocabulary {
  synonyms: string[][];
}

/**
 * Spanish → English translations of words this article set needs (beyond the general glossary
 * in src/lexicon/es.yaml): Spanish word or phrase → its English alternatives.
 */
export interface Glossary {
  entries: Record<string, string[]>;
}

export interface Knowledge {
  dir: string;
  articles: Article[];
  vocabulary: Vocabulary;
  /** From the optional glossary.es.yaml; none means only the general glossary. */
  glossary?: Glossary;
}

/** Raised when the knowledge folder cannot be used; the message names the file and the field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
}

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be a date YYYY-MM-DD');

const text = z.string().trim().min(1, 'must not be empty');

const frontMatterSchema = z.object({
  title: text,
  publisher: text,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  published: isoDate.optional().nullable(),
  author: text.optional().nullable(),
});

const vocabularySchema = z.object({
  synonyms: z.array(z.array(text).min(2, 'a synonym group needs at least two words')).default([]),
});

const glossarySchema = z.object({
  glossary: z
    .record(
      text,
      // One translation may be written alone; several (alternatives) as a list.
      z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text).min(1, 'needs a translation')),
    )
    .default({}),
});

/** The name of the optional Spanish glossary file in a knowledge folder. */
export const GLOSSARY_FILE = 'glossary.es.yaml';

/** The name of the optional vocabulary file in a knowledge folder. */
export const VOCABULARY_FILE = 'vocabulary.yaml';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is invalid';
  const field = issue.path.join('.');
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
  return field ? `field "${field}" ${message.startsWith('is ') ? message : `: ${message}`}` : message;
}

/**
 * Parses one article file.
 * @example parseArticle('a.md', '---\ntitle: T\npublisher: P\nurl: https://x.y\n---\nBody.')
 */
export function parseArticle(fileName: string, source: string): Article {
  const match = FRONT_MATTER.exec(source);
  if (!match)
    throw new KnowledgeError(`${fileName}: missing front matter (a block between --- lines at the top)`);
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeError(`${fileName}: front matter is not valid YAML: ${reason}`);
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) throw new KnowledgeError(`${fileName}: ${describe(parsed.error)}`);
  const paragraphs = splitParagraphs(source.slice(match[0].length));
  if (paragraphs.length === 0) throw new KnowledgeError(`${fileName}: the article body is empty`);
  const meta = parsed.data;
  return {
    id: basename(fileName).replace(/\.md$/i, ''),
    title: meta.title,
    publisher: meta.publisher,
    url: meta.url,
    published: meta.published ?? null,
    author: meta.author ?? null,
    paragraphs,
  };
}

/** Parses a YAML data file through `schema`; errors name the file and the field. */
function parseDataFile<T>(fileName: string, source: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeError(`${fileName}: not valid YAML: ${reason}`);
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) throw new KnowledgeError(`${fileName}: ${describe(parsed.error)}`);
  return parsed.data;
}

export function parseVocabulary(fileName: string, source: string): Vocabulary {
  return parseDataFile(fileName, source, vocabularySchema);
}

/** Parses a Spanish glossary file: `glossary:` mapping Spanish words to English ones. */
export function parseGlossary(fileName: string, source: string): Glossary {
  return { entries: parseDataFile(fileName, source, glossarySchema).glossary };
}

/** Loads and validates every `*.md` article (and the optional vocabulary and glossary) in `dir`. */
export async function loadKnowledge(dir: string): Promise<Knowledge> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    throw new KnowledgeError(`${dir}: knowledge folder not found or not readable`);
  }
  const articleFiles = names.filter(
    (name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md',
  );
  if (articleFiles.length === 0) throw new KnowledgeError(`${dir}: no articles (*.md files) found`);
  const articles = await Promise.all(
    articleFiles.map(async (name) => parseArticle(name, await readFile(join(dir, name), 'utf8'))),
  );
  const vocabulary = names.includes(VOCABULARY_FILE)
    ? parseVocabulary(VOCABULARY_FILE, await readFile(join(dir, VOCABULARY_FILE), 'utf8'))
    : { synonyms: [] };
  const glossary = names.includes(GLOSSARY_FILE)
    ? parseGlossary(GLOSSARY_FILE, await readFile(join(dir, GLOSSARY_FILE), 'utf8'))
    : { entries: {} };
  return { dir, articles, vocabulary, glossary };
}
