/**
 * A bounded memo for the pure display functions of local.ts: a burst of replies about one
 * event formats the same instants in the same zone and language hundreds of times, and each
 * luxon formatting costs a zone lookup and an Intl call. Forgotten whole when full (the keys
 * of one moment are few; no order to keep).
 */
export function boundedMemo<V>(limit: number): (key: string, compute: () => V) => V {
  const values = new Map<string, V>();
  return (key, compute) => {
    const known = values.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (values.size >= limit) values.clear();
    values.set(key, value);
    return value;
  };
}
