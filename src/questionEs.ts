/**
 * Spanish question analysis: the same {@link Question} as the English analysis, built from a
 * Spanish question. Question words give the answer type; names and figures pass through; other
 * content words are translated through the glossary (alternatives count as synonyms) and then
 * resolved against the English knowledge. A word the glossary cannot translate is unknown
 * ("missing"), so an out-of-scope Spanish question is declined like an English one.
 */
import { type Corpus, idf } from './corpus.ts';
import { type SpanishLexicon, type Translation, translateWord } from './glossary.ts';
import { type Lexicon, synonymTerms } from './lexicon.ts';
import {
  type AnswerType,
  CUE_WORDS,
  leaderTerm,
  type QueryTerm,
  type QueryTermInit,
  type Question,
  queryTerm,
  type Resolver,
} from './question.ts';
import { tokenizeSpanish } from './spanish.ts';
import { fold, type Token, tokenize } from './text.ts';

const TYPE_CUES_ES: [RegExp, AnswerType][] = [
  [
    /\bcuant[oa]s? (?:tiempo|anos|meses|semanas|dias)\b|\bdurante cuanto\b|\bcuanto (?:dura|duran|durara|duraran|duro|duraron|duraria)\b|\bque (?:duracion|plazo)\b/,
    'duration',
  ],
  [
    /\bcuant[oa]s? (?:gigavatios|megavatios|gw|mw|energia|potencia|capacidad)\b|\b(?:cual|que) (?:es )?(?:la |su )?(?:capacidad|potencia)\b/,
    'capacity',
  ],
  [/\b(?:que|cual es el) (?:porcentaje|proporcion)\b|\bcuanto por ciento\b/, 'percent'],
  // "¿Cuánta agua va a gastar?": a measure of water, not money, whatever the verb.
  [
    /\bcuant[oa]s? (?:agua|electricidad|gas|combustible|terreno|tierra|suelo|espacio|residuos|basura|emisiones|litros|toneladas|hectareas)\b/,
    'quantity',
  ],
  [
    /\bcuant[oa]\b.*\b(?:dinero|cuesta|costo|coste|invi\w*|invert\w*|inversion\w*|gast\w*|vale|valor|dolares|pesos|presupuesto|financ\w*|pag\w*|fondos)\b|\b(?:cual|que) (?:es )?(?:el )?(?:costo|coste|precio|valor|monto)\b/,
    'money',
  ],
  [/\bcuant[oa]s\b|\b(?:cual es el|que) (?:numero|cantidad) de\b/, 'count'],
  [/\bcuant[oa]\b|\b(?:tamano|monto|cantidad|cifra|total|suma)\b/, 'amount'],
  [/\bcuando\b|\bque (?:ano|fecha|dia|mes)\b|\bfecha limite\b/, 'date'],
  [/\bquien(?:es)?\b/, 'person'],
  [
    /\b(?:que|cual(?:es)?) (?:empresas?|companias?|organizaciones?|firmas?|socios?|corporaciones?|negocios)\b/,
    'organisation',
  ],
  [/\bdonde\b|\b(?:que|cual(?:es)?) (?:ciudad|ciudades|pais|paises|lugar|region|estado)\b/, 'place'],
];

