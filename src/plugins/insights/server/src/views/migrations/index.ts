import type { Core } from '@strapi/strapi';

import createViewTables from './001-create-view-tables';
import bucketKeyForDailySeries from './002-bucket-key-for-daily-series';
import createTranslationSources from '../../translations/migrations/003-create-translation-sources';
import hourBuckets from './004-hour-buckets';

type Knex = Core.Strapi['db']['connection'];
export type Migration = { name: string; up: (knex: Knex) => Promise<void> };

/**
 * The plugin's one migration list (views' tables, then the translations module's). In order; a released migration
 * is never edited, a change is a new one at the end.
 */
const MIGRATIONS: readonly Migration[] = [
  createViewTables,
  bucketKeyForDailySeries,
  createTranslationSources,
  hourBuckets,
];

/** knex's migrator records what ran here, apart from Strapi's own migrations. */
export const MIGRATIONS_TABLE = 'insights_migrations';

const source = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: (migration: Migration) => migration.name,
  getMigration: async (migration: Migration) => ({ up: migration.up, down: async () => undefined }),
};

const isLockedError = (error: unknown) =>
  error instanceof Error && error.name === 'MigrationLocked';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Brings the plugin's tables to the current version: a new database gets them all, one made by an earlier
 * version is changed in place. Another instance starting at the same time may hold the lock: wait for it.
 */
export const migrate = async (knex: Knex, attempts = 30): Promise<string[]> => {
  try {
    const [, names]: [number, string[]] = await knex.migrate.latest({
      migrationSource: source,
      tableName: MIGRATIONS_TABLE,
    });
    return names;
  } catch (error) {
    if (!isLockedError(error) || attempts <= 1) throw error;
    await pause(500);
    return migrate(knex, attempts - 1);
  }
};
