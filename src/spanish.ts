/**
 * Spanish text: telling a Spanish question from an English one, and tokenizing Spanish with its
 * number formats ("1.300 millones", "1,3 mil millones", "30 mil", "cinco millones") into the same
 * canonical figure terms the English tokenizer gives, so they match the articles' figures.
 * "Billón" is 10¹² (an English trillion), never an English billion.
 */
import lang from '@nlpjs/lang-es';
import { currencyOf, type FigureInfo, figureToken, fold, joinScale, scanFolded, type Token } from './text.ts';
import type { AnswerLanguage } from './types.ts';

const stemmerEs = new lang.StemmerEs();

/** Snowball Spanish stem of a folded word. */
export function stemEs(word: string): string {
  return stemmerEs.stemWord(word) || word;
}

const SPANISH_WORDS = new Set(
  'que cual cuales cuanto cuanta cuantos cuantas quien quienes donde cuando como por para con los las el la del al es son una unos unas en de y se su sus esta este estos estas hay fue ser sera tiene tienen sobre entre segun tambien pero mas muy dinero empresa empresas personas'.split(
    ' ',
  ),
);
const ENGLISH_WORDS = new Set(
  'the of is are was were what how who whom when where which why does do did to in and for with much many about will has have this that it by on from be an at its their there'.split(
    ' ',
  ),
);

/**
 * The language of a question: Spanish signals (¿ ¡ ñ, accents, Spanish function words) against
 * English function words; a user's locale (Teams' `activity.locale`, Slack's user locale) breaks
 * ties and leans close calls.
 * @example detectLanguage('¿Quién es el CEO?') // 'es'
 */
export function detectLanguage(text: string, locale?: string): AnswerLanguage {
  let es = 0;
  let en = 0;
  if (/[¿¡]/.test(text)) es += 3;
  if (/ñ/i.test(text)) es += 1;
  es += Math.min((text.match(/[áéíóú]/gi) ?? []).length, 2) * 0.75;
  for (const word of fold(text).match(/\p{L}+/gu) ?? []) {
    if (SPANISH_WORDS.has(word)) es += 1;
    else if (ENGLISH_WORDS.has(word)) en += 1;
  }
  const hint = locale?.trim().toLowerCase().slice(0, 2);
  if (hint === 'es') es += 0.5;
  else if (hint === 'en') en += 0.5;
  return es > en ? 'es' : 'en';
}

/** The language a locale names, for replies that have no question text to go by. */
export function localeLanguage(locale?: string): AnswerLanguage {
  return locale?.trim().toLowerCase().startsWith('es') ? 'es' : 'en';
}

const SCALES_ES = new Map<string, number>(
  Object.entries({
    mil: 1e3,
    millon: 1e6,
    millones: 1e6,
    millardo: 1e9,
    millardos: 1e9,
    'mil millones': 1e9,
    // Spanish "billón" is a million millions: 10¹², never the English billion.
    billon: 1e12,
    billones: 1e12,
  }),
);

const NUMBER_WORDS_ES = new Map<string, number>(
  Object.entries({
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
    diez: 10,
    once: 11,
    doce: 12,
    quince: 15,
    veinte: 20,
    treinta: 30,
    cuarenta: 40,
    cincuenta: 50,
    cien: 100,
    docena: 12,
  }),
);

const UNITS_ES: Record<string, string> = {
  '%': '%',
  'por ciento': '%',
  porciento: '%',
  gw: 'gw',
  mw: 'mw',
  kw: 'kw',
  gwh: 'gwh',
  mwh: 'mwh',
  twh: 'twh',
};

const TOKEN_ES =
  /(?<cur>(?:(?:us|usd|mxn)\s?)?[$€]\s?|(?:usd|mxn)\s)?(?<num>\d+(?:[.,]\d+)*)(?:\s?(?<scale>mil\s+millones|millones|millon|millardos?|billones|billon|mil)(?![\p{L}\p{N}]))?(?:\s?(?<unit>%|por\s?ciento|gwh|mwh|twh|gw|mw|kw)(?![\p{L}\p{N}]))?|(?<word>[\p{L}\p{N}]+)/giu;

/**
 * A number as written in Spanish or Mexican style: a separator followed by groups of exactly
 * three digits separates thousands ("1.300", "150,000"); otherwise it marks decimals ("1,3").
 * @example parseSpanishNumber('1.300') // 1300
 */
export function parseSpanishNumber(raw: string): number {
  if (/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(raw)) return Number(raw.replace(/[.,]/g, ''));
  const lastSep = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','));
  if (lastSep < 0) return Number(raw);
  const whole = raw.slice(0, lastSep).replace(/[.,]/g, '');
  return Number(`${whole}.${raw.slice(lastSep + 1)}`);
}

/**
 * Splits Spanish text into tokens: figures whole with their canonical term, words with their
 * folded surface and Spanish stem as term.
 * @example tokenizeSpanish('1.300 millones de dólares').map((t) => t.term) // ['1300000000', 'dolar']
 */
export function tokenizeSpanish(text: string): Token[] {
  const tokens: Token[] = [];
  for (const { groups: g, text: raw, start, end, word: surface } of scanFolded(text, TOKEN_ES)) {
    if (surface) {
      const numberWord = NUMBER_WORDS_ES.get(surface);
      const previous = tokens.at(-1);
      if (numberWord !== undefined) {
        tokens.push(figureToken({ value: numberWord, scaled: false }, surface, start, end));
        continue;
      }
      const scale = SCALES_ES.get(surface);
      if (scale) {
        const joinable =
          previous?.figure &&
          !previous.figure.unit &&
          (!previous.figure.scaled || (/(?:^|\s)mil$/.test(previous.surface) && scale >= 1e6));
        if (joinable && previous?.figure) {
          // "cinco millones", "cinco mil millones" (5 × 10³ × 10⁶).
          joinScale(previous as Token & { figure: FigureInfo }, scale, surface, end);
          continue;
        }
        // "un millón", "mil millones", "un billón": the article "un" counts as one.
        if (previous && (previous.surface === 'un' || previous.surface === 'una') && !previous.figure) {
          tokens.pop();
          tokens.push(figureToken({ value: scale, scaled: true }, `un ${surface}`, previous.start, end));
          continue;
        }
        if (scale >= 1e3) {
          tokens.push(figureToken({ value: scale, scaled: true }, surface, start, end));
          continue;
        }
      }
      tokens.push({ term: stemEs(surface), surface, start, end });
      continue;
    }
    const scaleWord = (g.scale ?? '').toLowerCase().replace(/\s+/g, ' ');
    const info: FigureInfo = {
      value: parseSpanishNumber(g.num ?? '0') * (SCALES_ES.get(scaleWord) ?? 1),
      scaled: scaleWord !== '',
    };
    if (g.cur) info.currency = currencyOf(g.cur);
    const unit = g.unit ? UNITS_ES[g.unit.toLowerCase().replace(/\s+/g, ' ')] : undefined;
    if (unit) info.unit = unit;
    tokens.push(figureToken(info, fold(raw).trim(), start, end));
  }
  return tokens;
}
