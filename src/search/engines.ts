import type { SearchType } from './documents';
import { exactPrefixBase, type Term } from './query';
import { ENTRIES, FTS, SCOPE, scopeToken, type Engine, type Knex } from './schema';

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

/**
 * tsquery of the folded words, unweighted: the GIN index answers it without reading a row (a weighted query is
 * rechecked on each row's vector). It finds what :BD would: an exact key that matches comes with its folded word.
 */
const tsFolded = (terms: Term[]) =>
  terms
    .map(
      (term) => `(${term.forms.map((form) => `'${form}'${term.prefix ? ':*' : ''}`).join(' | ')})`
    )
    .join(' & ');

/** The folded words ranked as weights B and D. */
const tsFoldedRanked = (terms: Term[]) =>
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
    const scopes = lookup.types.map((type) => `"${scopeToken(type, lookup.locale)}"`).join(' OR ');
    // FTS5 alone filters (the scope word), ranks and counts: the entries' rows, long texts included, are not read
    // for the thousands of matches of a common word. bm25 gives the scope column no weight.
    return ranked(
      await knex.raw(
        `WITH hits AS MATERIALIZED (
          SELECT rowid AS id, bm25(${FTS}, 8, 4, 2, 1, 0) AS rank FROM ${FTS} WHERE ${FTS} MATCH ?)
        SELECT id, (SELECT count(*) FROM hits) AS total FROM hits ORDER BY rank LIMIT ?`,
        [`(${fts5Match(lookup.terms)}) AND {${SCOPE}} : (${scopes})`, lookup.limit]
      )
    );
  },
  postgres: async (knex, lookup) => {
    const where = scope(lookup);
    const exact = tsExact(lookup.terms);
    const folded = tsFoldedRanked(lookup.terms);
    // One ts_rank over the folded words or the exact ones: entries holding the reader's marks score more.
    const rankedBy = exact ? `(${folded}) | (${exact})` : folded;
    return knex.transaction(async (trx) => {
      // The planner costs @@ as if free and scans the whole table for a common word, matching each entry's vector
      // (several times slower than the GIN index's bitmap); this statement alone is told to take the index.
      await trx.raw('SET LOCAL enable_seqscan = off');
      const selected: { rows: { id: number; total: string }[] } = await trx.raw(
        `SELECT e.id, count(*) OVER () AS total
        FROM ${ENTRIES} e WHERE e.document @@ to_tsquery('simple', ?) AND ${where.sql}
        ORDER BY ts_rank(e.document, to_tsquery('simple', ?)) DESC LIMIT ?`,
        [tsFolded(lookup.terms), ...where.bindings, rankedBy, lookup.limit]
      );
      return ranked(selected.rows);
    });
  },
};

/** The entries the engine picked, with the words the ranking rules read. */
export const candidateRows = async (knex: Knex, ids: number[]): Promise<CandidateRow[]> =>
  ids.length > 0 ? knex(`${ENTRIES} as e`).select(SELECTED).whereIn('e.id', ids) : [];