/** "¿Cuál es la X …?", "¿cuántas X …?", "¿quién es el X de …?": X is what is asked about. */
const FOCUS_ES =
  /^\W*(?:(?:que|cual|cuales|cuanto|cuanta|cuantos|cuantas)(?:\s+(?:es|son|fue|era|sera)\s+(?:el|la|los|las|un|una|su|sus)|\s+(?:el|la|los|las|un|una|su|sus))?|quien(?:es)?\s+(?:es|son|fue|era|sera)\s+(?:el|la|los|las|un|una|su|sus))\s+([\p{L}']+)/u;

/**
 * The kind of answer a folded Spanish question asks for.
 * @example answerTypeOfEs('¿cuantas personas?') // 'count'
 */
export function answerTypeOfEs(folded: string): AnswerType {
  for (const [pattern, type] of TYPE_CUES_ES) if (pattern.test(folded)) return type;
  return 'description';
}

interface EnglishTerm {
  term: string;
  surface: string;
}

/** Per knowledge: the content terms of each glossary translation met so far (a bounded set). */
const englishMemo = new WeakMap<Corpus, Map<string, EnglishTerm[]>>();

/** Content terms of one English translation: a synonym phrase whole, else its content words. */
function englishTerms(corpus: Corpus, lexicon: Lexicon, english: string): EnglishTerm[] {
  let memo = englishMemo.get(corpus);
  if (!memo) englishMemo.set(corpus, (memo = new Map()));
  let terms = memo.get(english);
  if (!terms) memo.set(english, (terms = translationTerms(corpus, lexicon, english)));
  return terms;
}

function translationTerms(corpus: Corpus, lexicon: Lexicon, english: string): EnglishTerm[] {
  const tokens = tokenize(english);
  const { terms, phrases } = synonymTerms(
    lexicon,
    tokens.map((t) => t.term),
  );
  const phrase = phrases.get(0);
  if (phrase && phrase.length === tokens.length && corpus.df.has(phrase.group))
    return [{ term: phrase.group, surface: fold(english) }];
  return tokens
    .map((t, i) => ({ term: terms[i] as string, surface: t.surface }))
    .filter((t) => !lexicon.stopwords.has(t.surface));
}

/**
 * Analyses a Spanish question against the (English) knowledge.
 * @example analyseSpanish(corpus, lexicon, spanish, resolver, '¿Quién es Marcelo Ebrard?').type // 'person'
 */
export function analyseSpanish(
  corpus: Corpus,
  lexicon: Lexicon,
  spanish: SpanishLexicon,
  resolver: Resolver,
  question: string,
): Question {
  const folded = fold(question);
  const type = answerTypeOfEs(folded);
  const cue = CUE_WORDS[type];
  const focusWord = FOCUS_ES.exec(folded)?.[1];
  const tokens = tokenizeSpanish(question);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (term: QueryTermInit) => {
    if (seen.has(term.term)) return;
    seen.add(term.term);
    terms.push(queryTerm(term));
  };
  let aboutSource = false;
  const isFocus = (token: Token) => terms.length === 0 && token.surface === focusWord;

  /** Adds a translated word: the first alternative the knowledge has, others as its synonyms. */
  const addTranslated = (
    text: string,
    { english: alternatives, corrected }: Translation,
    specific: boolean,
    focus: boolean,
  ) => {
    // "¿Quién dirige X?": whoever holds a leading role, as in English.
    const leads = alternatives.some((alt) => lexicon.leading.asks.has(tokenize(alt)[0]?.term ?? ''));
    if (type === 'person' && terms.length === 0 && leads) {
      add(leaderTerm(corpus, lexicon, text));
      return;
    }
    const options = alternatives.map((alt) => englishTerms(corpus, lexicon, alt));
    // A word that only states the wanted kind of answer ("dinero" for money), or says nothing.
    if (options.some((o) => o.length === 0 || o.every((t) => cue?.test(t.surface)))) return;
    const knownOption = options.find((o) => o.every((t) => corpus.df.has(t.term)));
    if (!knownOption) {
      const term = options[0]?.[0]?.term ?? fold(text);
      add({ text, term, weight: idf(corpus, term), known: false, specific, corrected, focus });
      return;
    }
    const related = [
      ...new Set(
        options
          .filter((o) => o !== knownOption && o.length === 1 && corpus.df.has(o[0]?.term ?? ''))
          .map((o) => o[0]?.term as string)
          .filter((term) => !knownOption.some((t) => t.term === term)),
      ),
    ];
    for (const t of knownOption) {
      add({
        text,
        term: t.term,
        weight: idf(corpus, t.term) * (corrected ? 0.9 : 1),
        known: true,
        specific,
        corrected,
        focus,
        related,
      });
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const original = question.slice(token.start, token.end);
    if (token.figure) {
      const known = corpus.df.has(token.term);
      add({
        text: original,
        term: token.term,
        weight: idf(corpus, token.term),
        known,
        specific: true,
        corrected: false,
      });
      continue;
    }
    const phrase = spanish.phrases
      .get(token.term)
      ?.find((p) => p.stems.every((stem, k) => tokens[i + k]?.term === stem && !tokens[i + k]?.figure));
    if (phrase) {
      const last = tokens[i + phrase.stems.length - 1] as Token;
      const text = question.slice(token.start, last.end);
      addTranslated(
        text,
        { english: phrase.english, corrected: false },
        /\p{Lu}/u.test(text),
        isFocus(token),
      );
      i += phrase.stems.length - 1;
      continue;
    }
    const surface = token.surface;
    if (spanish.metaWords.has(surface)) aboutSource = true;
    if (spanish.stopwords.has(surface) || spanish.metaWords.has(surface)) continue;
    // A word the articles use as is (a loanword: "software", "internet") beats a correction.
    const same = surface.length >= 4 ? corpus.surfaces.get(surface) : undefined;
    const translate = () => {
      const translated = translateWord(spanish, surface);
      return translated?.corrected && same !== undefined ? undefined : translated;
    };
    // A capitalised word is a name, except first in the question when the glossary knows it.
    const upper = /^\p{Lu}/u.test(original);
    let english = upper && i > 0 ? undefined : translate();
    if (upper && (i > 0 || !english)) {
      // A name passes through unchanged ("México" is the articles' "Mexico").
      const term = tokenize(original)[0]?.term ?? surface;
      const resolved = resolver.resolve(surface, term, true);
      if (resolved) {
        add({
          text: original,
          term: resolved.term,
          weight: idf(corpus, resolved.term) * (resolved.corrected ? 0.9 : 1),
          known: true,
          specific: true,
          corrected: resolved.corrected,
          related: resolver.related(surface, resolved.term),
        });
        continue;
      }
      if (i > 0) english = translate();
      if (english) addTranslated(original, english, true, isFocus(token));
      else
        add({
          text: original,
          term,
          weight: idf(corpus, term),
          known: false,
          specific: true,
          corrected: false,
        });
      continue;
    }
    if (english) {
      addTranslated(original, english, false, isFocus(token));
      continue;
    }
    // A loanword, else an unknown word.
    const term = same ? (lexicon.single.get(same) ?? same) : surface;
    const known = same !== undefined && corpus.df.has(term);
    const focus = isFocus(token);
    add({
      text: original,
      term,
      weight: idf(corpus, term),
      known,
      specific: false,
      corrected: false,
      focus,
    });
  }
  return { type, terms, ...(aboutSource ? { aboutSource } : {}) };
}
