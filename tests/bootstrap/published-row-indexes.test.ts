import type { Core } from '@strapi/strapi';

import { publishedRowIndexName } from '../../src/bootstrap/published-row-indexes';
import { bootStrapi } from '../helpers/strapi';

let app: Core.Strapi;
bootStrapi((booted) => ({ app } = booted));

const TABLES = ['articles', 'meetings', 'awards'];
const isPostgres = () => app.db.dialect.client === 'postgres';

/** The index definitions of a table, as the database reports them. */
const indexesOf = async (table: string): Promise<string[]> => {
  const knex = app.db.connection;
  if (isPostgres()) {
    const { rows } = await knex.raw('SELECT indexdef FROM pg_indexes WHERE tablename = ?', [table]);
    return rows.map((r: { indexdef: string }) => r.indexdef);
  }
  const rows = await knex.raw(
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
    [table]
  );
  return rows.map((r: { sql: string | null }) => r.sql ?? '');
};

/** How the database would count the published rows of one locale, as a public list does. */
const countPlan = async () => {
  const knex = app.db.connection;
  const count =
    "SELECT count(t0.id) FROM articles t0 WHERE t0.published_at IS NOT NULL AND t0.locale = 'vi'";
  if (!isPostgres()) {
    const rows = await knex.raw(`EXPLAIN QUERY PLAN ${count}`);
    return rows.map((r: { detail: string }) => r.detail).join('\n');
  }
  // The test tables are small enough for a sequential scan to win: ask whether the index can serve the count.
  return knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    const { rows } = await trx.raw(`EXPLAIN ${count}`);
    return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
  });
};

describe('published-row indexes', () => {
  it.each(TABLES)('%s has an index of its published rows by locale', async (table) => {
    const definition = (await indexesOf(table)).find((sql) =>
      sql.includes(publishedRowIndexName(table))
    );
    expect(definition).toMatch(/\(\s*["`]?locale["`]?\s*,\s*["`]?id["`]?\s*\)/);
    expect(definition).toMatch(/WHERE\s*\(?\s*["`]?published_at["`]?\s+IS NOT NULL/i);
  });

  // PostgreSQL reads the index alone; SQLite reads it, then each row it points at.
  it("counts a locale's published rows, as a public list does, through the index", async () => {
    expect(await countPlan()).toMatch(
      new RegExp(`(Index Only Scan using|USING INDEX) ${publishedRowIndexName('articles')}`)
    );
  });
});
