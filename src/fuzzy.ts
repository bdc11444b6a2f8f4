/**
 * Fuzzy lookup of words that keeps the first letter, as search engines do with a prefix length
 * of 1: a typo seldom hits the first letter, and the edit distance of two words with the same
 * first letter is that of the rest, so only the small map of that letter is searched.
 */
import SearchableMap from 'minisearch/SearchableMap';

export class FirstLetterMap<T> {
  private readonly byLetter = new Map<string, SearchableMap<T>>();

  set(key: string, value: T): void {
    const letter = key[0] ?? '';
    let rest = this.byLetter.get(letter);
    if (!rest) this.byLetter.set(letter, (rest = new SearchableMap()));
    rest.set(key.slice(1), value);
  }

  /** Keys at most `maxEdits` from `key` and with its first letter: key, value, distance. */
  fuzzyGet(key: string, maxEdits: number): Array<[string, T, number]> {
    const letter = key[0] ?? '';
    const rest = this.byLetter.get(letter);
    if (!rest) return [];
    return [...rest.fuzzyGet(key.slice(1), maxEdits)].map(([k, [value, distance]]) => [
      letter + k,
      value,
      distance,
    ]);
  }

  /** Keys starting with `prefix` (at least one letter long), with their values. */
  atPrefix(prefix: string): Array<[string, T]> {
    const letter = prefix[0] ?? '';
    const rest = this.byLetter.get(letter);
    if (!rest || prefix === '') return [];
    return [...rest.atPrefix(prefix.slice(1))].map(([k, value]) => [letter + k, value]);
  }
}
