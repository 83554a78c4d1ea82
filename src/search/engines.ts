import type { SearchType } from './documents';
import { exactPrefixBase, type Term } from './query';
import {
  ENTRIES,
  FTS,
  SCOPE,
  TITLE_DOCUMENT,
  TITLE_FTS,
  VECTORS,
  scopeToken,
  type Engine,
  type Knex,
} from './schema';

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

const fts5Folded = (term: Term) =>
  `(${term.forms.map((form) => `"${form}"${term.prefix ? '*' : ''}`).join(' OR ')})`;
/** A marked term's exact key in FTS5 (a prefix on its letters: the tone may not be typed yet). */
const fts5ExactWord = (term: Term) =>
  term.prefix ? `"${exactPrefixBase(term)}"*` : `"${term.exact}"`;

/** The FTS5 columns a part of a query looks in: the whole entry, or its title. */
type Fields = { folded: string; exact: string };
const EVERYWHERE: Fields = {
  folded: '{title_folded body_folded}',
  exact: '{title_exact body_exact}',
};
const IN_TITLE: Fields = { folded: '{title_folded}', exact: '{title_exact}' };

const fts5Words = (terms: Term[], fields: Fields) =>
  `${fields.folded} : (${terms.map(fts5Folded).join(' AND ')})`;
const fts5Exact = (terms: Term[], fields: Fields) =>
  `${fields.exact} : (${terms
    .filter((term) => term.marked)
    .map(fts5ExactWord)
    .join(' AND ')})`;

