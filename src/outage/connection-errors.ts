/**
 * Errors that mean "the database cannot be reached right now" (the request may succeed if retried later), as
 * opposed to errors of the request itself. The driver's error is often wrapped (knex, Strapi, Apollo), so the
 * chain of causes is searched.
 */

/** Socket errors of Node and the MySQL driver: the server refused, dropped or never answered the connection. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
]);

/**
 * PostgreSQL SQLSTATEs: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or
 * shutting down), 53300 too_many_connections; class 08 is "connection exception".
 */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** SQLite: the file is locked by another writer for longer than the busy timeout, or cannot be opened. */
const SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_CANTOPEN']);

/** Errors that carry no code: node-postgres on a dropped socket, knex when the pool cannot hand out a connection. */
const MESSAGES = [
  /connection terminated/i,
  /encountered a connection error and is not queryable/i,
  /timeout acquiring a connection/i,
];

const fieldOf = (value: object, key: string): unknown =>
  key in value ? Reflect.get(value, key) : undefined;

const matches = (value: object) => {
  const code = fieldOf(value, 'code');
  if (
    typeof code === 'string' &&
    (SOCKET_CODES.has(code) ||
      POSTGRES_CODES.has(code) ||
      SQLITE_CODES.has(code) ||
      /^08[0-9A-Z]{3}$/.test(code))
  ) {
    return true;
  }
  if (fieldOf(value, 'name') === 'KnexTimeoutError') return true;
  const message = fieldOf(value, 'message');
  return typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message));
};

/** The errors an error wraps: `cause`, Apollo's `originalError`, an AggregateError's `errors` (one per address tried). */
const wrapped = (value: object): unknown[] => {
  const inner = fieldOf(value, 'errors');
  return [
    fieldOf(value, 'cause'),
    fieldOf(value, 'originalError'),
    ...(Array.isArray(inner) ? inner : []),
  ];
};

/** True when the error, or an error it wraps, says the database connection is lost, refused or unavailable. */
export const isConnectionError = (error: unknown): boolean => {
  const seen = new Set<object>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (matches(value)) return true;
    pending.push(...wrapped(value));
  }
  return false;
};
