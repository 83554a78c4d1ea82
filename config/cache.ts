import { boolean, integer, url } from './lib/settings';

/** Redis shared by every instance (the response cache, the view limits); unset: each instance keeps its own. */
export const redisUrl = () =>
  url('REDIS_URL', '', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379') || undefined;

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
  // With Redis, every instance shares one cache and its purges; without, each keeps its own in memory.
  redisUrl: redisUrl(),
});

export type CacheSettings = ReturnType<typeof cacheSettings>;

export default cacheSettings;
