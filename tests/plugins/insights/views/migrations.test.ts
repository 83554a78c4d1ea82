import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

import { startStrapi, stopStrapi } from '../../../helpers/strapi';

import { adminQuery } from '../../../../scripts/postgres';

type Knex = Core.Strapi['db']['connection'];
type TableBuilder = Parameters<Knex['schema']['createTable']>[1];

const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const database = `hoi_lhpn_migrations_${process.pid}`;
const sqliteFile = path.join('.tmp', `${database}.db`);

/** The view tables as two earlier versions of the plugin created them at start-up, before it had migrations. */
const LEGACY: Record<string, Record<string, TableBuilder>> = {
  'first release': {
    insights_view_buckets: (table) => {
      table.string('content_type', 120).notNullable();
      table.string('period', 5).notNullable();
      table.string('starts_on', 10).notNullable();
      table.string('locale', 16).notNullable();
      table.string('document_id', 64).notNullable();
      table.integer('views').notNullable().defaultTo(0);
      table.primary(['content_type', 'period', 'starts_on', 'locale', 'document_id']);
      table.index(['content_type', 'locale', 'period', 'starts_on', 'views'], 'insights_view_buckets_rank');
      table.index(['document_id', 'period', 'starts_on'], 'insights_view_buckets_document');
    },
    insights_visitor_marks: (table) => {
      table.string('mark', 64).primary();
      table.bigInteger('expires_at').notNullable();
      table.index(['expires_at'], 'insights_visitor_marks_expiry');
    },
  },
  'the schema of commit 7edbed3 (current before migrations)': {
    insights_view_buckets: (table) => {
      table.string('content_type', 120).notNullable();
      table.string('period', 5).notNullable();
      table.string('starts_on', 10).notNullable();
      table.string('locale', 16).notNullable();
      table.string('document_id', 64).notNullable();
      table.integer('views').notNullable().defaultTo(0);
      table.primary(['content_type', 'document_id', 'locale', 'period', 'starts_on']);
      table.index(['content_type', 'locale', 'period', 'starts_on', 'views'], 'insights_view_buckets_rank');
    },
    insights_visitor_marks: (table) => {
      table.string('mark', 64).primary();
      table.bigInteger('expires_at').notNullable();
    },
  },
};
const SHARED_LEGACY_TABLES: Record<string, TableBuilder> = {
  insights_view_totals: (table) => {
    table.string('content_type', 120).notNullable();
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.integer('views').notNullable().defaultTo(0);
    table.primary(['content_type', 'document_id', 'locale']);
    table.index(['content_type', 'locale', 'views'], 'insights_view_totals_rank');
  },
  insights_salts: (table) => {
    table.string('day', 10).primary();
    table.string('salt', 64).notNullable();
  },
};
const PLUGIN_TABLES = ['insights_view_totals', 'insights_view_buckets', 'insights_visitor_marks', 'insights_salts'];
const MIGRATION_TABLES = ['insights_migrations', 'insights_migrations_lock'];
const BUCKET = { content_type: 'api::article.article', document_id: 'legacydoc1', locale: 'vi', period: 'day', starts_on: '2024-01-19', views: 7 };

/** Puts the database back to what an earlier version left: its tables with a row each, no migration records. */
const makeLegacyDatabase = async (knex: Knex, shape: string) => {
  for (const table of [...PLUGIN_TABLES, ...MIGRATION_TABLES]) await knex.schema.dropTableIfExists(table);
  for (const [name, build] of Object.entries({ ...SHARED_LEGACY_TABLES, ...LEGACY[shape] })) await knex.schema.createTable(name, build);
  await knex('insights_view_buckets').insert(BUCKET);
  await knex('insights_view_totals').insert({ content_type: BUCKET.content_type, document_id: BUCKET.document_id, locale: 'vi', views: 7 });
};

const primaryKey = async (knex: Knex, table: string): Promise<string[]> => {
  if (isPostgres) {
    const { rows } = await knex.raw(
      `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
      [table]
    );
    return rows.map((row: { name: string }) => row.name);
  }
  const columns: { name: string; pk: number }[] = await knex.raw(`PRAGMA table_info(${table})`);
  return columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
};

const indexes = async (knex: Knex): Promise<string[]> => {
  const rows: { name: string }[] = isPostgres
    ? (await knex.raw("SELECT indexname AS name FROM pg_indexes WHERE tablename LIKE 'insights_%'")).rows
    : await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'insights_%'");
  return rows.map((row) => row.name);
};

const appliedMigrations = async (knex: Knex) => (await knex('insights_migrations').orderBy('id').select('name')).map((row: { name: string }) => row.name);

beforeAll(async () => {
  process.env.SEED_ON_EMPTY_DATABASE = 'false';
  if (isPostgres) {
    await adminQuery(`CREATE DATABASE "${database}"`);
    process.env.DATABASE_NAME = database;
  } else {
    process.env.DATABASE_FILENAME = sqliteFile;
  }
});
afterAll(async () => {
  if (isPostgres) await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  else for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${sqliteFile}${suffix}`, { force: true });
});

describe('the plugin tables are versioned by migrations', () => {
  it('a new database gets every migration once', async () => {
    const app = await startStrapi();
    try {
      expect(await appliedMigrations(app.db.connection)).toEqual(['001-create-view-tables', '002-bucket-key-for-daily-series']);
    } finally {
      await stopStrapi(app);
    }
  });

  it.each(Object.keys(LEGACY))('a database made by %s upgrades in place, keeping its counts', async (shape) => {
    const before = await startStrapi();
    try {
      await makeLegacyDatabase(before.db.connection, shape);
    } finally {
      await stopStrapi(before);
    }

    const app = await startStrapi();
    try {
      const knex = app.db.connection;
      expect(await appliedMigrations(knex)).toEqual(['001-create-view-tables', '002-bucket-key-for-daily-series']);
      expect(await primaryKey(knex, 'insights_view_buckets')).toEqual(['content_type', 'document_id', 'locale', 'period', 'starts_on']);
      const names = await indexes(knex);
      expect(names).toEqual(expect.arrayContaining(['insights_view_buckets_rank', 'insights_view_totals_rank']));
      expect(names).not.toContain('insights_view_buckets_document');
      expect(names).not.toContain('insights_visitor_marks_expiry');
      expect(await knex('insights_view_buckets').select('*')).toEqual([BUCKET]);
      expect(Number((await knex('insights_view_totals').first('views'))?.views)).toBe(7);
    } finally {
      await stopStrapi(app);
    }
  });

  it('a restart applies nothing again', async () => {
    const app = await startStrapi();
    try {
      const rows = await app.db.connection('insights_migrations').select('name', 'batch');
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((row: { batch: number }) => row.batch)).size).toBe(1);
    } finally {
      await stopStrapi(app);
    }
  });
});
