import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { insightsConfig } from '../config';
import { addDays, portalDay } from '../clock';
import { parseCountsQuery, parseDailyQuery, parseHit, parseRankingQuery } from './validation';
import { service } from '../services';
import type { HitSource } from './services/rate-limit';

/** The view endpoints: input is checked here, the services do the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => insightsConfig(strapi);
  const documents = () => service(strapi, 'documents');
  const locales = () => service(strapi, 'locales');
  const store = () => service(strapi, 'viewStore');
  const visitors = () => service(strapi, 'visitor');
  const today = () => portalDay(strapi);

  const dailySeries = async (ctx: Context, state: 'published' | 'any') => {
    const query = parseDailyQuery(
      ctx.params.documentId,
      ctx.query,
      documents().trackableTypeNames(),
      today(),
      addDays(today(), -29)
    );
    const uid = documents().contentTypeOf(query.type);
    const locale = await locales().resolve(query.locale);
    if (state === 'published') await documents().assertPublished(uid, query.documentId, locale);
    else await documents().assertExists(uid, query.documentId, locale);
    const key = { contentType: uid, documentId: query.documentId, locale };
    ctx.body = {
      data: await store().daily(key, query.from, query.to),
      meta: { ...query, locale, total: await store().totalOf(key) },
    };
  };

  return {
    /**
     * POST /api/insights/views: one page view, from a beacon the page sends (so page caches do not hide views).
     * Called by the beacon middleware (beacon.ts), which has read the body no further than maxBodyBytes.
     */
    async track(ctx: Context) {
      const hit = parseHit(ctx.request.body, documents().trackableTypeNames());

      const userAgent = ctx.get('user-agent');
      const ip: string = visitors().clientIp(ctx.req);
      const visitor: string = await visitors().visitorHash(ip, userAgent);
      const source: HitSource = {
        visitor,
        client: await visitors().clientHash(ip),
        document: `${hit.type}:${hit.documentId}`,
      };
      const verdict = await service(strapi, 'rateLimit').allowHit(source);
      if (!verdict.allowed) {
        ctx.set('Retry-After', String(verdict.retryAfterSeconds));
        throw new errors.RateLimitError(
          `Too many view hits from this client; try again in ${verdict.retryAfterSeconds} s`,
          {
            retryAfterSeconds: verdict.retryAfterSeconds,
          }
        );
      }

      const key = {
        contentType: documents().contentTypeOf(hit.type),
        documentId: hit.documentId,
        locale: await locales().resolve(hit.locale),
      };
      const mark = visitors().isBot(userAgent)
        ? null
        : visitors().viewMark(visitor, key.contentType, key.documentId, key.locale);
      const { published, counted, views } = await store().record(key, mark);
      if (!published)
        throw new errors.NotFoundError(
          `No published ${hit.type} "${hit.documentId}" in locale "${key.locale}"`
        );
      ctx.body = { data: { counted, views } };
    },

    /** GET /views/top: most viewed in the current day, week, month or year (portal time), or of all time. */
    async ranking(ctx: Context) {
      const query = parseRankingQuery(ctx.query, documents().trackableTypeNames());
      const { entries, locale } = await service(strapi, 'rankings').top(query);
      ctx.body = {
        data: entries,
        meta: {
          type: query.type,
          period: query.period,
          locale,
          organization: query.organization ?? null,
          include: query.include,
        },
      };
    },

    /** GET /api/insights/views/:documentId/daily: one row per day, zero-filled, for charts; published documents only. */
    daily: (ctx: Context) => dailySeries(ctx, 'published'),

    /** The same for editors (admin route): a draft's series too, as the edit view shows drafts. */
    dailyAnyState: (ctx: Context) => dailySeries(ctx, 'any'),

    /** GET /views/types (admin): public type name → content type uid. */
    types(ctx: Context) {
      ctx.body = { data: config().trackableTypes };
    },

    /** GET /views/counts (admin): totals of a page of documents, every locale, in one query. */
    async counts(ctx: Context) {
      const query = parseCountsQuery(ctx.query, documents().trackableTypeNames());
      const totals = await store().totalsFor(
        documents().contentTypeOf(query.type),
        query.documentIds
      );
      ctx.body = { data: Object.fromEntries(totals) };
    },
  };
};
