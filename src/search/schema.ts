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
/** PostgreSQL's vectors of the entries' words, in a table of their own. */
export const VECTORS = 'search_vectors';
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
 * The vectors live in a narrow table of their own (VECTORS, one row per entry, written by a trigger, deleted with
 * it), whole in the row (toast_tuple_target): every search scans or visits thousands of them, and beside the
 * entries' long texts, or read from TOAST, that took two to four times as long.
 */
const VECTOR_SQL = (row: string) => ({
  document: `setweight(to_tsvector('simple', ${row}.title_exact), 'A') ||
    setweight(to_tsvector('simple', ${row}.title_folded), 'B') ||
    setweight(to_tsvector('simple', ${row}.body_exact), 'C') || setweight(to_tsvector('simple', ${row}.body_folded), 'D')`,
  title: `setweight(to_tsvector('simple', ${row}.title_exact), 'A') ||
    setweight(to_tsvector('simple', ${row}.title_folded), 'B')`,
});

const POSTGRES_INDEX = [
  `CREATE TABLE ${VECTORS} (
    id integer PRIMARY KEY REFERENCES ${ENTRIES}(id) ON DELETE CASCADE,
    locale varchar(16) NOT NULL, content_type varchar(32) NOT NULL,
    document tsvector NOT NULL, ${TITLE_DOCUMENT} tsvector NOT NULL) WITH (toast_tuple_target = 8160)`,
  `CREATE OR REPLACE FUNCTION ${VECTORS}_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    INSERT INTO ${VECTORS} (id, locale, content_type, document, ${TITLE_DOCUMENT})
    VALUES (NEW.id, NEW.locale, NEW.content_type, ${VECTOR_SQL('NEW').document}, ${VECTOR_SQL('NEW').title})
    ON CONFLICT (id) DO UPDATE SET locale = EXCLUDED.locale, content_type = EXCLUDED.content_type,
      document = EXCLUDED.document, ${TITLE_DOCUMENT} = EXCLUDED.${TITLE_DOCUMENT};
    RETURN NULL; END $$`,
  `CREATE TRIGGER ${ENTRIES}_vectors AFTER INSERT OR UPDATE ON ${ENTRIES}
    FOR EACH ROW EXECUTE FUNCTION ${VECTORS}_write()`,
  `CREATE INDEX ${VECTORS}_document_gin ON ${VECTORS} USING gin (document)`,
  `CREATE INDEX ${VECTORS}_title_document_gin ON ${VECTORS} USING gin (${TITLE_DOCUMENT})`,
];

/**
 * Tables of an earlier layout (before the title index or vector, which came after FTS5's scope word): made again
 * and refilled at start.
 */
const isCurrent = (knex: Knex, engine: Engine) =>
  engine === 'sqlite' ? knex.schema.hasTable(TITLE_FTS) : knex.schema.hasTable(VECTORS);

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
      for (const table of [FTS, TITLE_FTS, VECTORS, ENTRIES, TERMS])
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
