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
  body: string;
  sort_date: string;
  title_exact: string;
  title_folded: string;
  body_exact: string;
  body_folded: string;
};

export type Candidates = { rows: CandidateRow[]; total: number };

const SELECTED = [
  'id',
  'content_type',
  'document_id',
  'slug',
  'title',
  'body',
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

export const ENGINES: Record<Engine, Search> = {
  sqlite: async (knex, lookup) => {
    const where = scope(lookup);
    // CROSS JOIN keeps the full-text index as the outer loop: otherwise SQLite may walk the entries of the
    // locale and run the MATCH once per entry (seconds over 10,000 articles).
    const from = `FROM ${FTS} CROSS JOIN ${ENTRIES} e ON e.id = ${FTS}.rowid WHERE ${FTS} MATCH ? AND ${where.sql}`;
    const bindings = [fts5Match(lookup.terms), ...where.bindings];
    const rows: CandidateRow[] = await knex.raw(
      `SELECT ${SELECTED.join(', ')} ${from} ORDER BY bm25(${FTS}, 8, 4, 2, 1) LIMIT ?`,
      [...bindings, lookup.limit]
    );
    const [count]: { total: number }[] = await knex.raw(
      `SELECT count(*) AS total ${from}`,
      bindings
    );
    return { rows, total: Number(count?.total ?? 0) };
  },
  postgres: async (knex, lookup) => {
    const where = scope(lookup);
    const exact = tsExact(lookup.terms);
    const folded = tsFolded(lookup.terms);
    const from = `FROM ${ENTRIES} e WHERE e.document @@ to_tsquery('simple', ?) AND ${where.sql}`;
    const rank = exact
      ? `ts_rank(e.document, to_tsquery('simple', ?)) + 2 * ts_rank(e.document, to_tsquery('simple', ?))`
      : `ts_rank(e.document, to_tsquery('simple', ?))`;
    const rankBindings = exact ? [folded, exact] : [folded];
    const selected: { rows: CandidateRow[] } = await knex.raw(
      `SELECT ${SELECTED.join(', ')}, ${rank} AS rank ${from} ORDER BY rank DESC LIMIT ?`,
      [...rankBindings, folded, ...where.bindings, lookup.limit]
    );
    const counted: { rows: { total: number }[] } = await knex.raw(
      `SELECT count(*)::int AS total ${from}`,
      [folded, ...where.bindings]
    );
    return { rows: selected.rows, total: Number(counted.rows[0]?.total ?? 0) };
  },
};
