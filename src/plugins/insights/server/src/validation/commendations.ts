import { errors } from '@strapi/utils';

import { isRecord } from '../utils';

export const FORMS = ['certificate_of_merit', 'certificate_of_commendation', 'emulation_flag', 'emulation_title', 'medal', 'commemorative_medal', 'other'] as const;
export const INCLUDES = ['descendants', 'predecessors'] as const;
export const STATUSES = ['active', 'revoked', 'all'] as const;

export type CommendationQuery = {
  unit: string;
  include: (typeof INCLUDES)[number][];
  from?: number;
  to?: number;
  form?: (typeof FORMS)[number];
  status: (typeof STATUSES)[number];
  locale?: string;
};

const fail = (message: string, field: string): never => {
  throw new errors.ValidationError(message, { field });
};
const oneOf = <T extends string>(allowed: readonly T[], value: string, field: string): T =>
  allowed.find((item) => item === value) ?? fail(`${field} must be one of: ${allowed.join(', ')}`, field);
const year = (value: unknown, field: string) => {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' && /^\d{4}$/.test(value) && Number(value) >= 1900 && Number(value) <= 2200
    ? Number(value)
    : fail(`${field} must be a year written YYYY`, field);
};

/** GET /units/:documentId/commendations?include&from&to&form&status&locale */
export const parseCommendationQuery = (unit: unknown, query: unknown): CommendationQuery => {
  const input = isRecord(query) ? query : {};
  const extra = Object.keys(input).filter((key) => !['include', 'from', 'to', 'form', 'status', 'locale'].includes(key));
  if (extra.length > 0) fail(`Unknown query field(s): ${extra.join(', ')}`, extra[0]);
  if (typeof unit !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(unit)) fail('unit documentId is malformed', 'documentId');
  const text = (key: string) => {
    const value = input[key];
    if (value !== undefined && typeof value !== 'string') fail(`${key} must be given once`, key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const from = year(text('from'), 'from');
  const to = year(text('to'), 'to');
  if (from !== undefined && to !== undefined && from > to) fail('from must not be after to', 'from');
  const include = (text('include') ?? '').split(',').filter(Boolean).map((item) => oneOf(INCLUDES, item, 'include'));
  const form = text('form');
  return {
    unit: String(unit),
    include,
    from,
    to,
    form: form === undefined ? undefined : oneOf(FORMS, form, 'form'),
    status: oneOf(STATUSES, text('status') ?? 'active', 'status'),
    locale: text('locale'),
  };
};
