import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, created on first use by name. A lib asks for a loader with
 * a stable name and a batch function; every resolver of the request then shares its batches
 * and cache, so a page of N items costs one query per relation instead of N.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader);
    }
    return loader;
  }
}

/** Orders `rows` to match `keys` for a one-to-one loader (null where a key has no row). */
export function oneByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups `rows` by key in the order of `keys` for a one-to-many loader (empty lists where none). */
export function manyByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
