/**
 * Tables read with words people type (vocabularies, synonyms, units). A plain object also
 * answers for keys it does not hold: `table["constructor"]` is Object's constructor and
 * `table["__proto__"]` its prototype, so `/cdce initiatives constructor` was taken for a known
 * word and failed further on. A Map answers only for its own entries. The lint rule and the
 * source test (test/unit/typed-text-lookups.test.ts) refuse string-keyed object tables.
 */
export function wordTable<V>(entries: { readonly [word: string]: V }): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}
