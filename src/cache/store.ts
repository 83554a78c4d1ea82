import LRUCache from 'lru-cache';

export type CachedResponse = {
  body: string;
  etag: string;
  type: string;
  scope: string;
  tags: string[];
};

/**
 * Where cached responses live: this instance's memory, or Redis shared by every instance (src/cache/redis-store.ts).
 * Entries are indexed by tag (`type:<uid>`, `doc:<documentId>`, `graphql`), so a purge finds every response holding
 * a document. A purge also bumps a generation: a response being made while it runs may hold what was just
 * replaced, so `put` drops it when the generation it started at (`since`) is no longer current.
 */
export type ResponseStore = {
  get(key: string): Promise<CachedResponse | undefined>;
  generation(): Promise<number>;
  put(key: string, entry: CachedResponse, since: number): Promise<void>;
  purge(tags: string[]): Promise<void>;
  clear(): Promise<void>;
  close(): Promise<void>;
};

type MemoryOptions = { maxEntries: number; ttlSeconds: number };

/** One instance's store: the least recently used answers go first past `maxEntries`. */
export const createMemoryStore = ({ maxEntries, ttlSeconds }: MemoryOptions): ResponseStore => {
  const keysByTag = new Map<string, Set<string>>();
  const untag = (entry: CachedResponse, key: string) => {
    for (const tag of entry.tags) {
      const keys = keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) keysByTag.delete(tag);
    }
  };
  const entries = new LRUCache<string, CachedResponse>({
    max: maxEntries,
    ttl: ttlSeconds * 1000,
    dispose: untag,
  });
  let generation = 0;

  return {
    get: async (key) => entries.get(key),
    generation: async () => generation,
    async put(key, entry, since) {
      if (since !== generation) return;
      entries.set(key, entry);
      for (const tag of entry.tags) {
        const keys = keysByTag.get(tag) ?? new Set<string>();
        keysByTag.set(tag, keys.add(key));
      }
    },
    async purge(tags) {
      generation += 1;
      for (const tag of tags) {
        for (const key of [...(keysByTag.get(tag) ?? [])]) entries.delete(key);
      }
    },
    async clear() {
      generation += 1;
      entries.clear();
    },
    close: async () => undefined,
  };
};
