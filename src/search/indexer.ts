import type { Core } from '@strapi/strapi';

import { SEARCH_TYPES, SOURCES, isSearchType, sortDate, type SearchType } from './documents';
import { indexForms } from './fold';
import { ENTRIES, MAX_TERM_LENGTH, TERMS, VECTORS, engineOf, type Knex } from './schema';

type Row = Record<string, unknown>;

/** The index row of one published entry (one locale of a document). */
const entryOf = (type: SearchType, row: Row) => {
  const { title, text, date } = SOURCES[type].extract(row);
  const body = text.filter((part) => part.trim() !== '').join('\n');
  const titleForms = indexForms(title);
  const bodyForms = indexForms(body);
  return {
    content_type: type,
    document_id: String(row.documentId),
    locale: String(row.locale),
    slug: typeof row.slug === 'string' ? row.slug : null,
    title,
    body,
    sort_date: sortDate(date),
    title_exact: titleForms.exact,
    title_folded: titleForms.folded,
    body_exact: bodyForms.exact,
    body_folded: bodyForms.folded,
  };
};

type Entry = ReturnType<typeof entryOf>;

const CHUNK = 500;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK)
  );

/** Stores entries and adds their folded words to the vocabulary. */
const insertEntries = async (knex: Knex, entries: Entry[]) => {
  const words = new Set(
    entries.flatMap((entry) => `${entry.title_folded} ${entry.body_folded}`.split(' '))
  );
  const terms = [...words].filter((word) => word !== '' && word.length <= MAX_TERM_LENGTH);
  for (const part of chunks(entries)) await knex(ENTRIES).insert(part);
  for (const part of chunks(terms))
    await knex(TERMS)
      .insert(part.map((term) => ({ term })))
      .onConflict('term')
      .ignore();
};

/** Published rows of a type: every locale's published version (types without drafts are always published). */
const publishedRows = (
  strapi: Core.Strapi,
  type: SearchType,
  where: Record<string, unknown>,
  page?: { offset: number; limit: number }
): Promise<Row[]> =>
  strapi.db.query(SEARCH_TYPES[type]).findMany({
    where: { ...where, publishedAt: { $notNull: true } },
    populate: SOURCES[type].populate,
    orderBy: { id: 'asc' },
    ...page,
  });

/**
 * Makes the index hold exactly the published versions of one document, in every locale: called after each write
 * (publish, unpublish, update, delete, in any locale), inside the write's transaction when there is one, so a
 * refused write leaves the index as it was.
 */
export const syncDocument = async (
  strapi: Core.Strapi,
  type: SearchType,
  documentId: string
): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    const rows = await publishedRows(strapi, type, { documentId });
    await trx(ENTRIES).where({ content_type: type, document_id: documentId }).delete();
    await insertEntries(
      trx,
      rows.map((row) => entryOf(type, row))
    );
  });
};

const PAGE = 200;

/** Empties the index and fills it from every published entry, reporting progress per type. */
export const reindexAll = async (
  strapi: Core.Strapi,
  log: (line: string) => void
): Promise<number> => {
  const knex = strapi.db.connection;
  await knex(ENTRIES).delete();
  await knex(TERMS).delete();
  let total = 0;
  for (const type of Object.keys(SEARCH_TYPES).filter(isSearchType)) {
    const count = await strapi.db
      .query(SEARCH_TYPES[type])
      .count({ where: { publishedAt: { $notNull: true } } });
    for (let offset = 0; offset < count; offset += PAGE) {
      const rows = await publishedRows(strapi, type, {}, { offset, limit: PAGE });
      await strapi.db.transaction(({ trx }) =>
        insertEntries(
          trx,
          rows.map((row) => entryOf(type, row))
        )
      );
      total += rows.length;
      log(`search: ${type} ${Math.min(offset + PAGE, count)}/${count}`);
    }
  }
  // The planner's statistics for the rows just written, before autovacuum gets to them: without them it takes
  // every word for rare and walks the wrong index (on a new database, or after a rebuild).
  if (engineOf(strapi) === 'postgres') await knex.raw(`ANALYZE ${VECTORS}`);
  return total;
};
