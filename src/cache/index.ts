import type { Core } from '@strapi/strapi';

import { cacheSettings } from '../../config/cache';
import { VIEWS_COUNTED } from '../plugins/insights/server/src/views/events';
import { isRecord, type DocumentMiddleware } from '../rules/document-params';
import { WRITE_ACTIONS } from '../rules/write-transaction';
import { GRAPHQL_TAG } from './middleware';
import { createResponseStore, type ResponseStore } from './store';
import { MEDIA_UID } from './tags';

const stores = new WeakMap<Core.Strapi, ResponseStore>();

/** This Strapi instance's response cache. */
export const responseCache = (strapi: Core.Strapi) => {
  const existing = stores.get(strapi);
  if (existing) return existing;
  const store = createResponseStore(cacheSettings());
  stores.set(strapi, store);
  return store;
};

const purgeType = (strapi: Core.Strapi, uid: string) =>
  responseCache(strapi).purge([`type:${uid}`, GRAPHQL_TAG]);

/** Runs after the surrounding transaction commits (at once outside one): a purge before it could be refilled with the old rows. */
const afterCommit = async (strapi: Core.Strapi, run: () => void) => {
  if (!strapi.db.inTransaction()) return run();
  await strapi.db.transaction(async ({ onCommit }) => onCommit(run));
};

/**
 * Every write through the Document Service (admin, REST, GraphQL, scripts) purges the cached responses that hold
 * a document of its type, including as a populated relation, and every GraphQL answer.
 */
export const purgeOnWriteRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (!WRITE_ACTIONS.has(ctx.action)) return next();
    const result = await next();
    await afterCommit(strapi, () => purgeType(strapi, ctx.uid));
    return result;
  };

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
  const clear = (event: { params?: unknown }) => {
    if (!onlyUsageNoted(event.params)) responseCache(strapi).clear();
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
    responseCache(strapi).purge(ids.map((documentId) => `doc:${String(documentId)}`));
  });
};
