import type { Core } from '@strapi/strapi';

/** Tables the plugin owns. Counts live here, apart from the entries: a counter on an entry flips it to "Modified". */
export const TOTALS = 'insights_view_totals';
export const BUCKETS = 'insights_view_buckets';
export const MARKS = 'insights_visitor_marks';
export const SALTS = 'insights_salts';

type Knex = Core.Strapi['db']['connection'];
type TableBuilder = Parameters<Knex['schema']['createTable']>[1];

const TABLES: Record<string, TableBuilder> = {
  [TOTALS]: (table) => {
    table.string('content_type', 120).notNullable();
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.integer('views').notNullable().defaultTo(0);
    table.primary(['content_type', 'document_id', 'locale']);
    table.index(['content_type', 'locale', 'views'], 'insights_view_totals_rank');
  },
  [BUCKETS]: (table) => {
    table.string('content_type', 120).notNullable();
    table.string('period', 5).notNullable();
    table.string('starts_on', 10).notNullable();
    table.string('locale', 16).notNullable();
    table.string('document_id', 64).notNullable();
    table.integer('views').notNullable().defaultTo(0);
    // Key order serves the daily series (one document's days); the rank index serves most-viewed lists.
    table.primary(['content_type', 'document_id', 'locale', 'period', 'starts_on']);
    table.index(['content_type', 'locale', 'period', 'starts_on', 'views'], 'insights_view_buckets_rank');
  },
  [MARKS]: (table) => {
    table.string('mark', 64).primary();
    // No index on expires_at: the sweep every few minutes scans a table that holds one window of visits.
    table.bigInteger('expires_at').notNullable();
  },
  [SALTS]: (table) => {
    table.string('day', 10).primary();
    table.string('salt', 64).notNullable();
  },
};

/** Creates the tables that are missing. Two instances starting together may race: the loser re-checks. */
export const ensureTables = async (knex: Knex) => {
  for (const [name, build] of Object.entries(TABLES)) {
    if (await knex.schema.hasTable(name)) continue;
    try {
      await knex.schema.createTable(name, build);
    } catch (error) {
      if (!(await knex.schema.hasTable(name))) throw error;
    }
  }
};
