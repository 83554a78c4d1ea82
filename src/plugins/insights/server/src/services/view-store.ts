import type { Core, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import { addDays, daysBetween, localDay, PERIODS, periodStart, type Period } from './calendar';
import { BUCKETS, MARKS, TOTALS } from './tables';

export type ViewKey = { contentType: UID.ContentType; documentId: string; locale: string };
export type RankPeriod = Period | 'all';

const BUCKET_KEY = ['content_type', 'period', 'starts_on', 'locale', 'document_id'];
const TOTAL_KEY = ['content_type', 'document_id', 'locale'];
const row = ({ contentType, documentId, locale }: ViewKey) => ({ content_type: contentType, document_id: documentId, locale });

/** Counts and reads views. Every write is an atomic upsert inside one transaction: nothing is read, then written. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const config = () => insightsConfig(strapi);

  const totalOf = async (key: ViewKey) => Number((await knex()(TOTALS).where(row(key)).first('views'))?.views ?? 0);

  return {
    totalOf,

    /**
     * Counts one view unless this mark (visitor × document × locale) was counted within the window.
     * Resolves only after the transaction commits, so an acknowledged hit survives a crash.
     */
    async count(key: ViewKey, mark: string, now = Date.now()) {
      const expiresAt = now + config().dedupWindowMinutes * 60_000;
      return knex().transaction(async (trx) => {
        const claimed = await trx(MARKS)
          .insert({ mark, expires_at: expiresAt })
          .onConflict('mark')
          .merge({ expires_at: expiresAt })
          .where(`${MARKS}.expires_at`, '<=', now)
          .returning('mark');
        if (claimed.length === 0) {
          return { counted: false, views: Number((await trx(TOTALS).where(row(key)).first('views'))?.views ?? 0) };
        }
        const day = localDay(now, config().utcOffsetMinutes);
        await trx(BUCKETS)
          .insert(PERIODS.map((period) => ({ ...row(key), period, starts_on: periodStart(period, day), views: 1 })))
          .onConflict(BUCKET_KEY)
          .merge({ views: trx.raw('??.?? + 1', [BUCKETS, 'views']) });
        const [total] = await trx(TOTALS)
          .insert({ ...row(key), views: 1 })
          .onConflict(TOTAL_KEY)
          .merge({ views: trx.raw('??.?? + 1', [TOTALS, 'views']) })
          .returning('views');
        return { counted: true, views: Number(total.views) };
      });
    },

    /** Totals for many documents of one type in one query, keyed `documentId:locale`. */
    async totalsFor(contentType: UID.ContentType, documentIds: string[]) {
      const totals = new Map<string, number>();
      if (documentIds.length === 0) return totals;
      const rows = await knex()(TOTALS)
        .where({ content_type: contentType })
        .whereIn('document_id', [...new Set(documentIds)])
        .select('document_id', 'locale', 'views');
      rows.forEach((r: { document_id: string; locale: string; views: number }) => totals.set(`${r.document_id}:${r.locale}`, Number(r.views)));
      return totals;
    },

    /** Most viewed in the current calendar period (or of all time), optionally among given documents. */
    async ranking(
      contentType: UID.ContentType,
      locale: string,
      period: RankPeriod,
      limit: number,
      among: string[] | null,
      now = Date.now()
    ) {
      const today = localDay(now, config().utcOffsetMinutes);
      const query =
        period === 'all'
          ? knex()(TOTALS).where({ content_type: contentType, locale })
          : knex()(BUCKETS).where({ content_type: contentType, locale, period, starts_on: periodStart(period, today) });
      if (among) query.whereIn('document_id', among);
      const rows = await query.orderBy('views', 'desc').limit(limit).select('document_id', 'views');
      return rows.map((r: { document_id: string; views: number }) => ({ documentId: r.document_id, views: Number(r.views) }));
    },

    /** One row per day from `from` to `to` inclusive, days without views as 0. */
    async daily(key: ViewKey, from: string, to: string) {
      const rows = await knex()(BUCKETS)
        .where({ ...row(key), period: 'day' })
        .whereBetween('starts_on', [from, to])
        .select('starts_on', 'views');
      const byDay = new Map(rows.map((r: { starts_on: string; views: number }) => [r.starts_on, Number(r.views)]));
      return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
        const day = addDays(from, i);
        return { day, views: byDay.get(day) ?? 0 };
      });
    },

    /** Sets a starting count for views counted before this system (e.g. the old portal's "Số lượt xem"), once. */
    async importBaseline(key: ViewKey, views: number) {
      const inserted = await knex()(TOTALS).insert({ ...row(key), views }).onConflict(TOTAL_KEY).ignore().returning('views');
      return inserted.length > 0;
    },

    /** Forgets a deleted document's views (all locales when locale is omitted). */
    async forget(contentType: UID.ContentType, documentId: string, locale?: string) {
      const where = { content_type: contentType, document_id: documentId, ...(locale ? { locale } : {}) };
      await knex().transaction(async (trx) => {
        await trx(BUCKETS).where(where).delete();
        await trx(TOTALS).where(where).delete();
      });
    },

    /** Drops de-dup marks whose window has ended. */
    async sweepMarks(now = Date.now()) {
      return knex()(MARKS).where('expires_at', '<=', now).delete();
    },
  };
};
