import type { Core } from '@strapi/strapi';

export type Knex = Core.Strapi['db']['connection'];
export type Engine = 'sqlite' | 'postgres';

/** One row per published entry and locale: what hits show, and the words each engine indexes. */
export const ENTRIES = 'search_entries';
/** Every folded word the index holds: where a typo's corrections are looked up. */
export const TERMS = 'search_terms';
/** SQLite's FTS5 index over ENTRIES (external content, kept in step by triggers). */
export const FTS = 'search_fts';
/** SQLite's FTS5 index over the titles alone. */
export const TITLE_FTS = 'search_title_fts';
export const MAX_TERM_LENGTH = 64;

export const engineOf = (strapi: Core.Strapi): Engine =>
  strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';

const WORD_COLUMNS = ['title_exact', 'title_folded', 'body_exact', 'body_folded'];

const createEntries = (knex: Knex) =>
  knex.schema.createTable(ENTRIES, (table) => {
    table.increments('id');
    table.string('content_type', 32).notNullable();
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.string('slug', 255);
    table.text('title').notNullable();
    table.text('body').notNullable();
    table.string('sort_date', 32).notNullable();
    for (const column of WORD_COLUMNS) table.text(column).notNullable();
    table.unique(['content_type', 'document_id', 'locale'], {
      indexName: 'search_entries_document',
    });
  });

/**
 * The locale and type of an entry as one word of the full-text index (type, "x", the locale's UTF-8 in hex: a
 * single token whatever the locale code holds), so that FTS5 filters and counts without reading the entries.
 */
export const scopeToken = (type: string, locale: string) =>
  `${type}x${Buffer.from(locale, 'utf8').toString('hex')}`;
export const SCOPE = 'scope';
/** PostgreSQL's vector of the title's words alone. */
export const TITLE_DOCUMENT = 'title_document';
const SCOPE_SQL = `content_type || 'x' || hex(locale)`;

/** An FTS5 index over some of the entries' columns, kept in step with them. */
type FtsTable = { name: string; columns: string[] };
const SQLITE_FTS: FtsTable[] = [
  { name: FTS, columns: [...WORD_COLUMNS, SCOPE] },
  { name: TITLE_FTS, columns: ['title_exact', 'title_folded', SCOPE] },
];

const ftsInsert = ({ name, columns }: FtsTable) =>
  `INSERT INTO ${name}(rowid, ${columns.join(', ')}) VALUES (new.id, ${columns.map((column) => `new.${column}`).join(', ')});`;
const ftsDelete = ({ name, columns }: FtsTable) =>
  `INSERT INTO ${name}(${name}, rowid, ${columns.join(', ')}) VALUES ('delete', old.id, ${columns.map((column) => `old.${column}`).join(', ')});`;
const trigger = (name: string, event: string, steps: ((table: FtsTable) => string)[]) =>
  `CREATE TRIGGER ${ENTRIES}_${name} AFTER ${event} ON ${ENTRIES} BEGIN
    ${SQLITE_FTS.flatMap((table) => steps.map((step) => step(table))).join('\n    ')} END`;

/**
 * FTS5 keeps marks (the exact columns need them); prefixes up to 3 letters are indexed for the last word. The title
 * index holds a title's few words: the title tier reads its short lists instead of every entry's.
 */
const SQLITE_INDEX = [
  `ALTER TABLE ${ENTRIES} ADD COLUMN ${SCOPE} TEXT GENERATED ALWAYS AS (${SCOPE_SQL}) VIRTUAL`,
  ...SQLITE_FTS.map(
    ({ name, columns }) =>
      `CREATE VIRTUAL TABLE ${name} USING fts5(${columns.join(', ')}, content='${ENTRIES}', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')`
  ),
  trigger('ai', 'INSERT', [ftsInsert]),
  trigger('ad', 'DELETE', [ftsDelete]),
  trigger('au', 'UPDATE', [ftsDelete, ftsInsert]),
];

/**
 * PostgreSQL's tsvector over the same words, weighted A–D (exact title, folded title, exact text, folded text) so
 * a query can ask for folded words only (:BD) and rank exact ones (:AC). The 'simple' configuration keeps words
 * as they are: the words are already folded by the app, so neither unaccent nor pg_trgm is needed.
 * `title_document` holds the title's words alone: the title tier is matched and ranked on it, a few words an entry.
 * Rows are kept whole in the table up to a page (toast_tuple_target): a vector read from TOAST for each match
 * made scans and ts_rank several times slower, and an entry's row is a few KB.
 */
const POSTGRES_INDEX = [
  `ALTER TABLE ${ENTRIES} ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title_exact), 'A') || setweight(to_tsvector('simple', title_folded), 'B') ||
    setweight(to_tsvector('simple', body_exact), 'C') || setweight(to_tsvector('simple', body_folded), 'D')) STORED`,
  `ALTER TABLE ${ENTRIES} SET (toast_tuple_target = 8160)`,
  `ALTER TABLE ${ENTRIES} ADD COLUMN ${TITLE_DOCUMENT} tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title_exact), 'A') || setweight(to_tsvector('simple', title_folded), 'B')) STORED`,
  `CREATE INDEX ${ENTRIES}_document_gin ON ${ENTRIES} USING gin (document)`,
  `CREATE INDEX ${ENTRIES}_title_document_gin ON ${ENTRIES} USING gin (${TITLE_DOCUMENT})`,
];

/**
 * Tables of an earlier layout (before the title index or vector, which came after FTS5's scope word): made again
 * and refilled at start.
 */
const isCurrent = (knex: Knex, engine: Engine) =>
  engine === 'sqlite'
    ? knex.schema.hasTable(TITLE_FTS)
    : knex.schema.hasColumn(ENTRIES, TITLE_DOCUMENT);

/** Any key both instances agree on: PostgreSQL's advisory locks are one integer space per database. */
const CREATION_LOCK = 5_370_011;

/**
 * Creates the search tables when missing or of an earlier layout (at every start, before anything is written);
 * true when it created them, so that the caller fills the index from the content already stored. On PostgreSQL
 * instances starting at once on a new database take turns (an advisory lock held to the end of the transaction):
 * the second finds the tables made and leaves them.
 */
export const ensureSearchTables = (knex: Knex, engine: Engine): Promise<boolean> =>
  knex.transaction(async (trx) => {
    if (engine === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [CREATION_LOCK]);
    if (await trx.schema.hasTable(ENTRIES)) {
      if (await isCurrent(trx, engine)) return false;
      for (const table of [FTS, TITLE_FTS, ENTRIES, TERMS])
        await trx.schema.dropTableIfExists(table);
    }
    await createEntries(trx);
    for (const statement of engine === 'postgres' ? POSTGRES_INDEX : SQLITE_INDEX)
      await trx.raw(statement);
    await trx.schema.createTable(TERMS, (table) => {
      table.string('term', MAX_TERM_LENGTH).primary();
    });
    return true;
  });
