import { errors } from '@strapi/utils';

import { SEARCH_TYPES, isSearchType, type SearchType } from './documents';
import { tokenize } from './fold';

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE = 1000;
const PARAMS = ['q', 'type', 'locale', 'page', 'pageSize'];

export type SearchParams = {
  q: string;
  types: SearchType[];
  locale?: string;
  page: number;
  pageSize: number;
};

const fail = (message: string, field: string): never => {
  throw new errors.ValidationError(message, { field });
};

const single = (query: Record<string, unknown>, field: string): string | undefined => {
  const value = query[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return fail(`${field} must be given once, as text`, field);
  return value;
};

const wholeNumber = (
  query: Record<string, unknown>,
  field: string,
  fallback: number,
  max: number
) => {
  const value = single(query, field);
  if (value === undefined) return fallback;
  if (!/^[1-9][0-9]{0,5}$/.test(value) || Number(value) > max)
    fail(`${field} must be a whole number from 1 to ${max}`, field);
  return Number(value);
};

/**
 * The search query string (REST) or arguments (GraphQL, as strings): anything the search cannot serve is a 400
 * with a message, before any query runs.
 */
export const parseSearchParams = (query: Record<string, unknown>): SearchParams => {
  const unknown = Object.keys(query).filter((key) => !PARAMS.includes(key));
  if (unknown.length > 0)
    fail(`Unknown parameter(s): ${unknown.join(', ')}; allowed: ${PARAMS.join(', ')}`, unknown[0]);
  const q = (single(query, 'q') ?? '').trim();
  if (q === '') fail('q is required: the words to search for', 'q');
  if (q.length > MAX_QUERY_LENGTH) fail(`q is longer than ${MAX_QUERY_LENGTH} characters`, 'q');
  if (q.includes('\u0000')) fail('q must not contain NUL', 'q');
  if (tokenize(q).length === 0) fail('q has no words to search for', 'q');
  const typeList = single(query, 'type');
  const types =
    typeList === undefined ? Object.keys(SEARCH_TYPES) : typeList.split(',').map((t) => t.trim());
  const unknownTypes = types.filter((type) => !isSearchType(type));
  if (unknownTypes.length > 0)
    fail(
      `Unknown type(s): ${unknownTypes.join(', ')}; allowed: ${Object.keys(SEARCH_TYPES).join(', ')}`,
      'type'
    );
  return {
    q,
    types: types.filter(isSearchType),
    locale: single(query, 'locale'),
    page: wholeNumber(query, 'page', 1, MAX_PAGE),
    pageSize: wholeNumber(query, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
};
