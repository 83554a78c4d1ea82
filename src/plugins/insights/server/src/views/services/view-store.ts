import { createHash } from 'node:crypto';

import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

import { insightsConfig } from '../../config';
import {
  addDays,
  daysBetween,
  isRollingPeriod,
  PERIODS,
  periodStart,
  portalDay,
  portalHour,
  type RankPeriod,
  type RollingPeriod,
} from '../../clock';
import { isRecord } from '../../utils';
import { announceCounted } from '../events';
import { createBatcher } from './batcher';
import { BUCKETS, MARKS, TOTALS } from './tables';

export type ViewKey = { contentType: UID.ContentType; documentId: string; locale: string };

/** Hour buckets are kept this long: long enough for the rolling 24 hours, then swept. */
const HOUR = 'hour';
const HOURS_KEPT = 48;
const BUCKET_KEY = ['content_type', 'document_id', 'locale', 'period', 'starts_on'];
const TOTAL_KEY = ['content_type', 'document_id', 'locale'];
const row = ({ contentType, documentId, locale }: ViewKey) => ({
  content_type: contentType,
  document_id: documentId,
  locale,
});

export type HitResult = { published: boolean; counted: boolean; views: number };
export type Hit = {
  key: ViewKey;
  mark: string | null;
  now: number;
  expiresAt: number;
  day: string;
  /** The portal hour (YYYY-MM-DDTHH): the hour bucket the rolling 24-hour ranking sums. */
  hour: string;
};
type Knex = Core.Strapi['db']['connection'];
type ContentTable = {
  table: string;
  documentId: string;
  locale: string;
  publishedAt: string | null;
};

/** Where a content type's rows live, to check "published in this locale" inside the counting write. */
const contentTable = (strapi: Core.Strapi, uid: UID.ContentType): ContentTable => {
  const meta = strapi.db.metadata.get(uid);
  const column = (attribute: string) => {
    const definition: unknown = meta.attributes[attribute];
    return isRecord(definition) && typeof definition.columnName === 'string'
      ? definition.columnName
      : attribute;
  };
  const publishable = contentTypes.hasDraftAndPublish(strapi.getModel(uid));
  return {
    table: meta.tableName,
    documentId: column('documentId'),
    locale: column('locale'),
    publishedAt: publishable ? column('publishedAt') : null,
  };
};

const keyOf = ({ contentType, documentId, locale }: Record<keyof ViewKey, string>) =>
  `${contentType}\u0000${documentId}\u0000${locale}`;
