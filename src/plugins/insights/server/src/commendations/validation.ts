import { isRecord } from '../utils';
import { DOCUMENT_ID, fail, onlyKeys } from '../input';

export const INCLUDES = ['descendants', 'predecessors'] as const;
export const STATUSES = ['active', 'revoked', 'all'] as const;

export type CommendationQuery = {
  unit: string;
  include: (typeof INCLUDES)[number][];
  from?: number;
  to?: number;
  form?: string;
  status: (typeof STATUSES)[number];
  locale?: string;
};

const oneOf = <T extends string>(allowed: readonly T[], value: string, field: string): T =>
  allowed.find((item) => item === value) ??
  fail(`${field} must be one of: ${allowed.join(', ')}`, field);
const year = (value: unknown, field: string) => {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' &&
    /^\d{4}$/.test(value) &&
    Number(value) >= 1900 &&
    Number(value) <= 2200
    ? Number(value)
    : fail(`${field} must be a year written YYYY`, field);
};

/** GET /units/:documentId/commendations?include&from&to&form&status&locale; `forms`: the award schema's list. */
export const parseCommendationQuery = (
  unit: unknown,
  query: unknown,
  forms: readonly string[]
): CommendationQuery => {
  const input = isRecord(query) ? query : {};
  onlyKeys(input, ['include', 'from', 'to', 'form', 'status', 'locale'], 'query');
  if (typeof unit !== 'string' || !DOCUMENT_ID.test(unit))
    fail('unit documentId is malformed', 'documentId');
  const text = (key: string) => {
    const value = input[key];
    if (value !== undefined && typeof value !== 'string') fail(`${key} must be given once`, key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const from = year(text('from'), 'from');
  const to = year(text('to'), 'to');
  if (from !== undefined && to !== undefined && from > to)
    fail('from must not be after to', 'from');
  const include = (text('include') ?? '')
    .split(',')
    .filter(Boolean)
    .map((item) => oneOf(INCLUDES, item, 'include'));
  const form = text('form');
  return {
    unit: String(unit),
    include,
    from,
    to,
    form: form === undefined ? undefined : oneOf(forms, form, 'form'),
    status: oneOf(STATUSES, text('status') ?? 'active', 'status'),
    locale: text('locale'),
  };
};
