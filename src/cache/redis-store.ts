import type { Redis } from 'ioredis';

import type { CachedResponse, ResponseStore } from './store';

// One hash tag for every key, so the scripts' keys share a slot on a Redis cluster too.
const PREFIX = '{hlpn-cache}:';
const GENERATION = `${PREFIX}generation`;
const ALL = 'all';
const entryKey = (key: string) => `${PREFIX}entry:${key}`;
const tagKey = (tag: string) => `${PREFIX}tag:${tag}`;

// KEYS: generation, entry, tag sets. ARGV: since, body, ttl ms. Keeps the entry only if no purge ran since.
const PUT = `
if tonumber(redis.call('GET', KEYS[1]) or '0') ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[2])
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
end
return 1`;

// KEYS: generation, tag sets. Deletes every entry a tag set names, and the set.
const PURGE = `
redis.call('INCR', KEYS[1])
for i = 2, #KEYS do
  for _, key in ipairs(redis.call('SMEMBERS', KEYS[i])) do redis.call('DEL', key) end
  redis.call('DEL', KEYS[i])
end
return 1`;

const isCachedResponse = (value: unknown): value is CachedResponse =>
  typeof value === 'object' &&
  value !== null &&
  'body' in value &&
  typeof value.body === 'string' &&
  'etag' in value &&
  typeof value.etag === 'string' &&
  'type' in value &&
  typeof value.type === 'string' &&
  'scope' in value &&
  typeof value.scope === 'string' &&
  'tags' in value &&
  Array.isArray(value.tags);

/**
 * The store every instance shares through Redis: a write or counted view on one instance purges the copies all of
 * them serve. Entries expire after `ttlSeconds`; tag sets live as long as their newest entry.
 */
export const createRedisStore = (redis: Redis, ttlSeconds: number): ResponseStore => {
  const ttlMs = String(ttlSeconds * 1000);
  const purge = async (tags: string[]) => {
    await redis.eval(PURGE, tags.length + 1, GENERATION, ...tags.map(tagKey));
  };
  return {
    async get(key) {
      const stored = await redis.get(entryKey(key));
      if (stored === null) return undefined;
      const entry: unknown = JSON.parse(stored);
      return isCachedResponse(entry) ? entry : undefined;
    },
    generation: async () => Number((await redis.get(GENERATION)) ?? 0),
    async put(key, entry, since) {
      const tags = [...entry.tags, ALL].map(tagKey);
      await redis.eval(
        PUT,
        tags.length + 2,
        GENERATION,
        entryKey(key),
        ...tags,
        String(since),
        JSON.stringify(entry),
        ttlMs
      );
    },
    purge,
    clear: () => purge([ALL]),
    async close() {
      await redis.quit();
    },
  };
};
