/**
 * Key figures, derived from the knowledge at load time: every amount, count, percentage,
 * duration, capacity and target year, with a short label from its context. The same value in
 * several sources is one figure citing all of them; different values for the same thing in
 * different sources (same kind and unit, closely similar context) are one disputed figure.
 */
import { type Corpus, idf, LENGTH_UNIT, MEASURE_UNIT, type Sentence } from './corpus.ts';
import { type FigureInfo, type FigureKind, tokenize } from './text.ts';

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

/** Words either side of a figure that say what it is about. */
const AROUND = 8;

/** The content terms within {@link AROUND} tokens of token `at` (figures left out): what a figure is said about. */
function termsAround(sentence: Sentence, at: number): string[] {
  const out: string[] = [];
  sentence.positions.forEach((position, k) => {
    const term = sentence.terms[k] as string;
    if (position !== at && Math.abs(position - at) <= AROUND && !/^\d/.test(term)) out.push(term);
  });
  return out;
}

function occurrencesOf(corpus: Corpus): FigureOccurrence[] {
  const out: FigureOccurrence[] = [];
  for (const sentence of corpus.sentences) {
    if (corpus.passages[sentence.passage]?.kind === 'heading') continue;
    for (const figure of sentence.figures) {
      const { kind } = figure;
      // A year right after a capitalised word is part of a name ("Expo 2024"), not a target.
      if (kind === 'year' && /\p{Lu}[\p{L}]*\s+$/u.test(sentence.text.slice(0, figure.start))) continue;
      // The day of a date ("3 November") says nothing alone.
      if (kind === 'year' && figure.info.value < 100) continue;
      out.push({
        sentence: sentence.id,
        token: figure.token,
        // A duration reads with its unit ("three years").
        text: sentence.text.slice(figure.start, figure.readEnd),
        info: figure.info,
        kind,
        unit: figure.unit,
        term: figure.term,
      });
    }
  }
  return out;
}

/** Idf-weighted overlap of two sentences' content terms (figures left out). */
function similarity(corpus: Corpus, a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  let all = 0;
  const weigh = (term: string) => (/^\d/.test(term) ? 0 : idf(corpus, term));
  for (const term of new Set([...a, ...b])) {
    const w = weigh(term);
    all += w;
    if (a.has(term) && b.has(term)) shared += w;
  }
  return all === 0 ? 0 : shared / all;
}

/**
 * Finds the pairs of sentences whose `similarity` may reach `threshold`, without comparing
 * every pair (prefix filtering): each sentence's weighted terms are ordered rarest first, and
 * its prefix is the shortest run of them whose remaining weight is below `threshold` of its
 * whole. Two sentences that similar share a term in their prefixes, so only sentences meeting
 * in a prefix term's list are compared. Keeps the exact test (`similarity`) for the candidates.
 */
/** What the similarity join compares: a sentence, or the words around one figure. */
export interface TermList {
  id: number;
  terms: readonly string[];
}

export class SimilarityJoin {
  private readonly ordered = new Map<
    number,
    { set: Set<string>; terms: string[]; weights: number[]; total: number }
  >();
  constructor(private readonly corpus: Corpus) {}

  private terms(sentence: TermList) {
    let entry = this.ordered.get(sentence.id);
    if (!entry) {
      const set = new Set(sentence.terms);
      const weighted = [...set]
        .filter((term) => !/^\d/.test(term))
        .map((term) => ({ term, weight: idf(this.corpus, term) }))
        .filter((t) => t.weight > 0)
        .sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
      entry = {
        set,
        terms: weighted.map((t) => t.term),
        weights: weighted.map((t) => t.weight),
        total: weighted.reduce((sum, t) => sum + t.weight, 0),
      };
      this.ordered.set(sentence.id, entry);
    }
    return entry;
  }

  /**
   * Whether two sentences may be `threshold`-similar: the same measure as `similarity` from
   * cached weights, with a margin for rounding, so that only likely pairs pay for the exact one.
   */
  near(a: TermList, b: TermList, threshold: number): boolean {
    const x = this.terms(a);
    const y = this.terms(b);
    let shared = 0;
    x.terms.forEach((term, k) => {
      if (y.set.has(term)) shared += x.weights[k] as number;
    });
    const all = x.total + y.total - shared;
    return all > 0 && shared / all >= threshold - 1e-6;
  }

  /** The exact similarity of two sentences (see `similarity`). */
  similarity(a: TermList, b: TermList): number {
    return similarity(this.corpus, this.terms(a).set, this.terms(b).set);
  }

