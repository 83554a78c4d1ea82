import type { Core } from '@strapi/strapi';
import { json } from 'co-body';
import { getOperationAST, parse, type DocumentNode } from 'graphql';

import type { CacheSettings } from '../../config/cache';
import { schemaLookup, type SchemaLookup } from '../http/response-walk';
import { contentTypesByRouteName, isRestPath, restRouteName } from '../http/rest-route';
import { isRecord } from '../rules/document-params';
import { authScope, cacheKey, entityTag } from './key';
import { createSingleFlight } from './single-flight';
import type { CachedResponse, ResponseStore } from './store';
import { documentTags, filterTags, responseTags } from './tags';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * A cacheable request: its key, and how to find the tags of the response it gets (none: not kept). Concurrent
 * misses wait for one maker only where the answer is known to be kept (`coalesce`): waiting on a read that turns
 * out not to be kept would only delay it.
 */
type Target = {
  key: string;
  scope: string;
  coalesce: boolean;
  tagsOf: (body: Record<string, unknown>) => Set<string> | null;
};

/** GraphQL bodies that only read: a query operation (not a mutation), parsed once to tell. */
const graphqlQuery = (body: unknown) => {
  if (!isRecord(body) || typeof body.query !== 'string') return null;
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch {
    return null; // Apollo answers the syntax error itself.
  }
  if (getOperationAST(document, operationName)?.operation !== 'query') return null;
  return {
    query: body.query,
    variables: body.variables ?? null,
    operationName: operationName ?? null,
  };
};

export const GRAPHQL_TAG = 'graphql';

/**
 * A GraphQL request's body. strapi::body leaves the GraphQL endpoint to Apollo's own parser, which skips a body
 * already parsed: it is read here once, with Apollo's default JSON limit.
 */
const graphqlBody = async (ctx: Context): Promise<unknown> => {
  if (ctx.request.body === undefined && ctx.is('application/json')) {
    ctx.request.body = await json(ctx.req, { limit: '1mb' });
  }
  return ctx.request.body;
};

/**
 * The other REST reads (a plugin's routes) opt in from their handler: `ctx.state.cacheTypes` names the content
 * types whose writes change the answer, and a write to any of them purges it. An answer without it is not kept.
 */
const declaredTypes = (ctx: Context) => {
  const types: unknown = ctx.state.cacheTypes;
  if (!Array.isArray(types)) return null;
  return new Set(types.filter((uid) => typeof uid === 'string').map((uid) => `type:${uid}`));
};

/** Which requests are cached: REST reads (the content types', and plugin reads that opt in), and GraphQL queries. */
const targetOf = (strapi: Core.Strapi) => {
  let routes: Map<string, string> | undefined;
  let schemaOf: SchemaLookup | undefined;
  return async (ctx: Context): Promise<Target | null> => {
    const scope = authScope(ctx.get('authorization') || undefined);
    // global::fallback-locale takes `fallbackLocale` out of the query before this runs: it is part of the key.
    const fallback: unknown = ctx.state.fallbackLocale;
    const variant = typeof fallback === 'string' ? { fallbackLocale: fallback } : {};
    if (ctx.method === 'GET') {
      if (!isRestPath(strapi, ctx.path)) return null;
      const key = cacheKey({
        method: 'GET',
        path: ctx.path,
        query: { ...ctx.query, ...variant },
        scope,
      });
      const routeName = restRouteName(strapi, ctx.path);
      const known = (routes ??= contentTypesByRouteName(strapi));
      const uid = routeName ? known.get(routeName) : undefined;
      if (!uid) return { key, scope, coalesce: false, tagsOf: () => declaredTypes(ctx) };
      schemaOf ??= schemaLookup(strapi);
      const lookup = schemaOf;
      return {
        key,
        scope,
        coalesce: true,
        tagsOf: (body) =>
          new Set([
            ...responseTags(uid, body.data, lookup),
            ...filterTags(uid, isRecord(ctx.query) ? ctx.query.filters : undefined, lookup),
          ]),
      };
    }
    if (ctx.method === 'POST' && ctx.path === '/graphql') {
      const query = graphqlQuery(await graphqlBody(ctx));
      if (!query) return null;
      return {
        // The URL's own parameters count too.
        key: cacheKey({
          method: 'POST',
          path: ctx.path,
          query: { ...query, url: { ...ctx.query, ...variant } },
          scope,
        }),
        scope,
        coalesce: true,
        // What a GraphQL answer holds is not walked by schema: any write purges every GraphQL answer.
        tagsOf: (body) => documentTags(body.data).add(GRAPHQL_TAG),
      };
    }
    return null;
  };
};

/** The JSON object a handler answered with, whether Strapi left it as an object or Apollo as a string. */
const answeredJson = (body: unknown): Record<string, unknown> | null => {
  if (isRecord(body)) return body;
  if (typeof body !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

const cacheControl = (settings: CacheSettings, scope: string) =>
  scope === 'public'
    ? `public, max-age=${settings.maxAgeSeconds}, stale-while-revalidate=${settings.staleWhileRevalidateSeconds}`
    : 'private, no-cache';

const serve = (ctx: Context, entry: CachedResponse, settings: CacheSettings, state: string) => {
  ctx.status = 200;
  ctx.type = entry.type;
  ctx.body = entry.body;
  ctx.set('ETag', entry.etag);
  ctx.set('Cache-Control', cacheControl(settings, entry.scope));
  ctx.set('X-Cache', state);
  ctx.vary('Authorization');
  if (ctx.fresh) ctx.status = 304;
};

/**
 * Serves public REST reads and GraphQL queries from the response cache (see docs/architecture.md):
 * a hit skips routing, permissions, controllers and the database; concurrent misses for one key make the response
 * once. Every answer carries a strong ETag and Cache-Control; a matching If-None-Match gets 304.
 */
export const responseCacheMiddleware = (
  strapi: Core.Strapi,
  store: ResponseStore,
  settings: CacheSettings
): Core.MiddlewareHandler => {
  const target = targetOf(strapi);
  const flights = createSingleFlight<CachedResponse>();
  return async (ctx, next) => {
    const request = await target(ctx);
    if (!request) return next();
    const { key, scope } = request;
    const ready =
      (await store.get(key)) ?? (request.coalesce ? await flights.pending(key) : undefined);
    if (ready) return serve(ctx, ready, settings, 'HIT');
    const since = await store.generation();
    const produce = async () => {
      await next();
      const json = ctx.status === 200 ? answeredJson(ctx.body) : null;
      const tags = json && json.errors === undefined ? request.tagsOf(json) : null;
      if (!json || !tags) return null;
      const body = JSON.stringify(json);
      const entry: CachedResponse = {
        body,
        etag: entityTag(body),
        type: 'application/json; charset=utf-8',
        scope,
        tags: [...tags],
      };
      await store.put(key, entry, since);
      return entry;
    };
    const made = request.coalesce ? await flights.make(key, produce) : await produce();
    if (made) serve(ctx, made, settings, 'MISS');
  };
};
