import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

import type { Migration } from '../../../../src/plugins/insights/server/src/views/migrations';
import createViewTables from '../../../../src/plugins/insights/server/src/views/migrations/001-create-view-tables';
import bucketKeyForDailySeries from '../../../../src/plugins/insights/server/src/views/migrations/002-bucket-key-for-daily-series';
import { startStrapi, stopStrapi } from '../../../helpers/strapi';

import { adminQuery } from '../../../../scripts/postgres';

type Knex = Core.Strapi['db']['connection'];

const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const database = `hoi_lhpn_migrations_${process.pid}`;
const sqliteFile = path.join('.tmp', `${database}.db`);

/**
 * Earlier versions created their tables at start-up, without migration records. A released migration is frozen, so
 * running its `up` alone rebuilds what that version made: 001 is the first release, 001 + 002 the schema of commit
 * 7edbed3 (the code right before migrations).
 */
const LEGACY: Record<string, Migration[]> = {
  'the first release': [createViewTables],
  'commit 7edbed3 (the schema right before migrations)': [
    createViewTables,
    bucketKeyForDailySeries,
  ],
};
const PLUGIN_TABLES = [
  'insights_view_totals',
  'insights_view_buckets',
  'insights_visitor_marks',
  'insights_salts',
  'insights_translation_sources',
];
const MIGRATION_TABLES = ['insights_migrations', 'insights_migrations_lock'];
const BUCKET = {
  content_type: 'api::article.article',
  document_id: 'legacydoc1',
  locale: 'vi',
  period: 'day',
  starts_on: '2024-01-19',
  views: 7,
};

/** Puts the database back to what an earlier version left: its tables with a row each, no migration records. */
const makeLegacyDatabase = async (knex: Knex, version: string) => {
  for (const table of [...PLUGIN_TABLES, ...MIGRATION_TABLES])
    await knex.schema.dropTableIfExists(table);
  for (const migration of LEGACY[version]) await migration.up(knex);
  await knex('insights_view_buckets').insert(BUCKET);
  await knex('insights_view_totals').insert({
    content_type: BUCKET.content_type,
    document_id: BUCKET.document_id,
    locale: 'vi',
    views: 7,
  });
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
  return columns
    .filter((column) => column.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((column) => column.name);
};

const indexes = async (knex: Knex): Promise<string[]> => {
  const rows: { name: string }[] = isPostgres
    ? (await knex.raw("SELECT indexname AS name FROM pg_indexes WHERE tablename LIKE 'insights_%'"))
        .rows
    : await knex.raw(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'insights_%'"
      );
  return rows.map((row) => row.name);
};

const appliedMigrations = async (knex: Knex) =>
  (await knex('insights_migrations').orderBy('id').select('name')).map(
    (row: { name: string }) => row.name
  );

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
  else
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(`${sqliteFile}${suffix}`, { force: true });
});

describe('the plugin tables are versioned by migrations', () => {
  it('a new database gets every migration once', async () => {
    const app = await startStrapi();
    try {
      expect(await appliedMigrations(app.db.connection)).toEqual([
        '001-create-view-tables',
        '002-bucket-key-for-daily-series',
        '003-create-translation-sources',
        '004-hour-buckets',
      ]);
    } finally {
      await stopStrapi(app);
    }
  });

  it.each(Object.keys(LEGACY))(
    'a database made by %s upgrades in place, keeping its counts',
    async (version) => {
      const before = await startStrapi();
      try {
        await makeLegacyDatabase(before.db.connection, version);
      } finally {
        await stopStrapi(before);
      }

      const app = await startStrapi();
      try {
        const knex = app.db.connection;
        expect(await appliedMigrations(knex)).toEqual([
          '001-create-view-tables',
          '002-bucket-key-for-daily-series',
          '003-create-translation-sources',
          '004-hour-buckets',
        ]);
        // An hour bucket's key (YYYY-MM-DDTHH) fits the column after the upgrade.
        await knex('insights_view_buckets').insert({
          ...BUCKET,
          period: 'hour',
          starts_on: '2024-01-19T08',
        });
        await knex('insights_view_buckets').where({ period: 'hour' }).delete();
        expect(await primaryKey(knex, 'insights_view_buckets')).toEqual([
          'content_type',
          'document_id',
          'locale',
          'period',
          'starts_on',
        ]);
        const names = await indexes(knex);
        expect(names).toEqual(
          expect.arrayContaining(['insights_view_buckets_rank', 'insights_view_totals_rank'])
        );
        expect(names).not.toContain('insights_view_buckets_document');
        expect(names).not.toContain('insights_visitor_marks_expiry');
        expect(await knex('insights_view_buckets').select('*')).toEqual([BUCKET]);
        expect(Number((await knex('insights_view_totals').first('views'))?.views)).toBe(7);
      } finally {
        await stopStrapi(app);
      }
    }
  );

  it('a restart applies nothing again', async () => {
    const app = await startStrapi();
    try {
      const rows = await app.db.connection('insights_migrations').select('name', 'batch');
      expect(rows).toHaveLength(4);
      expect(new Set(rows.map((row: { batch: number }) => row.batch)).size).toBe(1);
    } finally {
      await stopStrapi(app);
    }
  });
});
