import type { SearchType } from './documents';
import { exactPrefixBase, type Term } from './query';
import { ENTRIES, FTS, type Engine, type Knex } from './schema';

/** What a search asks an engine: all terms (folded) in one locale, of some types; the best `limit` first. */
export type Lookup = { terms: Term[]; locale: string; types: SearchType[]; limit: number };

export type CandidateRow = {
  id: number;
  content_type: string;
  document_id: string;
  slug: string | null;
  title: string;
  sort_date: string;
  title_exact: string;
  title_folded: string;
  body_exact: string;
  body_folded: string;
};

export type Candidates = { ids: number[]; total: number };

const SELECTED = [
  'id',
  'content_type',
  'document_id',
  'slug',
  'title',
  'sort_date',
  'title_exact',
  'title_folded',
  'body_exact',
  'body_folded',
].map((column) => `e.${column}`);

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** `e.locale = ? AND e.content_type IN (…)` with its bindings. */
const scope = (lookup: Lookup) => ({
  sql: `e.locale = ? AND e.content_type IN (${placeholders(lookup.types.length)})`,
  bindings: [lookup.locale, ...lookup.types],
});

// Words reach the engines' query languages only as \p{L}\p{N} runs (tokenize), so quoting them is enough.

/** FTS5: every term among the folded columns; the exact words, the first term and the phrase add to bm25. */
const fts5Match = (terms: Term[]) => {
  const folded = (term: Term) =>
    `(${term.forms.map((form) => `"${form}"${term.prefix ? '*' : ''}`).join(' OR ')})`;
  const marked = terms.filter((term) => term.marked);
  const boosts = [
    `{title_folded body_folded} : ${folded(terms[0])}`,
    `{title_folded body_folded} : (${terms.map((term) => `"${term.forms[0]}"${term.prefix ? ' *' : ''}`).join(' + ')})`,
    ...(marked.length > 0
      ? [
          `{title_exact body_exact} : (${marked.map((term) => (term.prefix ? `"${exactPrefixBase(term)}"*` : `"${term.exact}"`)).join(' OR ')})`,
        ]
      : []),
  ];
  return `{title_folded body_folded} : (${terms.map(folded).join(' AND ')}) AND (${boosts.join(' OR ')})`;
};

/** tsquery: folded words are weights B and D, exact ones A and C. */
const tsFolded = (terms: Term[]) =>
  terms
    .map(
      (term) => `(${term.forms.map((form) => `'${form}':${term.prefix ? '*' : ''}BD`).join(' | ')})`
    )
    .join(' & ');

const tsExact = (terms: Term[]) =>
  terms
    .filter((term) => term.marked)
    .map((term) => (term.prefix ? `'${exactPrefixBase(term)}':*AC` : `'${term.exact}':AC`))
    .join(' | ');

type Search = (knex: Knex, lookup: Lookup) => Promise<Candidates>;

/** The best matches' ids with the match count, read in the same pass (count(*) OVER ()): one walk over them. */
const ranked = (rows: { id: number; total: number | string }[]): Candidates => ({
  ids: rows.map((row) => Number(row.id)),
  total: Number(rows[0]?.total ?? 0),
});

export const ENGINES: Record<Engine, Search> = {
  sqlite: async (knex, lookup) => {
    const where = scope(lookup);
    // The full-text index is walked first, alone (bm25 is only allowed there, not beside a window function); the
    // entries are then read by id. Otherwise SQLite may walk the entries and run the MATCH once per entry.
    return ranked(
      await knex.raw(
        `WITH hits AS MATERIALIZED (
          SELECT rowid AS id, bm25(${FTS}, 8, 4, 2, 1) AS rank FROM ${FTS} WHERE ${FTS} MATCH ?)
        SELECT e.id, count(*) OVER () AS total FROM hits CROSS JOIN ${ENTRIES} e ON e.id = hits.id
        WHERE ${where.sql} ORDER BY hits.rank LIMIT ?`,
        [fts5Match(lookup.terms), ...where.bindings, lookup.limit]
      )
    );
  },
  postgres: async (knex, lookup) => {
    const where = scope(lookup);
    const exact = tsExact(lookup.terms);
    const folded = tsFolded(lookup.terms);
    // One ts_rank over the folded words or the exact ones: entries holding the reader's marks score more.
    const rankedBy = exact ? `(${folded}) | (${exact})` : folded;
    const selected: { rows: { id: number; total: string }[] } = await knex.raw(
      `SELECT e.id, count(*) OVER () AS total
      FROM ${ENTRIES} e WHERE e.document @@ to_tsquery('simple', ?) AND ${where.sql}
      ORDER BY ts_rank(e.document, to_tsquery('simple', ?)) DESC LIMIT ?`,
      [folded, ...where.bindings, rankedBy, lookup.limit]
    );
    return ranked(selected.rows);
  },
};

/** The entries the engine picked, with the words the ranking rules read. */
export const candidateRows = async (knex: Knex, ids: number[]): Promise<CandidateRow[]> =>
  ids.length > 0 ? knex(`${ENTRIES} as e`).select(SELECTED).whereIn('e.id', ids) : [];
