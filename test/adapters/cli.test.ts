import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { terminalLocale } from '../../adapters/cli/args.ts';
import { reply, runChat } from '../../adapters/cli/chat.ts';
import { answerText, figuresText, wrap } from '../../adapters/cli/render.ts';
import { type Answer, type Cita, type KeyFigure, loadCita } from '../../src/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOLAR = fileURLToPath(new URL('../fixtures/solar/', import.meta.url));
const run = promisify(execFile);

describe('plain-text rendering', () => {
  const answer: Answer = {
    question: 'q',
    answered: true,
    answer: 'It costs $5. [1]',
    citations: [
      {
        n: 1,
        articleId: 'a',
        title: 'T',
        publisher: 'P',
        url: 'https://x.example/a',
        published: '2024-01-02',
        author: null,
        quote: 'It costs $5.',
        passage: 'It costs $5.',
      },
    ],
    conflict: null,
    language: 'en',
  };

  it('prints the answer and numbered sources', () => {
    expect(answerText(answer)).toBe(
      'It costs $5. [1]\n\nSources:\n [1] "T" — P, 2024-01-02\n     https://x.example/a',
    );
  });

  it('wraps to the width, keeping the indent', () => {
    expect(wrap('  aaa bbb ccc', 9, '    ')).toBe('  aaa bbb\n    ccc');
  });

  it('says when a topic has no figures', () => {
    expect(figuresText([], 80, { topic: 'tennis' })).toBe(
      'I found no key figures about “tennis” in the articles. Type /figures for all of\nthem.',
    );
    expect(figuresText([])).toBe('I found no key figures in the articles.');
  });

  it('frames Spanish figures in Spanish, keeping labels and values verbatim', () => {
    const cite = answer.citations[0] as Answer['citations'][number];
    const figures: KeyFigure[] = [
      {
        label: 'jobs created',
        kind: 'count',
        disputed: false,
        values: [{ value: '1,200', citations: [cite] }],
      },
      {
        label: 'battery size',
        kind: 'capacity',
        disputed: true,
        values: [
          { value: '800 MWh', citations: [cite] },
          { value: '750 MWh', citations: [{ ...cite, publisher: 'Q' }] },
        ],
      },
    ];
    expect(figuresText(figures, 80, { language: 'es', topic: 'empleos' })).toBe(
      [
        'Cifras clave sobre «empleos»:',
        '• 1,200 — jobs created (P)',
        '• EN DISPUTA — battery size',
        '    800 MWh — P',
        '    750 MWh — Q',
      ].join('\n'),
    );
    expect(figuresText([], 80, { language: 'es', topic: 'tenis' })).toBe(
      'No encontré cifras clave sobre «tenis» en los artículos. Escribe /figures para\nverlas todas.',
    );
    expect(figuresText([], 80, { language: 'es' })).toBe('No encontré cifras clave en los artículos.');
  });
});

