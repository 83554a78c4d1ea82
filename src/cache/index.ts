import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';

import { cacheSettings } from '../../config/cache';
import { isRecord, type DocumentMiddleware } from '../rules/document-params';
import { WRITE_ACTIONS } from '../rules/write-transaction';
import { GRAPHQL_TAG } from './middleware';
import { createRedisStore } from './redis-store';
import { createMemoryStore, type ResponseStore } from './store';
import { MEDIA_UID } from '../http/response-walk';
import { documentRule } from '../rules/document-rule';

/**
 * The insights plugin's event after view counts change (its views/events.ts); the app does not import plugin
 * files, and tests/cache/response-cache.test.ts fails if the two names part.
 */
const VIEWS_COUNTED = 'insights::views.counted';

const stores = new WeakMap<Core.Strapi, ResponseStore>();

/**
 * A store whose failures (Redis unreachable) are logged and read as misses: the API answers uncached rather than
 * failing. A failed generation read is -1, which no store holds, so nothing made meanwhile is kept.
 */
const failSoft = (strapi: Core.Strapi, store: ResponseStore): ResponseStore => {
  const attempt = async <T>(run: () => Promise<T>, fallback: T) => {
    try {
      return await run();
    } catch (error) {
      strapi.log.warn(`response cache: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };
  return {
    get: (key) => attempt(() => store.get(key), undefined),
    generation: () => attempt(() => store.generation(), -1),
    put: (key, entry, since) => attempt(() => store.put(key, entry, since), undefined),
    purge: (tags) => attempt(() => store.purge(tags), undefined),
    clear: () => attempt(() => store.clear(), undefined),
    close: () => attempt(() => store.close(), undefined),
  };
};

const createStore = (strapi: Core.Strapi) => {
  const { redisUrl, ttlSeconds, maxEntries } = cacheSettings();
  if (!redisUrl) return createMemoryStore({ maxEntries, ttlSeconds });
  // A command waits at most half a second and is not retried: a slow Redis must not hold requests up.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 0, commandTimeout: 500 });
  redis.on('error', (error: Error) => strapi.log.warn(`response cache: Redis ${error.message}`));
  return failSoft(strapi, createRedisStore(redis, ttlSeconds));
};

/** This Strapi instance's response cache: in memory, or shared through Redis when REDIS_URL is set. */
export const responseCache = (strapi: Core.Strapi) => {
  const existing = stores.get(strapi);
  if (existing) return existing;
  const store = createStore(strapi);
  stores.set(strapi, store);
  return store;
};

/** Closes the Redis connection, if any, when Strapi stops. */
export const closeResponseCache = async (strapi: Core.Strapi) => {
  await stores.get(strapi)?.close();
  stores.delete(strapi);
};

const purgeType = (strapi: Core.Strapi, uid: string) =>
  responseCache(strapi).purge([`type:${uid}`, GRAPHQL_TAG]);

/**
 * Runs once the surrounding transaction commits (a purge before it could be refilled with the old rows), awaited
 * when there is none: the app's write transaction is inside the purge rule, so only a plugin's own transaction
 * (the award rules') leaves the purge to its commit callback.
 */
const afterCommit = async (strapi: Core.Strapi, run: () => Promise<void>) => {
  if (!strapi.db.inTransaction()) return run();
  await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void run()));
};

/**
 * Every write through the Document Service (admin, REST, GraphQL, scripts) purges the cached responses that hold
 * a document of its type, including as a populated relation, and every GraphQL answer.
 */
export const purgeOnWriteRule = documentRule(
  WRITE_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const result = await next();
      await afterCommit(strapi, () => purgeType(strapi, ctx.uid));
      return result;
    }
);

/** Models written outside the Document Service whose changes decide who may read what. */
const ACCESS_MODELS = [
  'admin::api-token',
  'plugin::users-permissions.permission',
  'plugin::users-permissions.role',
  'plugin::users-permissions.user',
];

/** Every request with an API token notes its use (`lastUsedAt`): that changes nobody's access. */
const onlyUsageNoted = (params: unknown) =>
  isRecord(params) &&
  isRecord(params.data) &&
  Object.keys(params.data).every((field) => field === 'lastUsedAt' || field === 'updatedAt');

/**
 * Media edits (the upload plugin writes files directly) purge what embeds media; a change of permissions, roles,
 * users or API tokens empties the cache, since who may read what has changed; counted views purge the responses
 * holding those documents, so `viewCount` stays live.
 */
export const purgeOnSideWrites = (strapi: Core.Strapi) => {
  const purgeMedia = () => purgeType(strapi, MEDIA_UID);
  strapi.db.lifecycles.subscribe({
    models: [MEDIA_UID],
    afterCreate: purgeMedia,
    afterUpdate: purgeMedia,
    afterDelete: purgeMedia,
    afterDeleteMany: purgeMedia,
  });
  const clear = async (event: { params?: unknown }) => {
    if (!onlyUsageNoted(event.params)) return responseCache(strapi).clear();
  };
  strapi.db.lifecycles.subscribe({
    models: ACCESS_MODELS,
    afterCreate: clear,
    afterUpdate: clear,
    afterDelete: clear,
    afterCreateMany: clear,
    afterUpdateMany: clear,
    afterDeleteMany: clear,
  });
  strapi.eventHub.on(VIEWS_COUNTED, async (event: unknown) => {
    const ids = isRecord(event) && Array.isArray(event.documentIds) ? event.documentIds : [];
    await responseCache(strapi).purge(ids.map((documentId) => `doc:${String(documentId)}`));
  });
};
