/**
 * Key figures, derived from the knowledge at load time: every amount, count, percentage,
 * duration, capacity and target year, with a short label from its context. The same value in
 * several sources is one figure citing all of them; different values for the same thing in
 * different sources (same kind and unit, closely similar context) are one disputed figure.
 */
import type { Corpus, Sentence } from './corpus.ts';
import { idf } from './question.ts';
import type { FigureInfo, FigureKind } from './text.ts';

export interface FigureOccurrence {
  sentence: number;
  token: number;
  text: string;
  info: FigureInfo;
  kind: FigureKind;
  /** The counted thing's term ("people" in "5 million people"), if any. */
  unit: string | null;
  /** Canonical value term, e.g. `1300000000`. */
  term: string;
}

export interface FigureCluster {
  kind: FigureKind;
  label: string;
  /** Occurrences grouped by value, in order of first appearance. */
  values: { term: string; occurrences: FigureOccurrence[] }[];
  disputed: boolean;
}

const TIME_UNITS = /^(?:years?|months?|weeks?|days?|decades?|hours?)$/;

/** What kind of figure a token is, from the figure itself and the words around it. */
export function figureKind(sentence: Sentence, index: number): FigureKind {
  const token = sentence.tokens[index];
  const info = token?.figure;
  if (!token || !info) return 'count';
  if (info.currency) return 'money';
  if (info.unit === '%') return 'percent';
  if (info.unit) return 'capacity';
  const next = sentence.tokens[index + 1];
  if (next && TIME_UNITS.test(next.surface)) return 'duration';
  if (!info.scaled && Number.isInteger(info.value) && info.value >= 1900 && info.value <= 2100) return 'year';
  return 'count';
}

function occurrencesOf(corpus: Corpus): FigureOccurrence[] {
  const out: FigureOccurrence[] = [];
  for (const sentence of corpus.sentences) {
    if (corpus.passages[sentence.passage]?.kind === 'heading') continue;
    for (const figure of sentence.figures) {
      const kind = figureKind(sentence, figure.token);
      const previous = sentence.text.slice(0, sentence.tokens[figure.token]?.start ?? 0);
      // A year right after a capitalised word is part of a name ("Expo 2024"), not a target.
      if (kind === 'year' && /\p{Lu}[\p{L}]*\s+$/u.test(previous)) continue;
      const next = sentence.tokens[figure.token + 1];
      const unitIndex = next ? sentence.positions.indexOf(figure.token + 1) : -1;
      const unit = kind === 'count' && unitIndex >= 0 ? (sentence.terms[unitIndex] ?? null) : null;
      // A duration reads with its unit ("three years").
      const end = kind === 'duration' && next ? next.end : (sentence.tokens[figure.token]?.end ?? 0);
      const text = sentence.text.slice(sentence.tokens[figure.token]?.start ?? 0, end);
      out.push({
        sentence: sentence.id,
        token: figure.token,
        text,
        info: figure.info,
        kind,
        unit,
        term: sentence.tokens[figure.token]?.term ?? '',
      });
    }
  }
  return out;
}

/** Idf-weighted overlap of two sentences' content terms (figures left out). */
function similarity(corpus: Corpus, a: Sentence, b: Sentence): number {
  let shared = 0;
  let all = 0;
  const weigh = (term: string) => (/^\d/.test(term) ? 0 : idf(corpus, term));
  for (const term of new Set([...a.termSet, ...b.termSet])) {
    const w = weigh(term);
    all += w;
    if (a.termSet.has(term) && b.termSet.has(term)) shared += w;
  }
  return all === 0 ? 0 : shared / all;
}

const CLAUSE = /,\s|;|:|\(|\)|—|–|\s-\s|\.(?:\s|$)/;

/** Context of a figure: a few words either side, within its clause, verbatim. */
export function figureLabel(sentence: Sentence, start: number, end: number): string {
  const before = sentence.text.slice(0, start).split(CLAUSE).at(-1) ?? '';
  const after = sentence.text.slice(end).split(CLAUSE)[0] ?? '';
  const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);
  const b = words(before).slice(-6).join(' ');
  const a = words(after).slice(0, 4).join(' ');
  return `${b} … ${a}`.trim();
}

/** Context similarity above which two different values are taken to be about the same thing. */
const SAME_THING = 0.3;
const SAME_THING_COUNTED = 0.2;

/** Groups figure occurrences into key figures. */
export function buildKeyFigures(corpus: Corpus): FigureCluster[] {
  const occurrences = occurrencesOf(corpus);
  const parent = occurrences.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const union = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  const disputes: [number, number][] = [];
  const sentenceOf = (o: FigureOccurrence) => corpus.sentences[o.sentence] as Sentence;
  for (let i = 0; i < occurrences.length; i++) {
    for (let j = i + 1; j < occurrences.length; j++) {
      const a = occurrences[i] as FigureOccurrence;
      const b = occurrences[j] as FigureOccurrence;
      if (a.kind !== b.kind) continue;
      const sa = sentenceOf(a);
      const sb = sentenceOf(b);
      const sim = similarity(corpus, sa, sb);
      if (a.term === b.term) {
        if (a.unit === b.unit || sim >= SAME_THING / 2) union(i, j);
      } else if (
        sa.article !== sb.article &&
        a.kind !== 'year' &&
        a.kind !== 'duration' &&
        a.unit === b.unit &&
        // Naming the same counted thing ("jobs", "workers") is itself evidence.
        sim >= (a.unit ? SAME_THING_COUNTED : SAME_THING)
      ) {
        disputes.push([i, j]);
      }
    }
  }
  // A dispute joins the two values into one figure with several values.
  for (const [i, j] of disputes) union(i, j);
  const clusters = new Map<number, FigureCluster>();
  occurrences.forEach((o, i) => {
    const root = find(i);
    let cluster = clusters.get(root);
    if (!cluster) {
      const sentence = sentenceOf(o);
      const start = sentence.tokens[o.token]?.start ?? 0;
      cluster = {
        kind: o.kind,
        label: figureLabel(sentence, start, start + o.text.length),
        values: [],
        disputed: false,
      };
      clusters.set(root, cluster);
    }
    let value = cluster.values.find((v) => v.term === o.term);
    if (!value) {
      value = { term: o.term, occurrences: [] };
      cluster.values.push(value);
    }
    value.occurrences.push(o);
  });
  for (const cluster of clusters.values()) cluster.disputed = cluster.values.length > 1;
  return [...clusters.values()];
}
