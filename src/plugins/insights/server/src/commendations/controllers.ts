import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { insightsConfig } from '../config';
import { service } from '../services';
import { formsOf } from './model';
import { recordTypes } from './queries';
import { reportCsv } from './report';
import { parseCommendationQuery } from './validation';

/** The commendation routes: a unit's record and summary, a person's record, and the unit's annual report. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const parsed = async (ctx: Context) => {
    const query = parseCommendationQuery(ctx.params.documentId, ctx.query, formsOf(strapi));
    return { query, locale: await service(strapi, 'locales').resolve(query.locale) };
  };
  const commendations = () => service(strapi, 'commendations');
  /**
   * A record changes only with writes of the types it reads (never with view counts): the app's response cache
   * may keep a public answer until one of them is written (the opt-in of src/cache/middleware.ts).
   */
  const cacheable = (ctx: Context) => {
    ctx.state.cacheTypes = recordTypes(strapi);
  };
  return {
    /** GET /units/:documentId/commendations: one page of what a unit (and, as asked, its sub-tree and merged units) received and issued. */
    async forUnit(ctx: Context) {
      const { query, locale } = await parsed(ctx);
      ctx.body = await commendations().forUnit(query, locale);
      cacheable(ctx);
    },

    /** GET /officials/:documentId/commendations: a person's own record (public, like the unit's). */
    async forPerson(ctx: Context) {
      const {
        query: { unit: official, include: _include, ...query },
        locale,
      } = await parsed(ctx);
      ctx.body = await commendations().forPerson(official, query, locale);
      cacheable(ctx);
    },

    /** GET /units/:documentId/summary: received and issued, and the views of the unit's articles. */
    async summary(ctx: Context) {
      const { query, locale } = await parsed(ctx);
      ctx.body = await commendations().summary(query, locale);
    },

    /** GET /units/:documentId/report (admin): the annual emulation report, for the print view. */
    async report(ctx: Context) {
      const { query, locale } = await parsed(ctx);
      ctx.body = { data: await commendations().report(query, locale) };
    },

    /** GET /units/:documentId/report.csv (admin): the same report as a spreadsheet. */
    async reportCsv(ctx: Context) {
      const { query, locale } = await parsed(ctx);
      const report = await commendations().report(query, locale);
      ctx.set('Content-Disposition', `attachment; filename="khen-thuong-${query.unit}.csv"`);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = reportCsv(report, insightsConfig(strapi).commendations.formLabels);
    },
  };
};