/** Every term in the fields; the exact words, the first term and the phrase add to bm25. */
const fts5Match = (terms: Term[], fields: Fields) => {
  const marked = terms.filter((term) => term.marked);
  const boosts = [
    `${fields.folded} : ${fts5Folded(terms[0])}`,
    `${fields.folded} : (${terms.map((term) => `"${term.forms[0]}"${term.prefix ? ' *' : ''}`).join(' + ')})`,
    ...(marked.length > 0 ? [`${fields.exact} : (${marked.map(fts5ExactWord).join(' OR ')})`] : []),
  ];
  return `${fts5Words(terms, fields)} AND (${boosts.join(' OR ')})`;
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

/** The marked terms' exact keys, of the given weights ('' for any), joined by `operator`. */
const tsExact = (terms: Term[], weights: string, operator: string) =>
  terms
    .filter((term) => term.marked)
    .map((term) =>
      term.prefix
        ? `'${exactPrefixBase(term)}':*${weights}`
        : `'${term.exact}'${weights ? `:${weights}` : ''}`
    )
    .join(` ${operator} `);

/**
 * The window is filled tier by tier, in the order of the ranking rules' heaviest weights, so that the engine ranks
 * a bounded set instead of every match of a common word. The title tier (every word in the title, the marked ones
 * with their marks: 8 + 4 + 2 in rank.ts) is matched and ranked on a titles-only index, and is enough for most
 * queries; while the window is not full, the other entries holding the marks (8) come next, then the rest.
 * `title` / `exact`: true requires it (the title tier / the marks anywhere), false excludes it, absent leaves it.
 * The tiers part the matches: each is none of those before it.
 */
type Tier = { title?: boolean; exact?: boolean };

const isMarked = (terms: Term[]) => terms.some((term) => term.marked);

const tiersOf = (terms: Term[]): Tier[] =>
  isMarked(terms)
    ? [{ title: true }, { title: false, exact: true }, { exact: false }]
    : [{ title: true }, { title: false }];

type EngineQueries = {
  /** Every match in scope. */
  count: (knex: Knex, lookup: Lookup) => Promise<number>;
  /** The best `limit` matches of one tier, best first. */
  tier: (knex: Knex, lookup: Lookup, tier: Tier, limit: number) => Promise<number[]>;
};

const ids = (rows: { id: number | string }[]) => rows.map((row) => Number(row.id));

const fts5Scope = (lookup: Lookup) =>
  `{${SCOPE}} : (${lookup.types.map((type) => `"${scopeToken(type, lookup.locale)}"`).join(' OR ')})`;

/** The title tier's condition in FTS5: every word in the title, the marked ones exactly. */
const fts5TitleTier = (terms: Term[]) =>
  isMarked(terms)
    ? `${fts5Words(terms, IN_TITLE)} AND ${fts5Exact(terms, IN_TITLE)}`
    : fts5Words(terms, IN_TITLE);

/** A lower tier's MATCH on the whole entries: the ranked match AND the required part NOT the excluded ones. */
const fts5LowerTier = (lookup: Lookup, tier: Tier) => {
  const exact = `(${fts5Exact(lookup.terms, EVERYWHERE)})`;
  const excluded = [
    ...(tier.title === false ? [`(${fts5TitleTier(lookup.terms)})`] : []),
    ...(tier.exact === false ? [exact] : []),
  ];
  return [
    `(${fts5Match(lookup.terms, EVERYWHERE)}) AND ${fts5Scope(lookup)}${tier.exact === true ? ` AND ${exact}` : ''}`,
    ...excluded,
  ].join(' NOT ');
};

const tsMatch = (column: string, negated = false) =>
  `${negated ? 'NOT ' : ''}e.${column} @@ to_tsquery('simple', ?)`;

/** The title tier's tsquery on `title_document`: every folded word, the marked ones' exact keys. */
const tsTitleTier = (terms: Term[]) =>
  isMarked(terms) ? `(${tsFolded(terms)}) & (${tsExact(terms, '', '&')})` : tsFolded(terms);

/** A lower tier's condition on PostgreSQL: the words (with or without the marks) in `document`, not the title tier. */
const tsLowerTier = (lookup: Lookup, tier: Tier) => {
  const folded = tsFolded(lookup.terms);
  const words =
    tier.exact === undefined
      ? folded
      : `(${folded}) & ${tier.exact ? '' : '!'}(${tsExact(lookup.terms, '', '&')})`;
  return tier.title === false
    ? {
        sql: `${tsMatch('document')} AND ${tsMatch(TITLE_DOCUMENT, true)}`,
        bindings: [words, tsTitleTier(lookup.terms)],
      }
    : { sql: tsMatch('document'), bindings: [words] };
};

/** One ts_rank over the folded words or the exact ones: entries holding the reader's marks score more. */
const tsRanked = (terms: Term[]) => {
  const exact = tsExact(terms, 'AC', '|');
  const folded = tsFoldedRanked(terms);
  return exact ? `(${folded}) | (${exact})` : folded;
};

const ENGINE_QUERIES: Record<Engine, EngineQueries> = {
  sqlite: {
    // FTS5 alone filters (the scope word), ranks and counts: the entries' rows, long texts included, are not read.
    count: async (knex, lookup) => {
      const rows: { total: number }[] = await knex.raw(
        `SELECT count(*) AS total FROM ${FTS} WHERE ${FTS} MATCH ?`,
        [`${fts5Words(lookup.terms, EVERYWHERE)} AND ${fts5Scope(lookup)}`]
      );
      return Number(rows[0]?.total ?? 0);
    },
    // The title tier on the titles' index, the others on the whole entries'; bm25 gives the scope column no weight.
    tier: async (knex, lookup, tier, limit) => {
      const [table, weights, match] =
        tier.title === true
          ? [
              TITLE_FTS,
              '8, 4, 0',
              `(${fts5Match(lookup.terms, IN_TITLE)}) AND ${fts5TitleTier(lookup.terms)} AND ${fts5Scope(lookup)}`,
            ]
          : [FTS, '8, 4, 2, 1, 0', fts5LowerTier(lookup, tier)];
      return ids(
        await knex.raw(
          `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}, ${weights}) LIMIT ?`,
          [match, limit]
        )
      );
    },
  },
  postgres: {
    // Unweighted tsqueries: a GIN index answers them without reading a vector when few entries match; for a common
    // word the planner scans the narrow table instead, as it should. ts_rank reads the tier's vectors only.
    count: async (knex, lookup) => {
      const where = scope(lookup);
      const result: { rows: { total: string }[] } = await knex.raw(
        `SELECT count(*) AS total FROM ${VECTORS} e WHERE ${tsMatch('document')} AND ${where.sql}`,
        [tsFolded(lookup.terms), ...where.bindings]
      );
      return Number(result.rows[0]?.total ?? 0);
    },
    // The title tier is matched and ranked on the title's small vector (ts_rank: ts_rank_cd took twice as long).
    tier: async (knex, lookup, tier, limit) => {
      const where = scope(lookup);
      const condition =
        tier.title === true
          ? { sql: tsMatch(TITLE_DOCUMENT), bindings: [tsTitleTier(lookup.terms)] }
          : tsLowerTier(lookup, tier);
      const vector = tier.title === true ? TITLE_DOCUMENT : 'document';
      const result: { rows: { id: number }[] } = await knex.raw(
        `SELECT e.id FROM ${VECTORS} e WHERE ${condition.sql} AND ${where.sql}
        ORDER BY ts_rank(e.${vector}, to_tsquery('simple', ?)) DESC, e.id LIMIT ?`,
        [...condition.bindings, ...where.bindings, tsRanked(lookup.terms), limit]
      );
      return ids(result.rows);
    },
  },
};

/** The best `limit` matches, tier after tier (each tier's entries are none of the tiers before), and their count. */
export const findCandidates = async (
  knex: Knex,
  engine: Engine,
  lookup: Lookup
): Promise<Candidates> => {
  const queries = ENGINE_QUERIES[engine];
  const found: number[] = [];
  for (const tier of tiersOf(lookup.terms)) {
    if (found.length >= lookup.limit) break;
    found.push(...(await queries.tier(knex, lookup, tier, lookup.limit - found.length)));
  }
  // The tiers part the matches: when they could not fill the window, it holds every match.
  return {
    ids: found,
    total: found.length < lookup.limit ? found.length : await queries.count(knex, lookup),
  };
};

/** The entries the engine picked, with the words the ranking rules read. */
export const candidateRows = async (knex: Knex, ids: number[]): Promise<CandidateRow[]> =>
  ids.length > 0 ? knex(`${ENTRIES} as e`).select(SELECTED).whereIn('e.id', ids) : [];
