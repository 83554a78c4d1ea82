import { DOCUMENT_ID, LOCALE } from '../input';

/**
 * The pieces an OpenAPI 3.1 operation is written with. Each module describes its routes beside its validation,
 * from the same constants, so the document cannot promise what the validation refuses; the app assembles them
 * (src/openapi/document.ts).
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonSchema = { [keyword: string]: Json };

export type Parameter = {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description: string;
  schema: JsonSchema;
};

/** Statuses answered with Strapi's error body `{ data: null, error }`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 413 | 429;

export type Operation = {
  method: 'get' | 'post';
  /** OpenAPI path under the REST prefix (/api): `/insights/views/{documentId}/daily`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** public: anyone (the public role or the route's own config); token: an API token. */
  access: 'public' | 'token';
  parameters: Parameter[];
  requestBody?: JsonSchema;
  /** The 200 body. */
  response: JsonSchema;
  errors: ErrorStatus[];
};

/** What a module adds to the document: its operations and the named schemas they refer to. */
export type OpenApiPart = { operations: Operation[]; schemas: Record<string, JsonSchema> };

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (schema: JsonSchema): JsonSchema => ({
  anyOf: [schema, { type: 'null' }],
});
export const text: JsonSchema = { type: 'string' };
export const integer = (minimum?: number, maximum?: number): JsonSchema => ({
  type: 'integer',
  ...(minimum === undefined ? {} : { minimum }),
  ...(maximum === undefined ? {} : { maximum }),
});
export const count = integer(0);
export const day: JsonSchema = { type: 'string', format: 'date' };
export const oneOfValues = (values: readonly string[]): JsonSchema => ({
  type: 'string',
  enum: [...values],
});
export const documentId: JsonSchema = { type: 'string', pattern: DOCUMENT_ID.source };
export const locale: JsonSchema = { type: 'string', pattern: LOCALE.source };
export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
/** A closed object: every property listed is always there (a drift either way fails validation). */
export const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
/** A map from keys (form codes, years) to counts. */
export const counts: JsonSchema = { type: 'object', additionalProperties: count };

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A comma-separated list of values, as the validation splits it. */
export const commaList = (values: readonly string[]): JsonSchema => {
  const one = `(${values.map(escapeRegExp).join('|')})`;
  return { type: 'string', pattern: `^${one}(,${one})*$` };
};

export const queryParam = (name: string, description: string, schema: JsonSchema): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
export const pathParam = (name: string, description: string, schema: JsonSchema): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
export const documentIdParam = (what: string) =>
  pathParam('documentId', `documentId of the ${what}`, documentId);
export const localeParam = queryParam(
  'locale',
  'Locale code (default: the default locale, vi)',
  locale
);
/** page / pageSize as the plugin's validations read them: whole numbers from 1. */
export const pageParams = (maxPageSize: number, defaultPageSize: number, maxPage?: number) => [
  queryParam('page', 'Page number, from 1', { ...integer(1, maxPage), default: 1 }),
  queryParam('pageSize', `Entries per page, 1 to ${maxPageSize}`, {
    ...integer(1, maxPageSize),
    default: defaultPageSize,
  }),
];
export const pagination = object({
  page: integer(1),
  pageSize: integer(1),
  pageCount: count,
  total: count,
});