const byKey = <T>(items: T[], key: (item: T) => string) =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * The (document_id, locale) pairs of a content type that have a published version, among `pairs`: a list, or a
 * subquery that yields them (PostgreSQL's one-statement batch).
 */
const publishedPairs = (
  strapi: Core.Strapi,
  knex: Knex,
  contentType: UID.ContentType,
  pairs: string[][] | ((subquery: ReturnType<Knex['queryBuilder']>) => void)
) => {
  const content = contentTable(strapi, contentType);
  const query = knex(content.table)
    .distinct({ document_id: content.documentId, locale: content.locale })
    .whereIn([content.documentId, content.locale], pairs);
  return content.publishedAt ? query.whereNotNull(content.publishedAt) : query;
};

/** The keys among `keys` that have a published version: one query per content type. */
const publishedKeys = async (strapi: Core.Strapi, trx: Knex, keys: ViewKey[]) => {
  const published = new Set<string>();
  for (const contentType of new Set(keys.map((key) => key.contentType))) {
    const pairs = [
      ...new Map(
        keys
          .filter((key) => key.contentType === contentType)
          .map((key) => [keyOf(key), [key.documentId, key.locale]])
      ).values(),
    ];
    const rows = await publishedPairs(strapi, trx, contentType, pairs);
    rows.forEach((r: { document_id: string; locale: string }) =>
      published.add(keyOf({ contentType, documentId: r.document_id, locale: r.locale }))
    );
  }
  return published;
};

type TotalRow = {
  content_type: UID.ContentType;
  document_id: string;
  locale: string;
  views: number;
};
type Increment = { hit: Hit; n: number };
const rememberTotals = (totals: Map<string, number>, rows: TotalRow[]) =>
  rows.forEach((r) =>
    totals.set(
      keyOf({ contentType: r.content_type, documentId: r.document_id, locale: r.locale }),
      Number(r.views)
    )
  );

/** The hit each mark is claimed for: the first published hit carrying it (bots carry none). Pure. */
const candidatesOf = (hits: Hit[], published: Set<string>) => {
  const candidates = new Map<string, Hit>();
  for (const hit of hits)
    if (hit.mark && published.has(keyOf(hit.key)) && !candidates.has(hit.mark))
      candidates.set(hit.mark, hit);
  return candidates;
};

/** The hits that count: each the candidate of a mark the write claimed. Pure. */
const countedOf = (hits: Hit[], candidates: Map<string, Hit>, claimed: Set<string>) =>
  new Set(
    hits.filter((hit) => hit.mark && claimed.has(hit.mark) && candidates.get(hit.mark) === hit)
  );

/**
 * Claims the de-dup marks of the first published hit per mark: a mark is claimed when it is new or its window has
 * ended. Returns the hits that count.
 */
const claimMarks = async (trx: Knex, hits: Hit[], published: Set<string>, now: number) => {
  const candidates = candidatesOf(hits, published);
  const claimed = new Set<string>();
  if (candidates.size > 0) {
    const rows = byKey([...candidates.values()], (hit) => hit.mark ?? '').map((hit) => ({
      mark: hit.mark,
      expires_at: hit.expiresAt,
    }));
    const returned = await trx(MARKS)
      .insert(rows)
      .onConflict('mark')
      .merge(['expires_at'])
      .where(`${MARKS}.expires_at`, '<=', now)
      .returning('mark');
    returned.forEach((r: { mark: string }) => claimed.add(r.mark));
  }
  return countedOf(hits, candidates, claimed);
};

/** Counted hits per key: one increment of n views each. */
const incrementsOf = (counted: Set<Hit>) => {
  const increments = new Map<string, Increment>();
  counted.forEach((hit) => {
    const entry = increments.get(keyOf(hit.key)) ?? { hit, n: 0 };
    entry.n += 1;
    increments.set(keyOf(hit.key), entry);
  });
  return increments;
};

/** The bucket rows a counted hit adds to: its day, week, month and year, and its hour. */
const bucketStarts = (hit: Hit) => [
  ...PERIODS.map((period) => ({ period, starts_on: periodStart(period, hit.day) })),
  { period: HOUR, starts_on: hit.hour },
];

/** The batch's increments as one upsert per table (rows in key order); returns the new totals. */
const addViews = async (
  trx: Knex,
  increments: Map<string, Increment>,
  totals: Map<string, number>
) => {
  if (increments.size === 0) return;
  const bucketRows = byKey(
    [...increments.values()].flatMap(({ hit, n }) =>
      bucketStarts(hit).map((start) => ({ ...row(hit.key), ...start, views: n }))
    ),
    (r) => [r.content_type, r.document_id, r.locale, r.period, r.starts_on].join('\u0000')
  );
  await trx(BUCKETS)
    .insert(bucketRows)
    .onConflict(BUCKET_KEY)
    .merge({ views: trx.raw('??.?? + excluded.??', [BUCKETS, 'views', 'views']) });
  const totalRows = byKey([...increments.values()], ({ hit }) => keyOf(hit.key)).map(
    ({ hit, n }) => ({ ...row(hit.key), views: n })
  );
  const added = await trx(TOTALS)
    .insert(totalRows)
    .onConflict(TOTAL_KEY)
    .merge({ views: trx.raw('??.?? + excluded.??', [TOTALS, 'views', 'views']) })
    .returning(['content_type', 'document_id', 'locale', 'views']);
  rememberTotals(totals, added);
};

/** Reads the totals of the batch's keys that no upsert returned (nothing counted for them). */
const readUncountedTotals = async (trx: Knex, hits: Hit[], totals: Map<string, number>) => {
  const unread = [
    ...new Map(
      hits.filter((hit) => !totals.has(keyOf(hit.key))).map((hit) => [keyOf(hit.key), hit.key])
    ).values(),
  ];
  if (unread.length === 0) return;
  const rows = await trx(TOTALS)
    .whereIn(
      TOTAL_KEY,
      unread.map((key) => [key.contentType, key.documentId, key.locale])
    )
    .select(...TOTAL_KEY, 'views');
  rememberTotals(totals, rows);
};

/** Counted hits of one key get consecutive counts ending at the new total, in arrival order. Pure. */
const hitResults = (
  hits: Hit[],
  published: Set<string>,
  counted: Set<Hit>,
  increments: Map<string, Increment>,
  totals: Map<string, number>
) => {
  const remaining = new Map([...increments].map(([key, { n }]) => [key, n]));
  return hits.map((hit): HitResult => {
    const key = keyOf(hit.key);
    const total = totals.get(key) ?? 0;
    if (!published.has(key)) return { published: false, counted: false, views: 0 };
    if (!counted.has(hit)) return { published: true, counted: false, views: total };
    const left = remaining.get(key) ?? 1;
    remaining.set(key, left - 1);
    return { published: true, counted: true, views: total - left + 1 };
  });
};

/**
 * The published keys among the batch's `hits` as SQL: publishedPairs per trackable type, UNION ALL. Its only values
 * are the types' uids, so it is rendered as text.
 */
const publishedSql = (strapi: Core.Strapi, knex: Knex) => {
  const types = Object.values(insightsConfig(strapi).trackableTypes).sort();
  return knex
    .raw(
      types
        .map(() => 'SELECT ?::text AS content_type, p.document_id, p.locale FROM ? AS p')
        .join(' UNION ALL '),
      types.flatMap((uid) => [
        uid,
        publishedPairs(strapi, knex, uid, (hitsOfType) =>
          hitsOfType.select('document_id', 'locale').from('hits').where('content_type', uid)
        ),
      ])
    )
    .toString();
};

type BatchStatement = { sql: string; name: string };
/** Per app: its trackable types and bucket periods never change while it runs. */
const batchStatements = new WeakMap<Core.Strapi, BatchStatement>();

/**
 * The text of the one-statement batch, with a placeholder per column of hits, the clock and each period. The
 * same for every batch, so it is built once and sent as a named statement, parsed once per connection. The
 * data-modifying WITHs run in the order the query needs them: marks, then totals, then buckets (unread, so last),
 * each in key order, as every batch does. Totals are looked up only for the keys the batch does not count (the
 * upsert returns the others): on a table autovacuum has not analyzed yet, PostgreSQL serves that lookup from the
 * rank index, reading every row of the locale, so it must not run for every hit. `uncounted` is MATERIALIZED so
 * that the planner cannot inline it and look totals up before leaving the counted keys out.
 */
const batchStatement = (strapi: Core.Strapi, knex: Knex, periods: string[]) => {
  const built = batchStatements.get(strapi);
  if (built) return built;
  const starts = periods.map((_, i) => `s${i}`);
  const sql = `WITH hits AS (
       SELECT * FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]${', ?::text[]'.repeat(periods.length)})
         AS h (ord, content_type, document_id, locale, mark, expires_at, ${starts.join(', ')})),
     published AS (${publishedSql(strapi, knex)}),
     candidates AS (
       SELECT DISTINCT ON (h.mark) h.* FROM hits h JOIN published USING (content_type, document_id, locale)
       WHERE h.mark IS NOT NULL ORDER BY h.mark, h.ord),
     claimed AS (
       INSERT INTO ${MARKS} AS m (mark, expires_at) SELECT mark, expires_at FROM candidates ORDER BY mark
       ON CONFLICT (mark) DO UPDATE SET expires_at = excluded.expires_at WHERE m.expires_at <= ?
       RETURNING mark),
     increments AS (
       SELECT DISTINCT ON (c.content_type, c.document_id, c.locale) c.*,
         count(*) OVER (PARTITION BY c.content_type, c.document_id, c.locale)::int AS n
       FROM candidates c JOIN claimed USING (mark) ORDER BY c.content_type, c.document_id, c.locale, c.ord),
     added AS (
       INSERT INTO ${TOTALS} AS t (${TOTAL_KEY.join(', ')}, views)
       SELECT ${TOTAL_KEY.join(', ')}, n FROM increments ORDER BY ${TOTAL_KEY.join(', ')}
       ON CONFLICT (${TOTAL_KEY.join(', ')}) DO UPDATE SET views = t.views + excluded.views
       RETURNING ${TOTAL_KEY.join(', ')}, views),
     added_buckets AS (
       INSERT INTO ${BUCKETS} AS b (${BUCKET_KEY.join(', ')}, views)
       SELECT i.content_type, i.document_id, i.locale, s.period, s.starts_on, i.n FROM increments i
       CROSS JOIN LATERAL (VALUES ${starts.map((start) => `(?::text, i.${start})`).join(', ')}) AS s (period, starts_on)
       ORDER BY 1, 2, 3, 4, 5
       ON CONFLICT (${BUCKET_KEY.join(', ')}) DO UPDATE SET views = b.views + excluded.views),
     uncounted AS MATERIALIZED (
       SELECT p.* FROM published p LEFT JOIN increments i USING (${TOTAL_KEY.join(', ')}) WHERE i.n IS NULL)
     SELECT 'published' AS kind, content_type, document_id, locale, NULL AS mark, NULL::int AS views FROM published
     UNION ALL SELECT 'claimed', NULL, NULL, NULL, mark, NULL FROM claimed
     UNION ALL SELECT 'before', t.content_type, t.document_id, t.locale, NULL, t.views
       FROM uncounted JOIN ${TOTALS} t USING (${TOTAL_KEY.join(', ')})
     UNION ALL SELECT 'after', content_type, document_id, locale, NULL, views FROM added`;
  const statement = {
    sql,
    name: `insights_views_batch_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`,
  };
  batchStatements.set(strapi, statement);
  return statement;
};

/**
 * The whole batch in one PostgreSQL statement (atomic without a transaction): the published check, the marks'
 * claims, the totals' and the buckets' upserts, and the totals of the keys it does not count. The hits go in as
 * one array per column. Returns which keys are published, which marks were claimed, and the total of every published
 * key that has one.
 */
const writeInOneStatement = async (strapi: Core.Strapi, knex: Knex, hits: Hit[]) => {
  const periods = bucketStarts(hits[0]).map((start) => start.period);
  const { sql, name } = batchStatement(strapi, knex, periods);
  const column = <T>(value: (hit: Hit, ord: number) => T) => hits.map(value);
  const bucketsOfHits = hits.map(bucketStarts);
  const result: unknown = await knex
    .raw(sql, [
      column((_, ord) => ord),
      column((hit) => hit.key.contentType),
      column((hit) => hit.key.documentId),
      column((hit) => hit.key.locale),
      column((hit) => hit.mark),
      column((hit) => hit.expiresAt),
      ...periods.map((_, i) => bucketsOfHits.map((starts) => starts[i].starts_on)),
      hits[hits.length - 1].now,
      ...periods,
    ])
    .options({ name });
  const rows = isRecord(result) && Array.isArray(result.rows) ? result.rows.filter(isRecord) : [];
  const keyOfRow = (r: Record<string, unknown>) =>
    keyOf({
      contentType: String(r.content_type),
      documentId: String(r.document_id),
      locale: String(r.locale),
    });
  const totals = new Map<string, number>();
  rows
    .filter((r) => r.kind === 'before' || r.kind === 'after')
    .forEach((r) => totals.set(keyOfRow(r), Number(r.views)));
  return {
    published: new Set(rows.filter((r) => r.kind === 'published').map(keyOfRow)),
    claimed: new Set(rows.filter((r) => r.kind === 'claimed').map((r) => String(r.mark))),
    totals,
  };
};

/** A PostgreSQL batch: one statement, then the same counting rules as SQLite's applied to what it returns. */
const writePostgresBatch = async (strapi: Core.Strapi, knex: Knex, hits: Hit[]) => {
  const { published, claimed, totals } = await writeInOneStatement(strapi, knex, hits);
  const counted = countedOf(hits, candidatesOf(hits, published), claimed);
  return { results: hitResults(hits, published, counted, incrementsOf(counted), totals), counted };
};

/**
 * A SQLite batch: published check, then in one transaction the de-dup marks and one upsert per table with the
 * batch's increments.
 */
const writeSqliteBatch = async (strapi: Core.Strapi, knex: Knex, hits: Hit[]) => {
  // Checked before the transaction: SQLite instances sharing a file deadlock when a transaction that has
  // read must upgrade to write, while one that starts by writing just waits its turn.
  const published = await publishedKeys(
    strapi,
    knex,
    hits.map((hit) => hit.key)
  );
  return knex.transaction(async (trx) => {
    const counted = await claimMarks(trx, hits, published, hits[hits.length - 1].now);
    const increments = incrementsOf(counted);
    const totals = new Map<string, number>();
    await addViews(trx, increments, totals);
    await readUncountedTotals(trx, hits, totals);
    return { results: hitResults(hits, published, counted, increments, totals), counted };
  });
};

/**
 * Writes a batch of hits. Rows are written in key order, so concurrent batches (other instances) lock them in the
 * same order and cannot deadlock. The counts' listeners hear of them before any hit is acknowledged.
 */
const writeBatch = async (strapi: Core.Strapi, knex: Knex, hits: Hit[]) => {
  const write = strapi.db.dialect.client === 'postgres' ? writePostgresBatch : writeSqliteBatch;
  const { results, counted } = await write(strapi, knex, hits);
  await announceCounted(
    strapi,
    [...counted].map((hit) => hit.key.documentId)
  );
  return results;
};

/** The first bucket a rolling window sums: 24 hour buckets, or 7 / 30 day buckets, the current one included. */
const rollingSince = (strapi: Core.Strapi, period: RollingPeriod, now: number) => {
  if (period === '24h') return { period: HOUR, since: portalHour(strapi, now, 23) };
  const days = period === '7d' ? 7 : 30;
  return { period: 'day', since: addDays(portalDay(strapi, now), 1 - days) };
};

/** Views per document summed over the window's buckets (the rank index covers the range). */
const rollingSums = (
  knex: Knex,
  where: { content_type: UID.ContentType; locale: string },
  window: { period: string; since: string }
) =>
  knex(BUCKETS)
    .where({ ...where, period: window.period })
    .where('starts_on', '>=', window.since)
    .groupBy('document_id')
    .select('document_id', knex.raw('sum(??) as ??', ['views', 'views']));

/** Counts and reads views. Counts are only ever written as atomic upserts: nothing is read, then written back. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const config = () => insightsConfig(strapi);

  // SQLite has one connection, so one writer; elsewhere a few batches overlap their round trips.
  const enqueue = createBatcher(
    (hits: Hit[]) => writeBatch(strapi, knex(), hits),
    strapi.db.dialect.client === 'sqlite' ? 1 : 4
  );
  const totalOf = async (key: ViewKey) =>
    Number((await knex()(TOTALS).where(row(key)).first('views'))?.views ?? 0);

  return {
    totalOf,

    /**
     * Records one hit on a document: counts it unless the document has no published version in this locale
     * (published: false), the hit is a bot's (mark null), or this mark (visitor × document × locale) was
     * counted within the window. Resolves only after the write commits, so an acknowledged hit survives a crash.
     */
    async record(key: ViewKey, mark: string | null, now = Date.now()): Promise<HitResult> {
      return enqueue({
        key,
        mark,
        now,
        expiresAt: now + config().dedupWindowMinutes * 60_000,
        day: portalDay(strapi, now),
        hour: portalHour(strapi, now),
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
      rows.forEach((r: { document_id: string; locale: string; views: number }) =>
        totals.set(`${r.document_id}:${r.locale}`, Number(r.views))
      );
      return totals;
    },

    /** Every counted document of a type in one locale: documentId → views (documents never viewed are absent). */
    async totalsInLocale(contentType: UID.ContentType, locale: string) {
      const rows = await knex()(TOTALS)
        .where({ content_type: contentType, locale })
        .select('document_id', 'views');
      return new Map<string, number>(
        rows.map((r: { document_id: string; views: number }) => [r.document_id, Number(r.views)])
      );
    },

    /**
     * Most viewed in the current calendar period, a rolling window (sums of hour or day buckets) or of all time,
     * optionally among given documents.
     */
    async ranking(
      contentType: UID.ContentType,
      locale: string,
      period: RankPeriod,
      limit: number,
      among: string[] | null,
      now = Date.now()
    ) {
      const where = { content_type: contentType, locale };
      const query = isRollingPeriod(period)
        ? rollingSums(knex(), where, rollingSince(strapi, period, now))
        : period === 'all'
          ? knex()(TOTALS).where(where).select('document_id', 'views')
          : knex()(BUCKETS)
              .where({ ...where, period, starts_on: periodStart(period, portalDay(strapi, now)) })
              .select('document_id', 'views');
      if (among) query.whereIn('document_id', among);
      const rows = await query.orderBy('views', 'desc').orderBy('document_id').limit(limit);
      return rows.map((r: { document_id: string; views: number | string }) => ({
        documentId: r.document_id,
        views: Number(r.views),
      }));
    },

    /** One row per day from `from` to `to` inclusive, days without views as 0. */
    async daily(key: ViewKey, from: string, to: string) {
      const rows = await knex()(BUCKETS)
        .where({ ...row(key), period: 'day' })
        .whereBetween('starts_on', [from, to])
        .select('starts_on', 'views');
      const byDay = new Map(
        rows.map((r: { starts_on: string; views: number }) => [r.starts_on, Number(r.views)])
      );
      return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
        const day = addDays(from, i);
        return { day, views: byDay.get(day) ?? 0 };
      });
    },

    /** Sets a starting count for views counted before this system (e.g. the old portal's "Số lượt xem"), once. */
    async importBaseline(key: ViewKey, views: number) {
      const inserted = await knex()(TOTALS)
        .insert({ ...row(key), views })
        .onConflict(TOTAL_KEY)
        .ignore()
        .returning('views');
      if (inserted.length > 0) await announceCounted(strapi, [key.documentId]);
      return inserted.length > 0;
    },

    /** Forgets a deleted document's views (all locales when locale is omitted). */
    async forget(contentType: UID.ContentType, documentId: string, locale?: string) {
      const where = {
        content_type: contentType,
        document_id: documentId,
        ...(locale ? { locale } : {}),
      };
      await knex().transaction(async (trx) => {
        await trx(BUCKETS).where(where).delete();
        await trx(TOTALS).where(where).delete();
      });
    },

    /** Views of these documents, all time and in the last 30 days (portal time). */
    async sumViews(
      contentType: UID.ContentType,
      locale: string,
      documentIds: string[],
      now = Date.now()
    ) {
      if (documentIds.length === 0) return { total: 0, last30Days: 0 };
      const where = { content_type: contentType, locale };
      const since = addDays(portalDay(strapi, now), -29);
      const all = await knex()(TOTALS)
        .where(where)
        .whereIn('document_id', documentIds)
        .sum({ n: 'views' })
        .first();
      const recent = await knex()(BUCKETS)
        .where({ ...where, period: 'day' })
        .whereIn('document_id', documentIds)
        .where('starts_on', '>=', since)
        .sum({ n: 'views' })
        .first();
      return { total: Number(all?.n ?? 0), last30Days: Number(recent?.n ?? 0) };
    },

    /** Drops de-dup marks whose window has ended, and hour buckets no rolling window reaches any more. */
    async sweep(now = Date.now()) {
      await knex()(MARKS).where('expires_at', '<=', now).delete();
      await knex()(BUCKETS)
        .where({ period: HOUR })
        .where('starts_on', '<', portalHour(strapi, now, HOURS_KEPT))
        .delete();
    },
  };
};