  /**
   * The first terms of a sentence (rarest first) until the weight left is below `share` of its
   * whole (a little later, for rounding): two sentences sharing at least that much weight share
   * a term in this prefix.
   */
  prefix(sentence: TermList, share: number): string[] {
    const { terms, weights, total } = this.terms(sentence);
    const bound = share * total * (1 - 1e-9);
    let rest = total;
    const out: string[] = [];
    for (let k = 0; k < terms.length && rest >= bound; k++) {
      out.push(terms[k] as string);
      rest -= weights[k] as number;
    }
    return out;
  }

  /**
   * Calls `visit(i, j)` once for every pair of items that may be `threshold`-similar (in either
   * order), as PPJoin does for weighted Jaccard. Items are taken lightest first, so for a pair
   * the earlier x weighs at most the later y: similar enough, they share at least
   * 2t/(1+t) of x's weight (what x leaves in the lists, its index prefix) and at least t of y's
   * (what y looks up, its probe prefix); and x weighs at least t of y (length filter).
   */
  pairs(items: readonly TermList[], threshold: number, visit: (i: number, j: number) => void): void {
    const totals = Float64Array.from(items, (item) => this.terms(item).total);
    const order = items
      .map((_, i) => i)
      .sort((i, j) => (totals[i] as number) - (totals[j] as number) || i - j);
    const indexShare = (2 * threshold) / (1 + threshold);
    const lists = new Map<string, number[]>();
    const seen = new Int32Array(items.length).fill(-1);
    for (const j of order) {
      const sentence = items[j] as TermList;
      const lightest = threshold * (totals[j] as number) * (1 - 1e-9);
      for (const term of this.prefix(sentence, threshold)) {
        const list = lists.get(term);
        if (!list) continue;
        for (const i of list) {
          if (seen[i] === j) continue;
          seen[i] = j;
          if ((totals[i] as number) >= lightest) visit(i, j);
        }
      }
      for (const term of this.prefix(sentence, indexShare)) {
        const list = lists.get(term);
        if (list) list.push(j);
        else lists.set(term, [j]);
      }
    }
  }
}

/** Groups of indexes by each of an item's keys (an item may be in several groups), in order. */
function groupByEach<T>(items: readonly T[], keys: (item: T) => string[]): number[][] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const k of new Set(keys(item))) {
      const group = groups.get(k);
      if (group) group.push(i);
      else groups.set(k, [i]);
    }
  });
  return [...groups.values()];
}

/** Groups of indexes by a key (null: in no group), in order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | null): number[][] {
  return groupByEach(items, (item) => {
    const k = key(item);
    return k === null ? [] : [k];
  });
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

/** Words right after a figure that may say what it counts. */
const COUNTED_WORDS = 3;

/**
 * The content terms right after token `at`, up to `max`, while they follow one another: the
 * thing a figure counts ("12,000 silicon-carbide wafers"), not what a stopword or another figure
 * leads on to ("2,500 people *at the peak*", "580 beds, *24 operating* theatres").
 */
function wordsAfter(sentence: Sentence, at: number, max: number): string[] {
  const out: string[] = [];
  let k = sentence.positions.indexOf(at + 1);
  while (k >= 0 && out.length < max && sentence.positions[k] === at + 1 + out.length) {
    const term = sentence.terms[k] as string;
    if (/^\d/.test(term)) break;
    out.push(term);
    k++;
  }
  return out;
}

