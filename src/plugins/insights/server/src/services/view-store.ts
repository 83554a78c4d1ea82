import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

import { insightsConfig } from '../config';
import { addDays, daysBetween, localDay, PERIODS, periodStart, type Period } from './calendar';
import { isRecord } from '../utils';
import { BUCKETS, MARKS, TOTALS } from './tables';

export type ViewKey = { contentType: UID.ContentType; documentId: string; locale: string };
export type RankPeriod = Period | 'all';

const BUCKET_KEY = ['content_type', 'period', 'starts_on', 'locale', 'document_id'];
const TOTAL_KEY = ['content_type', 'document_id', 'locale'];
const row = ({ contentType, documentId, locale }: ViewKey) => ({ content_type: contentType, document_id: documentId, locale });

export type HitResult = { published: boolean; counted: boolean; views: number };
type Hit = { key: ViewKey; mark: string | null; now: number; expiresAt: number; day: string };
type Knex = Core.Strapi['db']['connection'];
type ContentTable = { table: string; documentId: string; locale: string; publishedAt: string | null };

/** Where a content type's rows live, to check "published in this locale" inside the counting write. */
const contentTable = (strapi: Core.Strapi, uid: UID.ContentType): ContentTable => {
  const meta = strapi.db.metadata.get(uid);
  const column = (attribute: string) => {
    const definition: unknown = meta.attributes[attribute];
    return isRecord(definition) && typeof definition.columnName === 'string' ? definition.columnName : attribute;
  };
  const publishable = contentTypes.hasDraftAndPublish(strapi.getModel(uid));
  return { table: meta.tableName, documentId: column('documentId'), locale: column('locale'), publishedAt: publishable ? column('publishedAt') : null };
};

const publishedRows = (knex: Knex, content: ContentTable, { documentId, locale }: ViewKey) => {
  const query = knex(content.table).where(content.documentId, documentId).andWhere(content.locale, locale);
  return content.publishedAt ? query.whereNotNull(content.publishedAt) : query;
};

const bucketRows = (hit: Hit) => PERIODS.map((period) => ({ ...row(hit.key), period, starts_on: periodStart(period, hit.day), views: 1 }));

/**
 * Any dialect: the published check, then the three upserts in one transaction that starts with a write, so
 * SQLite takes its write lock at once instead of failing to upgrade a read lock when instances share a file.
 */
const recordInTransaction = async (knex: Knex, content: ContentTable, hit: Hit): Promise<HitResult> => {
  if (!(await publishedRows(knex, content, hit.key).first(content.documentId))) return { published: false, counted: false, views: 0 };
  const current = async (trx: Knex) => Number((await trx(TOTALS).where(row(hit.key)).first('views'))?.views ?? 0);
  if (!hit.mark) return { published: true, counted: false, views: await current(knex) };
  const mark = hit.mark;
  return knex.transaction(async (trx): Promise<HitResult> => {
    const claimed = await trx(MARKS)
      .insert({ mark, expires_at: hit.expiresAt })
      .onConflict('mark')
      .merge({ expires_at: hit.expiresAt })
      .where(`${MARKS}.expires_at`, '<=', hit.now)
      .returning('mark');
    if (claimed.length === 0) return { published: true, counted: false, views: await current(trx) };
    await trx(BUCKETS).insert(bucketRows(hit)).onConflict(BUCKET_KEY).merge({ views: trx.raw('??.?? + 1', [BUCKETS, 'views']) });
    const [total] = await trx(TOTALS)
      .insert({ ...row(hit.key), views: 1 })
      .onConflict(TOTAL_KEY)
      .merge({ views: trx.raw('??.?? + 1', [TOTALS, 'views']) })
      .returning('views');
    return { published: true, counted: true, views: Number(total.views) };
  });
};

/**
 * PostgreSQL: the same checks and upserts as one statement of data-modifying CTEs, so a hit costs one round
 * trip and holds row locks for the shortest time. The statement is atomic on its own.
 */
const recordInOneStatement = async (knex: Knex, content: ContentTable, hit: Hit): Promise<HitResult> => {
  const published = publishedRows(knex, content, hit.key).select(knex.raw('1')).limit(1);
  const buckets = bucketRows(hit);
  const sql = `
    WITH published AS (${published.toQuery()}),
    mark AS (
      INSERT INTO ?? (mark, expires_at) SELECT ?, ? WHERE ? AND EXISTS (SELECT 1 FROM published)
      ON CONFLICT (mark) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE ??.expires_at <= ?
      RETURNING 1
    ),
    buckets AS (
      INSERT INTO ?? (content_type, period, starts_on, locale, document_id, views)
      SELECT v.* FROM (VALUES ${buckets.map(() => '(?, ?, ?, ?, ?, 1)').join(', ')}) AS v(content_type, period, starts_on, locale, document_id, views)
      WHERE EXISTS (SELECT 1 FROM mark)
      ON CONFLICT (content_type, period, starts_on, locale, document_id) DO UPDATE SET views = ??.views + 1
    ),
    total AS (
      INSERT INTO ?? (content_type, document_id, locale, views) SELECT ?, ?, ?, 1 WHERE EXISTS (SELECT 1 FROM mark)
      ON CONFLICT (content_type, document_id, locale) DO UPDATE SET views = ??.views + 1
      RETURNING views
    )
    SELECT EXISTS (SELECT 1 FROM published) AS published, EXISTS (SELECT 1 FROM mark) AS counted,
      COALESCE((SELECT views FROM total), (SELECT views FROM ?? WHERE content_type = ? AND document_id = ? AND locale = ?), 0) AS views`;
  const { contentType, documentId, locale } = hit.key;
  const bindings = [
    MARKS, hit.mark ?? '', hit.expiresAt, hit.mark !== null, MARKS, hit.now,
    BUCKETS, ...buckets.flatMap((b) => [b.content_type, b.period, b.starts_on, b.locale, b.document_id]), BUCKETS,
    TOTALS, contentType, documentId, locale, TOTALS,
    TOTALS, contentType, documentId, locale,
  ];
  const { rows } = await knex.raw(sql, bindings);
  return { published: rows[0].published, counted: rows[0].counted, views: Number(rows[0].views) };
};

/** Counts and reads views. Every write is an atomic upsert inside one transaction: nothing is read, then written. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const config = () => insightsConfig(strapi);

  const totalOf = async (key: ViewKey) => Number((await knex()(TOTALS).where(row(key)).first('views'))?.views ?? 0);

  return {
    totalOf,

    /**
     * Records one hit on a document: counts it unless the document has no published version in this locale
     * (published: false), the hit is a bot's (mark null), or this mark (visitor × document × locale) was
     * counted within the window. Resolves only after the write commits, so an acknowledged hit survives a crash.
     */
    async record(key: ViewKey, mark: string | null, now = Date.now()): Promise<HitResult> {
      const hit = { key, mark, now, expiresAt: now + config().dedupWindowMinutes * 60_000, day: localDay(now, config().utcOffsetMinutes) };
      const content = contentTable(strapi, key.contentType);
      return strapi.db.dialect.client === 'postgres' ? recordInOneStatement(knex(), content, hit) : recordInTransaction(knex(), content, hit);
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
