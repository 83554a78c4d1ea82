import type { Core } from '@strapi/strapi';

export type Knex = Core.Strapi['db']['connection'];
export type Engine = 'sqlite' | 'postgres';

/** One row per published entry and locale: what hits show, and the words each engine indexes. */
export const ENTRIES = 'search_entries';
/** Every folded word the index holds: where a typo's corrections are looked up. */
export const TERMS = 'search_terms';
/** SQLite's FTS5 index over ENTRIES (external content, kept in step by triggers). */
export const FTS = 'search_fts';
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

const columns = WORD_COLUMNS.join(', ');
const values = (row: string) => WORD_COLUMNS.map((column) => `${row}.${column}`).join(', ');

/** FTS5 keeps marks (the exact columns need them); prefixes up to 3 letters are indexed for the last word. */
const SQLITE_INDEX = [
  `CREATE VIRTUAL TABLE ${FTS} USING fts5(${columns}, content='${ENTRIES}', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')`,
  `CREATE TRIGGER ${ENTRIES}_ai AFTER INSERT ON ${ENTRIES} BEGIN
    INSERT INTO ${FTS}(rowid, ${columns}) VALUES (new.id, ${values('new')}); END`,
  `CREATE TRIGGER ${ENTRIES}_ad AFTER DELETE ON ${ENTRIES} BEGIN
    INSERT INTO ${FTS}(${FTS}, rowid, ${columns}) VALUES ('delete', old.id, ${values('old')}); END`,
  `CREATE TRIGGER ${ENTRIES}_au AFTER UPDATE ON ${ENTRIES} BEGIN
    INSERT INTO ${FTS}(${FTS}, rowid, ${columns}) VALUES ('delete', old.id, ${values('old')});
    INSERT INTO ${FTS}(rowid, ${columns}) VALUES (new.id, ${values('new')}); END`,
];

/**
 * PostgreSQL's tsvector over the same words, weighted A–D (exact title, folded title, exact text, folded text) so
 * a query can ask for folded words only (:BD) and rank exact ones (:AC). The 'simple' configuration keeps words
 * as they are: the words are already folded by the app, so neither unaccent nor pg_trgm is needed.
 */
const POSTGRES_INDEX = [
  `ALTER TABLE ${ENTRIES} ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title_exact), 'A') || setweight(to_tsvector('simple', title_folded), 'B') ||
    setweight(to_tsvector('simple', body_exact), 'C') || setweight(to_tsvector('simple', body_folded), 'D')) STORED`,
  `CREATE INDEX ${ENTRIES}_document_gin ON ${ENTRIES} USING gin (document)`,
];

/**
 * Creates the search tables when missing (at every start, before anything is written); true when it created
 * them, so that the caller fills the index from the content already stored.
 */
export const ensureSearchTables = async (knex: Knex, engine: Engine): Promise<boolean> => {
  if (await knex.schema.hasTable(ENTRIES)) return false;
  await knex.transaction(async (trx) => {
    await createEntries(trx);
    for (const statement of engine === 'postgres' ? POSTGRES_INDEX : SQLITE_INDEX)
      await trx.raw(statement);
    await trx.schema.createTable(TERMS, (table) => {
      table.string('term', MAX_TERM_LENGTH).primary();
    });
  });
  return true;
};
