/**
 * Pure renderers from the core's answers to what Teams shows: Adaptive Cards (1.5) and the
 * schema.org citation entity. Data in, data out: no botbuilder, no I/O.
 */
import {
  type Answer,
  type AnswerLanguage,
  type ArticleMeta,
  type Citation,
  type Conflict,
  labels as coreLabels,
  type KeyFigure,
} from '../../src/index.ts';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  container,
  fitCard,
  linkRun,
  rich,
  run,
  submit,
} from './adaptiveCard.ts';
import { type Labels, labels } from './labels.ts';
import { clip, escapeKeepingMarkers, safeUrl } from './markup.ts';

/** Limits that keep every card far inside Teams' size limit whatever the articles contain. */
export const LIMITS = {
  answer: 3000,
  quote: 600,
  passageContext: 400,
  title: 200,
  cardCitations: 10,
  figures: 15,
  figureValues: 5,
  conflictValues: 8,
  sourcesPerValue: 4,
  articles: 30,
  buttonTitle: 40,
  suggestionButtons: 3,
  /** Teams shows at most 20 citations a message. */
  entityCitations: 20,
  messageText: 4000,
} as const;

/** `Action.Submit` data: what a button click sends back to the bot. */
export type SubmitData = { cita: 'sources'; question: string } | { cita: 'ask'; question: string };

const bold = { weight: 'Bolder' } as const;
const subtle = { isSubtle: true } as const;

function metaLine(c: Pick<Citation, 'publisher' | 'published' | 'author'>, withAuthor: boolean): string {
  const parts = [c.publisher, c.published ?? ''];
  if (withAuthor && c.author) parts.push(c.author);
  return parts.filter(Boolean).join(' · ');
}

function conflictBlock(conflict: Conflict, citations: readonly Citation[], l: Labels): CardElement {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const rows = conflict.values.slice(0, LIMITS.conflictValues).map((v) => {
    const cited = v.citations.slice(0, LIMITS.cardCitations);
    const publishers = [...new Set(cited.map((n) => byN.get(n)?.publisher).filter(Boolean))].join(', ');
    const markers = cited.map((n) => `[${n}]`).join(' ');
    return rich([
      run(clip(v.value, 60), bold),
      run(clip(` — ${[publishers, markers].filter(Boolean).join(' ')}`, 300)),
    ]);
  });
  return container([rich([run(`${l.sourcesDiffer}: `, bold), run(clip(conflict.subject, 200))]), ...rows], {
    style: 'warning',
  });
}

function noticeBlocks(answer: Answer): CardElement[] {
  return (answer.notices ?? [])
    .slice(0, 3)
    .map((n) => rich([run(clip(n, 300), { isSubtle: true, italic: true })]));
}

function askButtons(suggestions: readonly string[] | undefined): CardElement[] {
  return (suggestions ?? [])
    .slice(0, LIMITS.suggestionButtons)
    .map((s) =>
      submit(clip(s, LIMITS.buttonTitle), { cita: 'ask', question: clip(s, 500) } satisfies SubmitData),
    );
}

/** A decline: the core's explanation, the terms it could not find, and questions to try instead. */
function declineCard(answer: Answer, head: CardElement[]): AdaptiveCard {
  const l = labels(answer.language);
  const body = [...head, rich([run(clip(answer.answer, LIMITS.answer))])];
  if (answer.missing?.length)
    body.push(rich([run(`${l.notInArticles} `, subtle), run(clip(answer.missing.join(', '), 300))]));
  if (answer.suggestions?.length) body.push(rich([run(l.tryAsking, subtle)]));
  return card([...body, ...noticeBlocks(answer)], askButtons(answer.suggestions));
}

function moreSources(answer: Answer, l: Labels): CardElement[] {
  const more = answer.citations.length - LIMITS.cardCitations;
  return more > 0 ? [rich([run(l.moreSources(more), subtle)])] : [];
}

/**
 * The answer in a channel or group chat: the answer, the conflict when sources differ, each quoted
 * snippet with its numbered, linked source, and a **Sources** button that sends the asker the full
 * citations privately.
 */
