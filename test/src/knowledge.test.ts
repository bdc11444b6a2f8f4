import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/index.ts';
import { parseArticle } from '../../src/knowledge.ts';

const good = `---
title: A title
publisher: A publisher
url: https://example.org/a
published: 2024-09-25
author: Ann Author
---

First paragraph, first line
continues here.

## A heading

- An item
- Another item
`;

function fails(source: string): string {
  try {
    parseArticle('a.md', source);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('expected parseArticle to fail');
}

describe('parseArticle', () => {
  it('reads front matter and splits headings and items into their own paragraphs', () => {
    const article = parseArticle('a.md', good);
    expect(article).toEqual({
      id: 'a',
      title: 'A title',
      publisher: 'A publisher',
      url: 'https://example.org/a',
      published: '2024-09-25',
      author: 'Ann Author',
      paragraphs: [
        { text: 'First paragraph, first line continues here.', kind: 'text' },
        { text: 'A heading', kind: 'heading' },
        { text: 'An item', kind: 'item' },
        { text: 'Another item', kind: 'item' },
      ],
    });
  });

  it('treats published and author as optional', () => {
    const article = parseArticle('b.md', '---\ntitle: T\npublisher: P\nurl: http://x.example\n---\nBody.');
    expect(article.published).toBeNull();
    expect(article.author).toBeNull();
  });

  it('names the file and the field in every error', () => {
    expect(fails('no front matter')).toBe(
      'a.md: missing front matter (a block between --- lines at the top)',
    );
    expect(fails('---\npublisher: P\nurl: https://x.example\n---\nBody')).toBe(
      'a.md: field "title" is missing',
    );
    expect(fails('---\ntitle: T\npublisher: P\nurl: not a url\n---\nBody')).toBe(
      'a.md: field "url" : must be an http(s) URL',
    );
    expect(fails('---\ntitle: T\npublisher: P\nurl: ftp://x.example/a\n---\nBody')).toBe(
      'a.md: field "url" : must be an http(s) URL',
    );
    expect(
      fails('---\ntitle: T\npublisher: P\nurl: https://x.example\npublished: 25/09/2024\n---\nBody'),
    ).toBe('a.md: field "published" : must be a date YYYY-MM-DD');
    expect(fails('---\ntitle: "  "\npublisher: P\nurl: https://x.example\n---\nBody')).toBe(
      'a.md: field "title" : must not be empty',
    );
    expect(fails('---\ntitle: T\npublisher: P\nurl: https://x.example\n---\n\n   \n')).toBe(
      'a.md: the article body is empty',
    );
    expect(fails('---\ntitle: [unclosed\n---\nBody')).toMatch(/^a\.md: front matter is not valid YAML: /);
  });
});

describe('loadKnowledge', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function folder(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'cita-knowledge-'));
    folders.push(dir);
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }

  it('loads every article in file-name order, with the vocabulary', async () => {
    const dir = await folder({
      'b.md': good,
      'a.md': good,
      'vocabulary.yaml': 'synonyms:\n  - [x, y]\n',
      'README.md': 'not an article',
    });
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(knowledge.vocabulary).toEqual({ synonyms: [['x', 'y']] });
  });

  it('stops on the first bad file, naming it: nothing is half-loaded', async () => {
    const dir = await folder({
      'a.md': good,
      'z.md': good.replace('url: https://example.org/a', 'url: nope'),
    });
    await expect(loadKnowledge(dir)).rejects.toThrow('z.md: field "url" : must be an http(s) URL');
  });

  it('explains a missing folder, an empty folder and a bad vocabulary', async () => {
    await expect(loadKnowledge('/nonexistent/cita')).rejects.toThrow(
      '/nonexistent/cita: knowledge folder not found or not readable',
    );
    const empty = await folder({});
    await expect(loadKnowledge(empty)).rejects.toThrow(`${empty}: no articles (*.md files) found`);
    const badVocabulary = await folder({ 'a.md': good, 'vocabulary.yaml': 'synonyms:\n  - [lonely]\n' });
    await expect(loadKnowledge(badVocabulary)).rejects.toThrow(
      'vocabulary.yaml: field "synonyms.0" : a synonym group needs at least two words',
    );
  });
});
