import { boolean, integer } from './lib/settings';

/** The response cache of public REST and GraphQL reads (src/cache/). */
export const cacheSettings = () => ({
  enabled: boolean('CACHE_ENABLED', true),
  // How long this instance keeps a response. Writes and counted views purge it at once on this instance; the
  // lifetime bounds how stale another instance's copy can be.
  ttlSeconds: integer('CACHE_TTL', 10, 1, 86_400),
  maxEntries: integer('CACHE_MAX_ENTRIES', 2000, 1, 1_000_000),
  // What browsers and CDNs are told (Cache-Control); they revalidate with If-None-Match afterwards.
  maxAgeSeconds: integer('CACHE_MAX_AGE', 5, 0, 86_400),
  staleWhileRevalidateSeconds: integer('CACHE_STALE_WHILE_REVALIDATE', 30, 0, 86_400),
});

export type CacheSettings = ReturnType<typeof cacheSettings>;

export default cacheSettings;
