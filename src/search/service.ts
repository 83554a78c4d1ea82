import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { knownLocales } from '../rules/read-scope';
import { defaultLocale } from '../rules/document-params';
import { candidateRows, findCandidates, type CandidateRow } from './engines';
import { snippet } from './highlight';
import type { SearchParams } from './input';
import { parseTerms, type Term } from './query';
import { score } from './rank';
import { ENTRIES, engineOf, TERMS, type Knex } from './schema';
import { mayBeTypo, oneEditVariants } from './typo';

/** How many of the engine's best matches are ranked by the rules; pages reach that far. */
export const RANKED_WINDOW = 50;

export type SearchHit = {
  type: string;
  documentId: string;
  locale: string;
  title: string;
  slug: string | null;
  snippet: string;
  score: number;
};

export type SearchResult = {
  data: SearchHit[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
};

const CHUNK = 500;

/** Which of the words the index's vocabulary holds. */
const knownWords = async (knex: Knex, words: string[]): Promise<string[]> => {
  const found: string[] = [];
  for (let i = 0; i < words.length; i += CHUNK) {
    const rows: { term: string }[] = await knex(TERMS)
      .select('term')
      .whereIn('term', words.slice(i, i + CHUNK));
    found.push(...rows.map((row) => row.term));
  }
  return found;
};

const hasPrefix = async (knex: Knex, prefix: string) =>
  (await knex(TERMS).select('term').where('term', 'like', `${prefix}%`).first()) !== undefined;

/** A long word the index does not know is taken as a typo: it matches the known words one edit away. */
const withTypos = async (knex: Knex, terms: Term[]): Promise<Term[]> => {
  const long = terms.filter((term) => mayBeTypo(term.folded));
  if (long.length === 0) return terms;
  const known = new Set(
    await knownWords(
      knex,
      long.map((term) => term.folded)
    )
  );
  return Promise.all(
    terms.map(async (term) => {
      if (!mayBeTypo(term.folded) || known.has(term.folded)) return term;
      if (term.prefix && (await hasPrefix(knex, term.folded))) return term;
      const corrections = await knownWords(knex, oneEditVariants(term.folded));
      return corrections.length > 0 ? { ...term, forms: corrections, prefix: false } : term;
    })
  );
};

/** The text snippets are cut from, read for the page's hits only. */
const bodiesOf = async (knex: Knex, ids: number[]): Promise<Map<number, string>> => {
  const rows: { id: number; body: string }[] =
    ids.length > 0 ? await knex(ENTRIES).select('id', 'body').whereIn('id', ids) : [];
  return new Map(rows.map((row) => [Number(row.id), row.body]));
};

const words = (joined: string) => (joined === '' ? [] : joined.split(' '));

const hitOf = (row: CandidateRow, terms: Term[], locale: string) => ({
  row,
  score: score(terms, {
    titleExact: words(row.title_exact),
    titleFolded: words(row.title_folded),
    bodyExact: words(row.body_exact),
    bodyFolded: words(row.body_folded),
  }),
  locale,
});

const resolveLocale = async (strapi: Core.Strapi, locale: string | undefined) => {
  if (locale === undefined) return defaultLocale(strapi);
  if (!(await knownLocales(strapi)).has(locale))
    throw new errors.ValidationError(`Unknown locale "${locale}"`, { field: 'locale' });
  return locale;
};

/**
 * Published entries of one locale matching every word of the query (the last as a prefix), in one list ranked by
 * the rules of rank.ts, ties newer first. The engine (FTS5 or tsvector) finds and pre-ranks; the rules order.
 */
export const search = async (strapi: Core.Strapi, params: SearchParams): Promise<SearchResult> => {
  const locale = await resolveLocale(strapi, params.locale);
  const knex = strapi.db.connection;
  const terms = await withTypos(knex, parseTerms(params.q));
  const found = await findCandidates(knex, engineOf(strapi), {
    terms,
    locale,
    types: params.types,
    limit: RANKED_WINDOW,
  });
  const ranked = (await candidateRows(knex, found.ids))
    .map((row) => hitOf(row, terms, locale))
    .sort(
      (a, b) =>
        b.score - a.score || b.row.sort_date.localeCompare(a.row.sort_date) || a.row.id - b.row.id
    );
  const start = (params.page - 1) * params.pageSize;
  const page = ranked.slice(start, start + params.pageSize);
  const bodies = await bodiesOf(
    knex,
    page.map(({ row }) => row.id)
  );
  return {
    data: page.map(({ row, score: value }) => ({
      type: row.content_type,
      documentId: row.document_id,
      locale,
      title: row.title,
      slug: row.slug,
      snippet: snippet(bodies.get(row.id) || row.title, terms),
      score: value,
    })),
    meta: {
      pagination: {
        page: params.page,
        pageSize: params.pageSize,
        pageCount: Math.ceil(ranked.length / params.pageSize),
        total: found.total,
      },
    },
  };
};
