import type { Core, Modules, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import { isRecord } from '../utils';
import { service } from '../services';

const READS = new Set(['findMany', 'findOne', 'findFirst']);
type Entry = { documentId?: unknown; locale?: unknown; viewCount?: number };

const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && 'documentId' in value;

/**
 * Puts `viewCount` (the count for the entry's locale) on every entry in one query for the whole page.
 * `locale` stands for entries read without their locale field (e.g. `fields=title`).
 */
export const attachViewCounts = async (
  strapi: Core.Strapi,
  contentType: UID.ContentType,
  result: unknown,
  locale?: string
) => {
  const entries = (Array.isArray(result) ? result : [result]).filter(isEntry);
  if (entries.length === 0) return;
  const totals = await service(strapi, 'viewStore').totalsFor(
    contentType,
    entries.map((entry) => String(entry.documentId))
  );
  const fallback = locale ?? (await service(strapi, 'locales').defaultLocale());
  for (const entry of entries)
    entry.viewCount = totals.get(`${entry.documentId}:${entry.locale ?? fallback}`) ?? 0;
};

const isTrackable = (strapi: Core.Strapi, uid: string) =>
  Object.values(insightsConfig(strapi).trackableTypes).some((trackable) => trackable === uid);

/**
 * Content API reads (REST, and GraphQL's top-level queries) of trackable types come back with `viewCount`.
 * Admin and internal reads are left alone. Nothing is stored on the entry.
 */
export const viewCountsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const result = await next();
    const route: unknown = strapi.requestContext.get()?.state?.route;
    const fromContentApi =
      isRecord(route) && isRecord(route.info) && route.info.type === 'content-api';
    if (fromContentApi && READS.has(ctx.action) && isTrackable(strapi, ctx.uid)) {
      const params: unknown = ctx.params;
      const locale =
        isRecord(params) && typeof params.locale === 'string' && params.locale !== '*'
          ? params.locale
          : undefined;
      await attachViewCounts(strapi, ctx.uid, result, locale);
    }
    return result;
  };

/** Forgets a document's counts when it (or one of its locales) is deleted, so a later document never inherits them. */
export const forgetDeletedMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const result = await next();
    const params: unknown = ctx.params;
    if (
      ctx.action === 'delete' &&
      isTrackable(strapi, ctx.uid) &&
      isRecord(params) &&
      typeof params.documentId === 'string'
    ) {
      const locale =
        typeof params.locale === 'string' && params.locale !== '*' ? params.locale : undefined;
      await service(strapi, 'viewStore').forget(ctx.uid, params.documentId, locale);
    }
    return result;
  };
