import type { Core, Modules } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { insightsConfig } from '../config';
import { service } from '../services';
import { isRecord } from '../utils';

/**
 * Sorting the admin list view by views. Views are not a field of the entries (they live in the plugin's tables),
 * so the content manager cannot sort by them: a list request `sort=viewCount:ASC|DESC` on a trackable type has
 * that sort taken out before the content manager validates the query (`listSortRequest`), and the list read it
 * makes is answered by `listSortMiddleware`: the documentIds matching the list's filters, ordered by their
 * views in the list's locale (ties keep the list's other order), the page cut from that order, and the page's
 * entries read with their usual populate. Two reads and one totals query, whatever the page.
 */
const SORT = /^viewCount:(ASC|DESC)$/i;
const STATE_KEY = 'insightsViewSort';
const LIST_PATH = /^\/content-manager\/collection-types\/([^/?]+)$/;

type Direction = 'ASC' | 'DESC';

const trackable = (strapi: Core.Strapi, uid: string) =>
  Object.values(insightsConfig(strapi).trackableTypes).some((type) => type === uid);

/** The Document Service's reads, as this module calls them with the list's own parameters. */
type Reader = { findMany(params: Record<string, unknown>): Promise<{ documentId: string }[]> };

/** A path with its %-escapes decoded; a malformed one (`%E0%A4%A`) matches no list, so it is left to the router's 404. */
const decodedPath = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
};

/** Koa middleware, before the query is parsed: keeps the views sort of a list request for the list read. */
export const listSortRequest = (strapi: Core.Strapi) => async (ctx: Context, next: Next) => {
  const uid = ctx.method === 'GET' ? decodedPath(ctx.path).match(LIST_PATH)?.[1] : undefined;
  const params = new URLSearchParams(ctx.querystring);
  const sort = params.get('sort') ?? '';
  if (uid && trackable(strapi, uid) && SORT.test(sort)) {
    ctx.state[STATE_KEY] = sort.split(':')[1].toUpperCase();
    params.delete('sort');
    ctx.querystring = params.toString();
  }
  return next();
};

const requestedDirection = (strapi: Core.Strapi): Direction | undefined => {
  const state: unknown = strapi.requestContext.get()?.state;
  if (!isRecord(state)) return undefined;
  const direction = state[STATE_KEY];
  // Consumed by the list read: the reads this middleware makes itself go the usual way.
  delete state[STATE_KEY];
  return direction === 'ASC' || direction === 'DESC' ? direction : undefined;
};

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' || (typeof value === 'string' && value !== '')
    ? Number(value)
    : fallback;

/** The page the content manager asked for, as offset and size (it sends page/pageSize or start/limit). */
const pageOf = (params: Record<string, unknown>) => {
  const size = numberOr(params.pageSize ?? params.limit, 10);
  const start =
    params.start !== undefined ? numberOr(params.start, 0) : (numberOr(params.page, 1) - 1) * size;
  return { start, size };
};

const byViews = (ids: string[], views: Map<string, number>, direction: Direction) =>
  ids
    .map((documentId, index) => ({ documentId, index, views: views.get(documentId) ?? 0 }))
    .sort((a, b) =>
      a.views === b.views
        ? a.index - b.index
        : direction === 'DESC'
          ? b.views - a.views
          : a.views - b.views
    )
    .map((entry) => entry.documentId);

export const listSortMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.action !== 'findMany' || !trackable(strapi, ctx.uid)) return next();
    const direction = requestedDirection(strapi);
    const params: unknown = ctx.params;
    if (!direction || !isRecord(params)) return next();
    const { populate, sort, page, pageSize, start, limit, fields, ...scope } = params;
    const reader: Reader = strapi.documents(ctx.uid);
    const matching = await reader.findMany({ ...scope, sort, fields: ['documentId'] });
    const ids = [...new Set(matching.map((entry) => entry.documentId))];
    const locale =
      typeof scope.locale === 'string'
        ? scope.locale
        : await service(strapi, 'locales').defaultLocale();
    const views = await service(strapi, 'viewStore').totalsInLocale(ctx.uid, locale);
    const window = pageOf({ page, pageSize, start, limit });
    const pageIds = byViews(ids, views, direction).slice(window.start, window.start + window.size);
    const onPage = { documentId: { $in: pageIds } };
    // The list read itself, narrowed to the page's documents (its populate and fields unchanged).
    for (const key of ['page', 'pageSize', 'sort']) delete params[key];
    Object.assign(params, {
      filters: isRecord(scope.filters) ? { $and: [scope.filters, onPage] } : onPage,
      start: 0,
      limit: Math.max(pageIds.length, 1),
    });
    const result = await next();
    if (!Array.isArray(result)) return result;
    const position = new Map(pageIds.map((documentId, index) => [documentId, index]));
    return [...result].sort(
      (a, b) => (position.get(a.documentId) ?? 0) - (position.get(b.documentId) ?? 0)
    );
  };
