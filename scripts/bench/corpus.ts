/**
 * A synthetic news archive for `npm run bench`: articles as Markdown with front matter, like
 * knowledge/*.md, generated deterministically from a seed, plus a fixed mix of questions drawn
 * from it (answerable, misspelt, out of scope). Words follow a Zipf-like distribution over a
 * made-up vocabulary so that index sizes and posting lengths look like real text.
 *
 * @example
 * const { files, questions } = generateCorpus({ passages: 1000, seed: 42 });
 */

export interface GeneratedQuestion {
  kind: 'answerable' | 'typo' | 'oos';
  q: string;
}

export interface GeneratedCorpus {
  /** File name → content. */
  files: Map<string, string>;
  questions: GeneratedQuestion[];
}

export interface CorpusOptions {
  passages: number;
  seed: number;
  /** Passages per article (the last article may be shorter). */
  perArticle?: number;
  /** Questions of each kind. */
  questionsPerKind?: { answerable: number; typo: number; oos: number };
}

/** mulberry32: small, fast, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'tr',
  'st',
  'pl',
  'gr',
  'br',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'io', 'ai'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'rk'];
const FUNCTION_WORDS = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'for',
  'on',
  'with',
  'by',
  'that',
  'is',
  'was',
  'its',
  'from',
  'has',
  'will',
  'as',
  'at',
  'an',
];
const SCALES = ['million', 'billion'];
const COUNTED = ['people', 'jobs', 'homes', 'workers', 'customers', 'households', 'students'];

export function generateCorpus(options: CorpusOptions): GeneratedCorpus {
  const random = rng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const perArticle = options.perArticle ?? 20;
  const counts = options.questionsPerKind ?? { answerable: 60, typo: 20, oos: 20 };

  const seen = new Set<string>();
  const word = (syllables: number): string => {
    for (;;) {
      let w = '';
      for (let i = 0; i < syllables; i++)
        w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
      if (!seen.has(w) && !FUNCTION_WORDS.includes(w)) {
        seen.add(w);
        return w;
      }
    }
  };
  // Vocabulary grows with the corpus, as real archives do (Heaps' law, roughly).
  const vocabularySize = Math.min(60_000, Math.round(3000 + 40 * Math.sqrt(options.passages * 60)));
  const vocabulary = Array.from({ length: vocabularySize }, (_, i) => word(i < 200 ? 2 : int(2, 4)));
  // Zipf (s = 1.07): cumulative weights, sampled by binary search.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < vocabulary.length; i++) {
    sum += 1 / (i + 1) ** 1.07;
    cumulative.push(sum);
  }
  const zipf = (): string => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] as string;
  };
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const nameCount = Math.max(50, Math.round(options.passages / 10));
  const people = Array.from({ length: nameCount }, () => `${cap(word(2))} ${cap(word(3))}`);
  const organisations = Array.from({ length: Math.ceil(nameCount / 2) }, () => cap(word(3)));
  const places = Array.from({ length: Math.ceil(nameCount / 4) }, () => cap(word(3)));
  const publishers = Array.from(
    { length: 40 },
    () => `${cap(word(2))} ${pick(['News', 'Times', 'Wire', 'Post'])}`,
  );

  const figure = (): string => {
    switch (int(0, 5)) {
      case 0:
        return `$${int(1, 99)}.${int(1, 9)} ${pick(SCALES)}`;
      case 1:
        return `${int(1, 999)},000 ${pick(COUNTED)}`;
      case 2:
        return `${int(1, 90)} GW`;
      case 3:
        return `${int(1, 99)}%`;
      case 4:
        return `${int(2, 10)} years`;
      default:
        return String(int(2000, 2040));
    }
  };

  /** One sentence: 10–32 words, sometimes a name, sometimes a figure. */
  const sentence = (): { text: string; words: string[]; name?: string; figure?: string } => {
    const length = int(10, 32);
    const parts: string[] = [];
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      if (random() < 0.4) parts.push(pick(FUNCTION_WORDS));
      else {
        const w = zipf();
        parts.push(w);
        words.push(w);
      }
    }
    let name: string | undefined;
    let fig: string | undefined;
    if (random() < 0.5) {
      name = random() < 0.5 ? pick(people) : pick(random() < 0.5 ? organisations : places);
      parts.splice(int(1, parts.length - 1), 0, name);
    }
    if (random() < 0.45) {
      fig = figure();
      parts.splice(int(1, parts.length - 1), 0, fig);
    }
    const text = `${cap(parts.join(' '))}.`;
    return { text, words, ...(name ? { name } : {}), ...(fig ? { figure: fig } : {}) };
  };

  const files = new Map<string, string>();
  const facts: { words: string[]; name?: string; figure?: string }[] = [];
  const articles = Math.ceil(options.passages / perArticle);
  let made = 0;
  for (let a = 0; a < articles; a++) {
    const lines: string[] = [];
    const n = Math.min(perArticle, options.passages - made);
    for (let p = 0; p < n; p++) {
      if (p > 0 && p % 7 === 0) {
        lines.push(`## ${cap(zipf())} ${zipf()}`, '');
      } else {
        const sentences = Array.from({ length: int(1, 4) }, sentence);
        for (const s of sentences) if (facts.length < 50_000 && (s.figure || s.name)) facts.push(s);
        lines.push(sentences.map((s) => s.text).join(' '), '');
      }
      made++;
    }
    const id = `article-${String(a).padStart(6, '0')}`;
    const year = int(2015, 2025);
    const front = [
      '---',
      `title: "${cap(zipf())} ${zipf()} ${pick(organisations)} ${zipf()}"`,
      `publisher: ${pick(publishers)}`,
      `author: ${pick(people)}`,
      `published: ${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      `url: https://news.example.org/${year}/${id}`,
      '---',
      '',
    ];
    files.set(`${id}.md`, [...front, ...lines].join('\n'));
  }

  const questions: GeneratedQuestion[] = [];
  const askAbout = (fact: (typeof facts)[number], misspell: boolean): string => {
    const rare = [...fact.words].sort((x, y) => vocabulary.indexOf(y) - vocabulary.indexOf(x)).slice(0, 3);
    if (misspell) {
      const i = rare.findIndex((w) => w.length >= 6);
      const w = rare[i];
      if (w && i >= 0) rare[i] = w.slice(0, 2) + (w[3] ?? '') + (w[2] ?? '') + w.slice(4);
    }
    const about = [fact.name, ...rare].filter(Boolean).join(' ');
    if (fact.figure?.startsWith('$')) return `How much was invested in ${about}?`;
    if (fact.figure && /years$/.test(fact.figure)) return `How long will ${about} take?`;
    if (fact.figure && /^\d{4}$/.test(fact.figure)) return `When will ${about} happen?`;
    if (fact.figure?.endsWith('%')) return `What percentage of ${about}?`;
    if (fact.figure) return `How many ${about}?`;
    return `Who is ${about}?`;
  };
  for (let i = 0; i < counts.answerable && facts.length > 0; i++)
    questions.push({ kind: 'answerable', q: askAbout(pick(facts), false) });
  for (let i = 0; i < counts.typo && facts.length > 0; i++)
    questions.push({ kind: 'typo', q: askAbout(pick(facts), true) });
  const outside = ['weather', 'football', 'recipe', 'holiday', 'election', 'volcano', 'orchestra'];
  for (let i = 0; i < counts.oos; i++) {
    const q =
      i % 2 === 0
        ? `What is the ${pick(outside)} like in ${cap(word(3))}ville?`
        : `How many ${pick(outside)} fans does ${pick(organisations)} have?`;
    questions.push({ kind: 'oos', q });
  }
  return { files, questions };
}
