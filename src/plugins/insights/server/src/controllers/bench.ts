import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { TOTALS } from '../services/tables';

/**
 * Routes that exist only when `benchRoutes` is on, for bench/views.ts: the floor every request pays, and the
 * read-then-update counter most Strapi guides show, to compare the beacon with.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  noop(ctx: Context) {
    ctx.body = { data: { ok: true } };
  },

  /** Deliberately naive: read the count, add one in JavaScript, write it back. Loses updates under concurrency. */
  async naiveCount(ctx: Context) {
    const documentId = typeof ctx.request.body?.documentId === 'string' ? ctx.request.body.documentId : '';
    if (!documentId) throw new errors.ValidationError('documentId is required');
    const knex = strapi.db.connection;
    const key = { content_type: 'bench::naive', document_id: documentId, locale: 'vi' };
    const current = await knex(TOTALS).where(key).first('views');
    if (current) await knex(TOTALS).where(key).update({ views: Number(current.views) + 1 });
    else await knex(TOTALS).insert({ ...key, views: 1 }).onConflict(['content_type', 'document_id', 'locale']).ignore();
    ctx.body = { data: { counted: true } };
  },
});
