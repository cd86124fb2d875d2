/**
 * Adds to a map used as a cache, first forgetting the oldest entry when it holds `max` already, so a
 * cache keyed by what callers send never grows without bound.
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (!map.has(key) && map.size >= max) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
