import { lowerNfc } from './fold';

/** The part of a better-sqlite3 connection used here: registering an application-defined SQL function. */
type SqliteConnection = {
  function: (
    name: string,
    options: { deterministic: boolean },
    implementation: (value: unknown) => unknown
  ) => unknown;
};

const isSqliteConnection = (value: unknown): value is SqliteConnection =>
  typeof value === 'object' &&
  value !== null &&
  'function' in value &&
  typeof value.function === 'function';

/**
 * SQLite's built-in lower() folds ASCII only, so Strapi's `$containsi` / `$eqi` (LOWER(column) LIKE LOWER(?))
 * missed "TỪ SƠN" for "Từ Sơn", and NFD text never met NFC input. An application-defined lower() of the same
 * name replaces it on each connection: Unicode lowercase in NFC, marks kept (case-insensitive, not
 * accent-insensitive, as on PostgreSQL).
 */
export const unicodeLower = (
  connection: unknown,
  done: (error?: Error, connection?: unknown) => void
) => {
  if (isSqliteConnection(connection))
    connection.function('lower', { deterministic: true }, (value) =>
      typeof value === 'string' ? lowerNfc(value) : value
    );
  done(undefined, connection);
};