describe('the terminal chat', () => {
  let cita: Cita;
  beforeAll(async () => {
    cita = await loadCita(SOLAR);
  });

  it('handles commands, questions and empty input', () => {
    expect(reply(cita, '/quit')).toBeNull();
    expect(reply(cita, '')).toContain('/figures [topic]');
    expect(reply(cita, '/sources')).toContain('I know 2 articles:');
    expect(reply(cita, '/figures battery')).toContain('800 MWh');
    expect(reply(cita, '/nope')).toBe('Unknown command /nope. Type /help for the commands.');
    expect(reply(cita, 'How big is the battery?')).toContain('[1] "Acme Solar to build 200 MW plant');
  });

  it('answers each piped line and ends with the input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => {
      text += chunk;
    });
    input.end('How big is the battery?\n\nWho is Elon Musk?\n');
    expect(await runChat(cita, input, output, 'en-US')).toBe(0);
    expect(text).toContain('800 MWh');
    expect(text).toContain('The articles don\'t mention "Elon" or "Musk".');
  });

  it('speaks Spanish to a Spanish terminal, or when a Spanish command is typed', () => {
    expect(reply(cita, '/help', 'es-MX')).toContain('/cifras [tema]');
    expect(reply(cita, '/ayuda')).toContain('Hazme una pregunta sobre los artículos');
    expect(reply(cita, '', 'es-ES')).toContain('/fuentes');
    expect(reply(cita, '/fuentes')).toContain('Conozco 2 artículos:');
    expect(reply(cita, '/sources', 'es')).toContain('Conozco 2 artículos:');
    expect(reply(cita, '/cifras batería')).toContain('800 MWh');
    expect(reply(cita, '/cifras batería')).toContain('Cifras clave');
    expect(reply(cita, '/nope', 'es-MX')).toBe(
      'No conozco el comando /nope. Escribe /ayuda para ver los comandos.',
    );
    expect(reply(cita, '/salir')).toBeNull();
    // The locale is a hint: a language-neutral question is framed in Spanish, an English one is not.
    expect(reply(cita, 'Acme Solar', 'es-MX')).toMatch(/Fuentes/);
    expect(reply(cita, 'How big is the battery?', 'es-MX')).toContain('Sources');
    expect(reply(cita, '/help', 'en-GB')).toContain('/figures [topic]');
  });

  it('reads the terminal locale as POSIX programs do', () => {
    expect(terminalLocale({ LANG: 'es_MX.UTF-8' })).toBe('es-MX');
    expect(terminalLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'es_ES.UTF-8' })).toBe('en-GB');
    expect(terminalLocale({ LC_MESSAGES: 'es_ES@euro', LANG: 'en_US' })).toBe('es-ES');
    expect(terminalLocale({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(terminalLocale({ LANG: 'POSIX' })).toBeUndefined();
    expect(terminalLocale({ LC_ALL: ' ', LANG: '' })).toBeUndefined();
  });

  it('greets an interactive Spanish terminal in Spanish', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => {
      text += chunk;
    });
    input.end('/salir\n');
    expect(await runChat(cita, input, output, 'es-MX')).toBe(0);
    expect(text).toContain('Cita — respuestas de 2 artículos, con fuentes. Escribe /ayuda');
  });

  it('stays within 80 columns apart from URLs', () => {
    for (const question of [
      'How many jobs will the plant create?',
      '/sources',
      '/figures',
      'What is this?',
      '/ayuda',
      '/fuentes',
    ]) {
      const lines = (reply(cita, question) ?? '').split('\n');
      expect(lines.filter((l) => l.length > 80 && !l.includes('https://'))).toEqual([]);
    }
  });
});

describe('npm run ask', () => {
  it('prints one JSON answer with --json', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'adapters/cli/ask.ts', '--json', '--knowledge', SOLAR, 'How big is the battery?'],
      { cwd: ROOT },
    );
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      'question',
      'answered',
      'answer',
      'citations',
      'conflict',
      'language',
    ]);
    expect(json.citations[0]).toEqual({
      n: 1,
      title: "Acme Solar to build 200 MW plant in Chile's Atacama desert",
      publisher: 'The Daily Grid',
      url: 'https://example.org/daily-grid/acme-atacama',
      published: '2025-03-04',
      author: 'Jane Roe',
      quote:
        'The plant will include a battery system that stores 800 MWh, enough to keep supplying power after sunset.',
    });
  });

  it('answers stdin questions as JSON lines, in order, with --jsonl', async () => {
    const child = execFile('npx', ['tsx', 'adapters/cli/ask.ts', '--jsonl', '--knowledge', SOLAR], {
      cwd: ROOT,
    });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stdin?.end('How big is the battery?\nWho is Elon Musk?\n');
    await new Promise((resolve) => child.on('close', resolve));
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.question, l.answered])).toEqual([
      ['How big is the battery?', true],
      ['Who is Elon Musk?', false],
    ]);
  });

  it("reads the terminal's locale, as the chat does: Spanish help and figures under es_MX", async () => {
    const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'es_MX.UTF-8' };
    const [help, figures] = await Promise.all([
      run('npx', ['tsx', 'adapters/cli/ask.ts', '--knowledge', SOLAR, ''], { cwd: ROOT, env }),
      run('npx', ['tsx', 'adapters/cli/figures.ts', '--json', '--knowledge', SOLAR], { cwd: ROOT, env }),
    ]);
    expect(help.stdout).toMatch(/^Hazme una pregunta/);
    expect(JSON.parse(figures.stdout)).toMatchObject({ topic: '', language: 'es' });
  });

  it("prints the core's FiguresAnswer with npm run figures -- --json", async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'adapters/cli/figures.ts', '--json', '--knowledge', SOLAR, 'battery'],
      { cwd: ROOT },
    );
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['topic', 'language', 'figures']);
    expect(json).toMatchObject({ topic: 'battery', language: 'en' });
    expect(json.figures.map((f: KeyFigure) => f.values[0]?.value)).toEqual(['800 MWh']);
  });

  it('stops with one clear message on a bad knowledge folder', async () => {
    await expect(
      run('npx', ['tsx', 'adapters/cli/ask.ts', '--knowledge', '/nonexistent', 'hi'], { cwd: ROOT }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('cita: /nonexistent: knowledge folder not found or not readable'),
    });
  });
});
