import LRUCache from 'lru-cache';

export type CachedResponse = {
  body: string;
  etag: string;
  type: string;
  scope: string;
  tags: string[];
};

type StoreOptions = { maxEntries: number; ttlSeconds: number };

/**
 * This instance's responses, with an index from tag (`type:<uid>`, `doc:<documentId>`, `graphql`) to the keys
 * that hold it, so a purge finds every response containing a document. A purge also bumps a generation: a
 * response being made while it runs may hold what was just replaced, so it is served but not kept.
 */
export const createResponseStore = ({ maxEntries, ttlSeconds }: StoreOptions) => {
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
  const inFlight = new Map<string, Promise<CachedResponse | null>>();
  let generation = 0;

  return {
    get: (key: string) => entries.get(key),
    generation: () => generation,

    /** Keeps a response unless a purge ran since it started to be made (`since`, a generation). */
    put(key: string, entry: CachedResponse, since: number) {
      if (since !== generation) return;
      entries.set(key, entry);
      for (const tag of entry.tags) {
        const keys = keysByTag.get(tag) ?? new Set<string>();
        keysByTag.set(tag, keys.add(key));
      }
    },

    purge(tags: Iterable<string>) {
      generation += 1;
      for (const tag of tags) {
        for (const key of [...(keysByTag.get(tag) ?? [])]) entries.delete(key);
      }
    },

    clear() {
      generation += 1;
      entries.clear();
    },

    /** The response another request is making for this key right now, if any. */
    pending: (key: string) => inFlight.get(key),

    /**
     * Makes a response for a key while concurrent requests for it wait (`pending`) instead of making their own.
     * They get null when the maker's response is not cacheable or failed, and then make their own.
     */
    async make(key: string, produce: () => Promise<CachedResponse | null>) {
      const made = produce();
      const shared = made.catch(() => null);
      inFlight.set(key, shared);
      try {
        return await made;
      } finally {
        inFlight.delete(key);
      }
    },

    size: () => entries.size,
  };
};

export type ResponseStore = ReturnType<typeof createResponseStore>;
