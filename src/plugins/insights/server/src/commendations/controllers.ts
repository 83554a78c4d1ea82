import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { parseCommendationQuery } from './validation';
import { service } from '../services';
import { formsOf } from './model';

/** GET /units/:documentId/commendations: what a unit (and, as asked, its sub-tree and merged units) received and issued. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async forUnit(ctx: Context) {
    const query = parseCommendationQuery(ctx.params.documentId, ctx.query, formsOf(strapi));
    const locale = await service(strapi, 'locales').resolve(query.locale);
    ctx.body = await service(strapi, 'commendations').forUnit(query, locale);
  },

  /** GET /officials/:documentId/commendations (admin): a person's own record. */
  async forPerson(ctx: Context) {
    const {
      unit: official,
      include: _include,
      ...query
    } = parseCommendationQuery(ctx.params.documentId, ctx.query, formsOf(strapi));
    const locale = await service(strapi, 'locales').resolve(query.locale);
    ctx.body = { data: await service(strapi, 'commendations').forPerson(official, query, locale) };
  },

  /** GET /units/:documentId/summary: received by form, issued, and the views of the unit's articles. */
  async summary(ctx: Context) {
    const query = parseCommendationQuery(ctx.params.documentId, ctx.query, formsOf(strapi));
    const locale = await service(strapi, 'locales').resolve(query.locale);
    ctx.body = await service(strapi, 'commendations').summary(query, locale);
  },
});
