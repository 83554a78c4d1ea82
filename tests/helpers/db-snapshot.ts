import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** Row count and content hash of one table. */
export type TableState = { rows: number; hash: string };
export type DatabaseSnapshot = Record<string, TableState>;

const isSqlite = (app: Core.Strapi) => app.db.dialect.client === 'sqlite';

/** Every table of the app's database (SQLite's catalogue, or PostgreSQL's current schema). */
export const listTables = async (app: Core.Strapi): Promise<string[]> => {
  const knex = app.db.connection;
  const rows: { name: string }[] = isSqlite(app)
    ? await knex('sqlite_master')
        .select('name')
        .where('type', 'table')
        .andWhereNot('name', 'like', 'sqlite_%')
    : await knex('pg_tables')
        .select({ name: 'tablename' })
        .whereRaw('schemaname = current_schema()');
  return rows.map(({ name }) => name).sort();
};

/** Rows in a fixed order whatever order the database returns them in, so equal content hashes equally. */
const hashRows = (rows: unknown[]) => {
  const lines = rows.map((row) => JSON.stringify(row)).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
};

const tableState = async (app: Core.Strapi, table: string): Promise<TableState> => {
  const rows: unknown[] = await app.db.connection(table).select('*');
  return { rows: rows.length, hash: hashRows(rows) };
};

/** Row counts and content hashes of every table in the database. */
export const snapshotDatabase = async (app: Core.Strapi): Promise<DatabaseSnapshot> => {
  const tables = await listTables(app);
  const states = await Promise.all(tables.map((table) => tableState(app, table)));
  return Object.fromEntries(tables.map((table, index) => [table, states[index]]));
};

/** Names of the tables whose row count or content differs between two snapshots (added and dropped ones too). */
export const changedTables = (before: DatabaseSnapshot, after: DatabaseSnapshot): string[] => {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
    .sort();
};

/**
 * Stops the jobs that write on their own while a test compares snapshots: the upload plugin's weekly metrics
 * job, which a fresh database schedules 15 seconds after the first start and which stamps the core store.
 */
export const stopBackgroundWriters = (app: Core.Strapi) => {
  app.cron.remove('uploadWeekly');
};