/** "… km north of Lima", "… miles from the coast": the place a distance is measured from. */
const DISTANCE_FROM =
  /^[\s-]*\S+\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|inland|offshore|away|out)\s+)?(?:of|from|off)\s+(?:the\s+)?(?:coast\s+of\s+)?([\p{L}][\p{L}'-]*)/iu;

/** The sentence's text after an occurrence's figure. */
function textAfter(sentence: Sentence, o: FigureOccurrence): string {
  const figure = sentence.figures.find((f) => f.token === o.token);
  return figure ? sentence.text.slice(figure.end) : '';
}

/** The term of the place a distance is measured from, when the sentence says it. */
function distanceFrom(sentence: Sentence, o: FigureOccurrence): string | undefined {
  const word = DISTANCE_FROM.exec(textAfter(sentence, o))?.[1];
  return word ? tokenize(word)[0]?.term : undefined;
}

/** "£48 million *a year*", "$2m annually": a sum per period. */
const RATE =
  /^\s*(?:(?:a|an|per|each|every)\s+(year|month|week|day)\b|(annually|yearly|monthly|weekly|daily)\b)/i;
const RATE_PERIOD: Record<string, string> = {
  annually: 'year',
  yearly: 'year',
  monthly: 'month',
  weekly: 'week',
  daily: 'day',
};

/** The period a sum is given per ("a year"), when the words right after it say so. */
function rateOf(sentence: Sentence, o: FigureOccurrence): string | undefined {
  const match = RATE.exec(textAfter(sentence, o));
  const period = match?.[1]?.toLowerCase() ?? (match?.[2] ? RATE_PERIOD[match[2].toLowerCase()] : undefined);
  return period ? `per ${period}` : undefined;
}

/** Context similarity above which two different values are taken to be about the same thing. */
const SAME_THING = 0.3;
const SAME_THING_COUNTED = 0.2;
/** The same, for the words around two measures of one thing (see {@link AROUND}). */
const AROUND_COUNTED = 0.12;

/**
 * Values further apart than this are two things, whatever their words: "founded with three
 * aircraft" and "a fleet of 111 aircraft" are not sources disagreeing on one count.
 */
const MAX_DISPUTED_RATIO = 20;

function comparable(a: number, b: number): boolean {
  const [x, y] = [Math.abs(a), Math.abs(b)];
  return Math.max(x, y) <= MAX_DISPUTED_RATIO * Math.min(x, y);
}

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
  const sentenceOf = (o: FigureOccurrence) => corpus.sentences[o.sentence] as Sentence;
  const join = new SimilarityJoin(corpus);
  // Two occurrences are one figure when they are of one kind and either have the same value
  // and the same counted thing (or closely similar context), or — in different articles — have
  // different values for the same counted thing in similar context (a dispute). Only pairs that
  // can meet a rule are compared: blocked by kind and value or unit, then by shared rare terms.
  const key = (o: FigureOccurrence, ...parts: (string | null)[]) => JSON.stringify([o.kind, ...parts]);
  for (const same of groupBy(occurrences, (o) => key(o, o.term, o.unit))) {
    for (const i of same.slice(1)) union(i, same[0] as number);
  }
  for (const group of groupBy(occurrences, (o) => key(o, o.term))) {
    const items = group.map((i) => occurrences[i] as FigureOccurrence);
    if (new Set(items.map((o) => o.unit)).size < 2) continue;
    join.pairs(items.map(sentenceOf), SAME_THING / 2, (x, y) => {
      const a = items[x] as FigureOccurrence;
      const b = items[y] as FigureOccurrence;
      if (a.unit === b.unit || find(group[x] as number) === find(group[y] as number)) return;
      const sa = sentenceOf(a);
      const sb = sentenceOf(b);
      if (join.near(sa, sb, SAME_THING / 2) && join.similarity(sa, sb) >= SAME_THING / 2)
        union(group[x] as number, group[y] as number);
    });
  }
  // A dispute: different values in different articles for one counted thing (or, uncounted,
  // one kind and unit), said in similar words, in the whole sentences or around the figures
  // (a long sentence says much else besides). It joins the two values into one figure at once,
  // so pairs already in one figure are never compared again, and never joins two values one
  // article gives: an article giving both "2,500 people at the peak" and "1,200 permanent jobs"
  // says they are two things, whatever another says. The most specific things are compared
  // first (the fewest figures counting them), so "permanent" jobs meet before "people" do.
  const perArticle = new Map<number, Map<number, string>>();
  occurrences.forEach((o, i) => {
    const root = find(i);
    const values = perArticle.get(root) ?? new Map<number, string>();
    values.set(sentenceOf(o).article, o.term);
    perArticle.set(root, values);
  });
  // Whether two figures give the same value wherever they name the same article.
  const agrees = (small: Map<number, string>, large: Map<number, string>) => {
    for (const [article, term] of small) if ((large.get(article) ?? term) !== term) return false;
    return true;
  };
  // The two roots' values by article, the figure naming fewer articles first.
  const bySize = (a: number, b: number) => {
    const [x, y] = [perArticle.get(a), perArticle.get(b)];
    return (x?.size ?? 0) < (y?.size ?? 0) ? [x, y] : [y, x];
  };
  // Figures found to hold different values from one article, by their roots (while they last),
  // as one number per pair: candidate pairs run into the millions in a large knowledge.
  const apart = new Set<number>();
  const canJoin = (a: number, b: number): boolean => {
    const pair = a < b ? a * occurrences.length + b : b * occurrences.length + a;
    if (apart.has(pair)) return false;
    const [small, large] = bySize(a, b);
    if (small && large && agrees(small, large)) return true;
    apart.add(pair);
    return false;
  };
  const dispute = (a: number, b: number) => {
    const [small, large] = bySize(a, b);
    union(a, b);
    if (!small || !large) return;
    for (const [article, term] of small) large.set(article, term);
    perArticle.set(find(a), large);
  };
  const aroundOf = (i: number): TermList => {
    const o = occurrences[i] as FigureOccurrence;
    return { id: i, terms: termsAround(sentenceOf(o), o.token) };
  };
  // A unit of measure is what a figure counts ("14 hectares", "2 miles"), and a distance is the
  // distance from somewhere ("410 km north of *Lima*" is not "6 km south of the *terminal*");
  // else the words right after it ("2,300 direct jobs", "12,000 silicon-carbide wafers").
  const countedOf = (o: FigureOccurrence) => {
    const rate = o.kind === 'money' ? rateOf(sentenceOf(o), o) : undefined;
    if (rate) return [rate];
    if (!o.unit || !MEASURE_UNIT.test(o.unit)) return wordsAfter(sentenceOf(o), o.token, COUNTED_WORDS);
    const from = LENGTH_UNIT.test(o.unit) ? distanceFrom(sentenceOf(o), o) : undefined;
    return [from ? `${o.unit} ${from}` : o.unit];
  };
  const disputable = (o: FigureOccurrence): string[] => {
    if (o.kind === 'year' || o.kind === 'duration') return [];
    const counted = countedOf(o);
    return counted.length > 0 ? counted.map((c) => key(o, c)) : [key(o, o.unit)];
  };
  // `canJoin` looks at the values already in the two figures; this looks at the two values
  // compared, wherever they stand: an article that gives both, anywhere and however written
  // ("15 megawatts", "15 MW"), says they are two things.
  const valueIds = new Map<string, number>();
  const valueId = occurrences.map((o) => {
    const k = key(o, String(o.info.value));
    let id = valueIds.get(k);
    if (id === undefined) valueIds.set(k, (id = valueIds.size));
    return id;
  });
  const articlesGiving: Set<number>[] = [];
  occurrences.forEach((o, i) => {
    const id = valueId[i] as number;
    (articlesGiving[id] ??= new Set()).add(sentenceOf(o).article);
  });
  const bothIn = (i: number, j: number) => {
    const [x, y] = [articlesGiving[valueId[i] as number], articlesGiving[valueId[j] as number]];
    if (!x || !y) return false;
    const [small, large] = x.size < y.size ? [x, y] : [y, x];
    for (const article of small) if (large.has(article)) return true;
    return false;
  };
  // What the candidate pairs are first checked on, as numbers (pairs run into the millions).
  const termIds = new Map<string, number>();
  const termOf = Int32Array.from(occurrences, (o) => {
    let id = termIds.get(o.term);
    if (id === undefined) termIds.set(o.term, (id = termIds.size));
    return id;
  });
  const articleOf = Int32Array.from(occurrences, (o) => sentenceOf(o).article);
  const valueOf = Float64Array.from(occurrences, (o) => o.info.value);
  const groups = groupByEach(occurrences, disputable).sort((a, b) => a.length - b.length);
  for (const group of groups) {
    const items = group.map((i) => occurrences[i] as FigureOccurrence);
    // A dispute needs two values from two articles.
    if (new Set(items.map((o) => o.term)).size < 2) continue;
    if (new Set(items.map((o) => sentenceOf(o).article)).size < 2) continue;
    const first = items[0];
    const threshold = first && (first.unit || countedOf(first).length > 0) ? SAME_THING_COUNTED : SAME_THING;
    const consider = (x: number, y: number, near: (a: FigureOccurrence, b: FigureOccurrence) => boolean) => {
      const [ia, ib] = [group[x] as number, group[y] as number];
      if (termOf[ia] === termOf[ib] || articleOf[ia] === articleOf[ib]) return;
      if (!comparable(valueOf[ia] as number, valueOf[ib] as number)) return;
      const [ra, rb] = [find(ia), find(ib)];
      if (
        ra !== rb &&
        canJoin(ra, rb) &&
        !bothIn(ia, ib) &&
        near(items[x] as FigureOccurrence, items[y] as FigureOccurrence)
      )
        dispute(ra, rb);
    };
    join.pairs(items.map(sentenceOf), threshold, (x, y) =>
      consider(x, y, (a, b) => {
        const [sa, sb] = [sentenceOf(a), sentenceOf(b)];
        return join.near(sa, sb, threshold) && join.similarity(sa, sb) >= threshold;
      }),
    );
    // One join per group, dropped after it: a large knowledge has hundreds of thousands of figures.
    const around = new SimilarityJoin(corpus);
    const windows = group.map(aroundOf);
    // Around the figures, two measures of one thing need less: the words either side are few.
    // (Not sums of money: the word after them is often just the currency.)
    const near = threshold === SAME_THING_COUNTED && first?.kind !== 'money' ? AROUND_COUNTED : threshold;
    around.pairs(windows, near, (x, y) =>
      consider(x, y, () => {
        const [wa, wb] = [windows[x] as TermList, windows[y] as TermList];
        return around.near(wa, wb, near) && around.similarity(wa, wb) >= near;
      }),
    );
  }
  const clusters = new Map<number, FigureCluster>();
  occurrences.forEach((o, i) => {
    const root = find(i);
    let cluster = clusters.get(root);
    if (!cluster) {
      const sentence = sentenceOf(o);
      const start = sentence.figures.find((f) => f.token === o.token)?.start ?? 0;
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
