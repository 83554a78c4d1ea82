import type { UID } from '@strapi/strapi';

import { DOCUMENT_ID, LOCALE, fail, onlyKeys } from '../input';
import { isRecord } from '../utils';
import { STATES, type TranslationState } from './services/states';

export type TranslationListQuery = {
  types: UID.ContentType[];
  locale?: string;
  states: TranslationState[];
  page: number;
  pageSize: number;
};

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

const single = (input: Record<string, unknown>, key: string) => {
  const value = input[key];
  if (value !== undefined && typeof value !== 'string') fail(`${key} must be given once`, key);
  return value === undefined || value === '' ? undefined : String(value);
};

const positive = (value: string | undefined, field: string, fallback: number, max?: number) => {
  if (value === undefined) return fallback;
  const n = /^[1-9]\d{0,5}$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(n) || (max !== undefined && n > max))
    fail(`${field} must be a whole number from 1${max ? ` to ${max}` : ''}`, field);
  return n;
};

/** A public type name (`article`) → its content type; `types` is the config's `translations.types`. */
export const parseType = (value: unknown, types: Record<string, UID.ContentType>) => {
  const uid = typeof value === 'string' ? types[value] : undefined;
  return uid ?? fail(`type must be one of: ${Object.keys(types).join(', ')}`, 'type');
};

export const parseDocumentId = (value: unknown) =>
  typeof value === 'string' && DOCUMENT_ID.test(value)
    ? value
    : fail('documentId is malformed', 'documentId');

export const parseLocale = (value: unknown) =>
  typeof value === 'string' && LOCALE.test(value) ? value : fail('locale is malformed', 'locale');

/** GET /translations?type&locale&state&page&pageSize: by default what needs work (missing, outdated). */
export const parseListQuery = (
  query: unknown,
  types: Record<string, UID.ContentType>
): TranslationListQuery => {
  const input = isRecord(query) ? query : {};
  onlyKeys(input, ['type', 'locale', 'state', 'page', 'pageSize'], 'query');
  const type = single(input, 'type');
  const locale = single(input, 'locale');
  const states = (single(input, 'state') ?? 'missing,outdated')
    .split(',')
    .map(
      (state) =>
        STATES.find((known) => known === state) ??
        fail(`state must be a list of: ${STATES.join(', ')}`, 'state')
    );
  return {
    types: type === undefined ? Object.values(types) : [parseType(type, types)],
    locale: locale === undefined ? undefined : parseLocale(locale),
    states,
    page: positive(single(input, 'page'), 'page', 1),
    pageSize: positive(single(input, 'pageSize'), 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
};