export function answerCard(answer: Answer): AdaptiveCard {
  if (!answer.answered) return declineCard(answer, []);
  const l = labels(answer.language);
  const body: CardElement[] = [rich([run(clip(answer.answer, LIMITS.answer))])];
  if (answer.conflict) body.push(conflictBlock(answer.conflict, answer.citations, l));
  body.push(rich([run(l.sources, bold)], { separator: true }));
  for (const c of answer.citations.slice(0, LIMITS.cardCitations)) {
    body.push(
      container([
        rich([
          run(`[${c.n}] `, bold),
          linkRun(clip(c.title, LIMITS.title), c.url),
          ...(metaLine(c, false) ? [run(` · ${metaLine(c, false)}`, subtle)] : []),
        ]),
        rich([run(`“${clip(c.quote, LIMITS.quote)}”`, { italic: true })]),
      ]),
    );
  }
  body.push(...moreSources(answer, l), ...noticeBlocks(answer));
  const sources = submit(l.sourcesButton, {
    cita: 'sources',
    question: answer.question,
  } satisfies SubmitData);
  return fitCard(card(body, [sources]), l.shortened);
}

/** The passage with the quoted sentence highlighted, trimmed to some context on each side. */
function passageRuns(c: Citation): CardElement[] {
  const at = c.passage.indexOf(c.quote);
  if (at < 0 || !c.quote) return [run(clip(c.passage || c.quote, LIMITS.quote + 2 * LIMITS.passageContext))];
  const before = c.passage.slice(0, at);
  const after = c.passage.slice(at + c.quote.length);
  const head =
    before.length > LIMITS.passageContext
      ? `…${before.slice(-LIMITS.passageContext + 1).trimStart()}`
      : before;
  return [
    ...(head ? [run(head)] : []),
    run(clip(c.quote, 2 * LIMITS.quote), { highlight: true }),
    ...(after ? [run(clip(after, LIMITS.passageContext))] : []),
  ];
}

