import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { insightsConfig } from '../config';
import { addDays, localDay } from '../clock';
import type { HitResult } from './services/view-store';
import { parseCountsQuery, parseDailyQuery, parseHit, parseRankingQuery } from './validation';

/** The view endpoints: input is checked here, the services do the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => insightsConfig(strapi);
  const documents = () => strapi.plugin('insights').service('documents');
  const store = () => strapi.plugin('insights').service('viewStore');
  const visitors = () => strapi.plugin('insights').service('visitor');
  const today = () => localDay(Date.now(), config().utcOffsetMinutes);

  return {
    /** POST /views: one page view, from a beacon the page sends (so page caches do not hide views). */
    async track(ctx: Context) {
      const size = Number(ctx.request.length ?? 0) || Buffer.byteLength(JSON.stringify(ctx.request.body ?? ''));
      if (size > config().maxBodyBytes) throw new errors.PayloadTooLargeError(`Body over ${config().maxBodyBytes} bytes`);
      const hit = parseHit(ctx.request.body, documents().trackableTypeNames());

      const userAgent = ctx.get('user-agent');
      const visitor: string = await visitors().visitorHash(visitors().clientIp(ctx.req), userAgent);
      if (!strapi.plugin('insights').service('rateLimit').allow(visitor)) {
        throw new errors.RateLimitError('Too many view hits from this visitor; try again later');
      }

      const key = { contentType: documents().contentTypeOf(hit.type), documentId: hit.documentId, locale: await documents().resolveLocale(hit.locale) };
      const mark = visitors().isBot(userAgent) ? null : visitors().viewMark(visitor, key.contentType, key.documentId, key.locale);
      const { published, counted, views }: HitResult = await store().record(key, mark);
      if (!published) throw new errors.NotFoundError(`No published ${hit.type} "${hit.documentId}" in locale "${key.locale}"`);
      ctx.body = { data: { counted, views } };
    },

    /** GET /views/top: most viewed in the current day, week, month or year (portal time), or of all time. */
    async ranking(ctx: Context) {
      const query = parseRankingQuery(ctx.query, documents().trackableTypeNames());
      const { entries, locale } = await strapi.plugin('insights').service('rankings').top(query);
      ctx.body = { data: entries, meta: { type: query.type, period: query.period, locale, organization: query.organization ?? null } };
    },

    /** GET /views/:documentId/daily: one row per day, zero-filled, for charts. */
    async daily(ctx: Context) {
      const query = parseDailyQuery(ctx.params.documentId, ctx.query, documents().trackableTypeNames(), today(), addDays(today(), -29));
      const uid = documents().contentTypeOf(query.type);
      const locale: string = await documents().resolveLocale(query.locale);
      await documents().assertExists(uid, query.documentId, locale);
      const key = { contentType: uid, documentId: query.documentId, locale };
      ctx.body = { data: await store().daily(key, query.from, query.to), meta: { ...query, locale, total: await store().totalOf(key) } };
    },

    /** GET /views/types (admin): public type name → content type uid. */
    types(ctx: Context) {
      ctx.body = { data: config().trackableTypes };
    },

    /** GET /views/counts (admin): totals of a page of documents, every locale, in one query. */
    async counts(ctx: Context) {
      const query = parseCountsQuery(ctx.query, documents().trackableTypeNames());
      const totals: Map<string, number> = await store().totalsFor(documents().contentTypeOf(query.type), query.documentIds);
      ctx.body = { data: Object.fromEntries(totals) };
    },
  };
};
