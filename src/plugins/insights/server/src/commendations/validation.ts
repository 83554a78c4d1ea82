import { isRecord } from '../utils';
import { DOCUMENT_ID, fail, onlyKeys } from '../input';

export const INCLUDES = ['descendants', 'predecessors'] as const;
export const STATUSES = ['active', 'revoked', 'all'] as const;
export const SORTS = ['date:desc', 'date:asc', 'form:asc', 'form:desc'] as const;
export const MAX_PAGE_SIZE = 100;

export type CommendationQuery = {
  unit: string;
  include: (typeof INCLUDES)[number][];
  from?: number;
  to?: number;
  form?: string;
  status: (typeof STATUSES)[number];
  sort: (typeof SORTS)[number];
  page: number;
  pageSize: number;
  locale?: string;
};

const QUERY_KEYS = [
  'include',
  'from',
  'to',
  'form',
  'status',
  'sort',
  'page',
  'pageSize',
  'locale',
];

const oneOf = <T extends string>(allowed: readonly T[], value: string, field: string): T =>
  allowed.find((item) => item === value) ??
  fail(`${field} must be one of: ${allowed.join(', ')}`, field);
/**
 * `include=descendants,predecessors`: which units a record of a unit takes in besides the unit itself (its
 * sub-tree, the units merged into it). Shared by every query that filters by a unit.
 */
export const parseInclude = (value: string | undefined): CommendationQuery['include'] =>
  (value ?? '')
    .split(',')
    .filter(Boolean)
    .map((item) => oneOf(INCLUDES, item, 'include'));

const year = (value: unknown, field: string) => {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' &&
    /^\d{4}$/.test(value) &&
    Number(value) >= 1900 &&
    Number(value) <= 2200
    ? Number(value)
    : fail(`${field} must be a year written YYYY`, field);
};

const wholeNumber = (value: string | undefined, field: string, fallback: number, max: number) => {
  if (value === undefined) return fallback;
  return /^\d{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= max
    ? Number(value)
    : fail(`${field} must be a whole number from 1 to ${max}`, field);
};

/**
 * GET /units/:documentId/commendations?include&from&to&form&status&sort&page&pageSize&locale (and the person's
 * record, which takes the same but include); `forms`: the award schema's list.
 */
export const parseCommendationQuery = (
  unit: unknown,
  query: unknown,
  forms: readonly string[]
): CommendationQuery => {
  const input = isRecord(query) ? query : {};
  onlyKeys(input, QUERY_KEYS, 'query');
  if (typeof unit !== 'string' || !DOCUMENT_ID.test(unit))
    fail('documentId is malformed', 'documentId');
  const text = (key: string) => {
    const value = input[key];
    if (value !== undefined && typeof value !== 'string') fail(`${key} must be given once`, key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const from = year(text('from'), 'from');
  const to = year(text('to'), 'to');
  if (from !== undefined && to !== undefined && from > to)
    fail('from must not be after to', 'from');
  const include = parseInclude(text('include'));
  const form = text('form');
  return {
    unit: String(unit),
    include,
    from,
    to,
    form: form === undefined ? undefined : oneOf(forms, form, 'form'),
    status: oneOf(STATUSES, text('status') ?? 'active', 'status'),
    sort: oneOf(SORTS, text('sort') ?? 'date:desc', 'sort'),
    page: wholeNumber(text('page'), 'page', 1, 100_000),
    pageSize: wholeNumber(text('pageSize'), 'pageSize', 25, MAX_PAGE_SIZE),
    locale: text('locale'),
  };
};
