import type { Migration } from '.';

type Knex = Parameters<Migration['up']>[0];
type TableBuilder = Parameters<Knex['schema']['createTable']>[1];

/**
 * The view tables as the first release made them. Databases made before migrations existed already have them,
 * so each is created only when missing; 002 then brings either kind to the same shape.
 * Counts live here, apart from the entries: a counter on an entry flips it to "Modified".
 */
const TABLES: Record<string, TableBuilder> = {
  insights_view_totals: (table) => {
    table.string('content_type', 120).notNullable();
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.integer('views').notNullable().defaultTo(0);
    table.primary(['content_type', 'document_id', 'locale']);
    table.index(['content_type', 'locale', 'views'], 'insights_view_totals_rank');
  },
  insights_view_buckets: (table) => {
    table.string('content_type', 120).notNullable();
    table.string('period', 5).notNullable();
    table.string('starts_on', 10).notNullable();
    table.string('locale', 16).notNullable();
    table.string('document_id', 64).notNullable();
    table.integer('views').notNullable().defaultTo(0);
    table.primary(['content_type', 'period', 'starts_on', 'locale', 'document_id']);
    table.index(
      ['content_type', 'locale', 'period', 'starts_on', 'views'],
      'insights_view_buckets_rank'
    );
    table.index(['document_id', 'period', 'starts_on'], 'insights_view_buckets_document');
  },
  insights_visitor_marks: (table) => {
    table.string('mark', 64).primary();
    table.bigInteger('expires_at').notNullable();
    table.index(['expires_at'], 'insights_visitor_marks_expiry');
  },
  insights_salts: (table) => {
    table.string('day', 10).primary();
    table.string('salt', 64).notNullable();
  },
};

const createViewTables: Migration = {
  name: '001-create-view-tables',
  async up(knex) {
    for (const [name, build] of Object.entries(TABLES)) {
      if (!(await knex.schema.hasTable(name))) await knex.schema.createTable(name, build);
    }
  },
};

export default createViewTables;