function displayUrl(url: string): string {
  return clip(url.replace(/^https?:\/\//i, ''), 80);
}

/**
 * Every quoted passage in full, with title, publisher, date, author and link: the answer in a
 * personal chat, and what the **Sources** button sends privately (then `withQuestion`, since the
 * question is not on screen there).
 */
export function fullCitationsCard(answer: Answer, options: { withQuestion?: boolean } = {}): AdaptiveCard {
  const l = labels(answer.language);
  const head = options.withQuestion
    ? [rich([run(`${l.question} `, subtle), run(clip(answer.question, 300))])]
    : [];
  if (!answer.answered) return declineCard(answer, head);
  const body: CardElement[] = [...head, rich([run(clip(answer.answer, LIMITS.answer))])];
  if (answer.conflict) body.push(conflictBlock(answer.conflict, answer.citations, l));
  body.push(rich([run(l.sources, bold)], { separator: true }));
  for (const c of answer.citations.slice(0, LIMITS.cardCitations)) {
    body.push(
      container(
        [
          rich([run(`[${c.n}] `, bold), linkRun(clip(c.title, LIMITS.title), c.url, bold)]),
          rich([run(metaLine(c, true) || l.undated, subtle)]),
          rich(passageRuns(c)),
          rich([linkRun(displayUrl(c.url), c.url, subtle)]),
        ],
        { separator: true },
      ),
    );
  }
  body.push(...moreSources(answer, l), ...noticeBlocks(answer));
  return fitCard(card(body), l.shortened);
}

/** Distinct sources (by article) of a figure value, each linked, with its date. */
function valueSources(citations: readonly Citation[]): CardElement[] {
  const seen = new Set<string>();
  const out: CardElement[] = [];
  for (const c of citations) {
    if (seen.has(c.articleId)) continue;
    seen.add(c.articleId);
    if (seen.size > LIMITS.sourcesPerValue) break;
    if (out.length > 0) out.push(run(', '));
    out.push(linkRun(clip(c.publisher, 80), c.url));
    if (c.published) out.push(run(` (${c.published})`, subtle));
  }
  return out;
}

/**
 * Key figures (optionally about `topic`), framed in `language` (the core's
 * `FiguresAnswer.language`); disputed ones show each value with its sources. Labels and values
 * stay as the articles say them.
 */
export function figuresCard(
  figures: readonly KeyFigure[],
  topic?: string,
  language: AnswerLanguage = 'en',
): AdaptiveCard {
  const l = labels(language);
  const shared = coreLabels(language);
  const about = topic ? clip(topic, 100) : undefined;
  const body: CardElement[] = [
    rich([run(about ? l.figuresAbout(about) : shared.keyFigures, { ...bold, size: 'Medium' })]),
  ];
  if (figures.length === 0) body.push(rich([run(about ? l.noFiguresAbout(about) : shared.noFigures)]));
  for (const f of figures.slice(0, LIMITS.figures)) {
    const title = [run(clip(f.label, 150), bold)];
    if (f.disputed) title.push(run(`  ${l.figureDisputed}`, { color: 'Attention' }));
    const values = f.values
      .slice(0, LIMITS.figureValues)
      .map((v) => rich([run(clip(v.value, 60), bold), run(' — '), ...valueSources(v.citations)]));
    body.push(
      container(
        [rich(title), ...values],
        f.disputed ? { separator: true, style: 'warning' } : { separator: true },
      ),
    );
  }
  const more = figures.length - LIMITS.figures;
  if (more > 0) body.push(rich([run(l.moreFigures(more), subtle)]));
  return fitCard(card(body), l.shortened);
}

/** The articles Cita answers from (the `sources` command), framed in `language`. */
export function sourcesCard(articles: readonly ArticleMeta[], language: AnswerLanguage = 'en'): AdaptiveCard {
  const l = labels(language);
  const body: CardElement[] = [rich([run(l.sourcesTitle, { ...bold, size: 'Medium' })])];
  if (articles.length === 0) body.push(rich([run(l.noArticles)]));
  for (const a of articles.slice(0, LIMITS.articles)) {
    body.push(
      container(
        [rich([linkRun(clip(a.title, LIMITS.title), a.url, bold)]), rich([run(metaLine(a, true), subtle)])],
        {
          separator: true,
        },
      ),
    );
  }
  const more = articles.length - LIMITS.articles;
  if (more > 0) body.push(rich([run(l.moreArticles(more), subtle)]));
  return fitCard(card(body), l.shortened);
}

/**
 * What Cita does and how to ask (the `help`/`ayuda` command, and a bare @mention), in `language`:
 * the commands as typed in that language.
 */
export function helpCard(suggestions: readonly string[] = [], language: AnswerLanguage = 'en'): AdaptiveCard {
  const l = labels(language);
  return card(
    [
      rich([run(l.helpTitle, { ...bold, size: 'Medium' })]),
      rich([run(l.helpIntro)]),
      ...l.helpCommands.map(([name, what]) => rich([run(name, bold), run(` — ${what}`)])),
      ...(suggestions.length > 0 ? [rich([run(l.tryAsking, subtle)])] : []),
    ],
    askButtons(suggestions),
  );
}

/** Teams' citation entity: one claim per `[n]` marker in the answer text, at most 20. */
export interface CitationEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  citation: CitationClaim[];
}

export interface CitationClaim {
  '@type': 'Claim';
  position: number;
  appearance: {
    '@type': 'DigitalDocument';
    name: string;
    abstract: string;
    url?: string;
    keywords?: string[];
  };
}

/**
 * The citations whose `[n]` marker appears in the message text (as sent, so after clipping), one
 * per number; Teams shows no more than 20.
 */
export function citedCitations(answer: Answer): Citation[] {
  if (!answer.answered) return [];
  const text = clip(answer.answer, LIMITS.messageText);
  const markers = new Set([...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1])));
  const seen = new Set<number>();
  return answer.citations
    .filter((c) => markers.has(c.n) && !seen.has(c.n) && seen.add(c.n))
    .slice(0, LIMITS.entityCitations);
}

/**
 * The schema.org `Message` entity that makes Teams show native citations for the `[n]` markers
 * in the message text; null when nothing is cited. No `additionalType: ['AIGeneratedContent']`:
 * Cita quotes, it does not generate.
 */
export function citationEntity(answer: Answer): CitationEntity | null {
  const cited = citedCitations(answer);
  if (cited.length === 0) return null;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: cited.map((c) => {
      const appearance: CitationClaim['appearance'] = {
        '@type': 'DigitalDocument',
        name: clip(c.title, 80),
        abstract: clip(c.quote, 160),
      };
      const url = safeUrl(c.url);
      if (url) appearance.url = url;
      const keywords = [c.publisher, c.published ?? ''].filter(Boolean).map((k) => clip(k, 28));
      if (keywords.length > 0) appearance.keywords = keywords;
      return { '@type': 'Claim', position: c.n, appearance };
    }),
  };
}

/** The message text: the answer with its `[n]` markers kept for the citation entity, all else escaped. */
export function answerText(answer: Answer): string {
  const markers = new Set(citedCitations(answer).map((c) => c.n));
  return escapeKeepingMarkers(clip(answer.answer, LIMITS.messageText), markers);
}
