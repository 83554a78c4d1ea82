import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';
import LRUCache from 'lru-cache';

import { insightsConfig, type Budget } from '../../config';

/** Where one hit comes from: the visitor (IP + user agent), the client IP alone, and the document it names. */
export type HitSource = { visitor: string; client: string; document: string };

/** Refused hits say how long until every spent budget has a new window. */
export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type Charge = { key: string; budget: Budget };

const MAX_KEYS = 100_000;
const REDIS_PREFIX = '{hlpn-views}:limit:';

/** The three budgets a hit is charged to (all three, so a refused client keeps using them up). */
const chargesOf = (strapi: Core.Strapi, source: HitSource): Charge[] => {
  const { rateLimit, ipLimit } = insightsConfig(strapi);
  return [
    { key: `visitor:${source.visitor}`, budget: rateLimit },
    { key: `ip-document:${source.client}:${source.document}`, budget: ipLimit.perDocument },
    { key: `ip:${source.client}`, budget: ipLimit.overall },
  ];
};

const verdictOf = (retryAfterSeconds: number): Verdict =>
  retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };

/**
 * Fixed-window counters in this instance's memory, at most `maxKeys` of them: past that the least recently charged
 * goes first, so a flood of new visitors costs the same per hit and cannot grow the map (a client that keeps hitting
 * keeps its own windows).
 */
export const memoryCounters = (maxKeys = MAX_KEYS) => {
  const windows = new LRUCache<string, { endsAt: number; hits: number }>({ max: maxKeys });
  /** Charges one hit to a budget; the seconds until its window ends when it is spent, else 0. */
  const charge = ({ key, budget }: Charge, now: number) => {
    let window = windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { endsAt: now + budget.windowSeconds * 1000, hits: 0 };
      windows.set(key, window);
    }
    window.hits += 1;
    return window.hits <= budget.maxHits ? 0 : Math.max(1, Math.ceil((window.endsAt - now) / 1000));
  };
  return (charges: Charge[], now: number) => Math.max(...charges.map((c) => charge(c, now)));
};

// KEYS: the counters; ARGV: window ms and max hits per counter. Returns the longest wait in seconds, 0 if allowed.
const CHARGE = `
local wait = 0
for i = 1, #KEYS do
  local window = tonumber(ARGV[2 * i - 1])
  local hits = redis.call('INCR', KEYS[i])
  local ttl = redis.call('PTTL', KEYS[i])
  if ttl < 0 then redis.call('PEXPIRE', KEYS[i], window); ttl = window end
  if hits > tonumber(ARGV[2 * i]) then wait = math.max(wait, math.max(1, math.ceil(ttl / 1000))) end
end
return wait`;

/** The same fixed windows in Redis, one round trip a hit, shared by every instance. */
const redisCounters = (redis: Redis) => async (charges: Charge[]) =>
  Number(
    await redis.eval(
      CHARGE,
      charges.length,
      ...charges.map((c) => REDIS_PREFIX + c.key),
      ...charges.flatMap((c) => [String(c.budget.windowSeconds * 1000), String(c.budget.maxHits)])
    )
  );

/**
 * Fixed-window hit counters that shed floods before they reach the database. In memory they are per instance
 * (N instances allow N × the budgets); with `redisUrl` configured every instance shares them. When Redis fails,
 * a hit is charged in memory instead of being refused or let through unchecked.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const inMemory = memoryCounters();
  const { redisUrl } = insightsConfig(strapi);
  const redis = redisUrl
    ? new Redis(redisUrl, { maxRetriesPerRequest: 0, commandTimeout: 500 })
    : undefined;
  redis?.on('error', (error: Error) => strapi.log.warn(`insights: Redis ${error.message}`));
  const shared = redis ? redisCounters(redis) : undefined;

  const waitFor = async (charges: Charge[], now: number) => {
    if (!shared) return inMemory(charges, now);
    try {
      return await shared(charges);
    } catch (error) {
      strapi.log.warn(`insights: view limits fall back to memory (${String(error)})`);
      return inMemory(charges, now);
    }
  };

  return {
    /** Charges a hit to the visitor's, its IP's per-document and its IP's overall budgets. */
    async allowHit(source: HitSource, now = Date.now()): Promise<Verdict> {
      return verdictOf(await waitFor(chargesOf(strapi, source), now));
    },

    /** Closes the Redis connection, if any (plugin destroy). */
    async close() {
      await redis?.quit();
    },
  };
};
