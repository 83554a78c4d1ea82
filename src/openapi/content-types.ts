import type { Core } from '@strapi/strapi';

import { isRecord } from '../rules/document-params';
import {
  arrayOf,
  documentId,
  documentIdParam,
  integer,
  locale,
  nullable,
  object,
  pagination,
  queryParam,
  ref,
  text,
  type JsonSchema,
  type OpenApiPart,
  type Operation,
  type Parameter,
} from '../plugins/insights/server/src/openapi';

/**
 * The REST reads of the app's content types, generated at runtime from Strapi's own schemas (strapi.contentTypes
 * and strapi.components), so a field added to a schema is in the document at the next start. documentId is a
 * plain string (Strapi's are not UUIDs); fields a plugin adds (viewCount) are passed in.
 */

type Attribute = Record<string, unknown>;
type Model = { attributes: Record<string, unknown>; pluginOptions?: unknown };

export const MEDIA_UID = 'plugin::upload.file';

const pascal = (words: string) =>
  words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');

/** api::article.article → Article, plugin::upload.file → UploadFile, media.figure → MediaFigureComponent. */
export const schemaName = (uid: string) => {
  if (uid.startsWith('api::')) return pascal(uid.slice(uid.lastIndexOf('.') + 1));
  if (uid.includes('::')) return pascal(uid.split('::')[1]);
  return `${pascal(uid)}Component`;
};

const rule = (attribute: Attribute, key: string, keyword: string) =>
  typeof attribute[key] === 'number' ? { [keyword]: attribute[key] } : {};

const enumValues = (attribute: Attribute) =>
  Array.isArray(attribute.enum) ? attribute.enum.filter((v) => typeof v === 'string') : [];

/** A rich-text (blocks) node: its type, and its children's or text's content, as Strapi stores it. */
const BLOCKS: JsonSchema = arrayOf({
  type: 'object',
  properties: { type: text, children: { type: 'array' } },
  required: ['type'],
});

const SCALARS: Record<string, (attribute: Attribute) => JsonSchema> = {
  string: (a) => ({ type: 'string', ...rule(a, 'maxLength', 'maxLength') }),
  text: () => text,
  richtext: () => text,
  email: () => ({ type: 'string', format: 'email' }),
  uid: () => text,
  enumeration: (a) => ({ type: 'string', enum: enumValues(a) }),
  integer: (a) => ({ type: 'integer', ...rule(a, 'min', 'minimum'), ...rule(a, 'max', 'maximum') }),
  // A bigint comes back as text (JavaScript numbers cannot hold it).
  biginteger: () => ({ type: 'string', pattern: '^-?\\d+$' }),
  float: () => ({ type: 'number' }),
  decimal: () => ({ type: 'number' }),
  date: () => ({ type: 'string', format: 'date' }),
  datetime: () => ({ type: 'string', format: 'date-time' }),
  timestamp: () => ({ type: 'string', format: 'date-time' }),
  time: () => ({ type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?$' }),
  boolean: () => ({ type: 'boolean' }),
  json: () => ({}),
  blocks: () => BLOCKS,
};

const TO_ONE = new Set(['oneToOne', 'manyToOne', 'morphToOne']);

/** The JSON Schema of one attribute as a REST read returns it, or null when it is never returned. */
const attributeSchema = (attribute: Attribute, documented: Set<string>): JsonSchema | null => {
  if (attribute.private === true) return null;
  const { type } = attribute;
  if (type === 'relation') {
    const target = typeof attribute.target === 'string' ? attribute.target : undefined;
    if (!target || !documented.has(target)) return null;
    return TO_ONE.has(String(attribute.relation))
      ? nullable(ref(schemaName(target)))
      : arrayOf(ref(schemaName(target)));
  }
  if (type === 'media')
    return attribute.multiple === true
      ? nullable(arrayOf(ref(schemaName(MEDIA_UID))))
      : nullable(ref(schemaName(MEDIA_UID)));
  if (type === 'component' && typeof attribute.component === 'string') {
    const component = ref(schemaName(attribute.component));
    return attribute.repeatable === true ? arrayOf(component) : nullable(component);
  }
  if (type === 'dynamiczone' && Array.isArray(attribute.components))
    return arrayOf({ oneOf: attribute.components.map((uid) => ref(schemaName(String(uid)))) });
  const scalar = typeof type === 'string' ? SCALARS[type] : undefined;
  if (!scalar) return null;
  return attribute.required === true ? scalar(attribute) : nullable(scalar(attribute));
};

const isLocalized = (model: Model) =>
  isRecord(model.pluginOptions) &&
  isRecord(model.pluginOptions.i18n) &&
  model.pluginOptions.i18n.localized === true;

const fieldsOf = (model: Model, documented: Set<string>) => {
  const fields: Record<string, JsonSchema> = {};
  for (const [name, raw] of Object.entries(model.attributes)) {
    const schema = attributeSchema(isRecord(raw) ? raw : {}, documented);
    if (schema) fields[name] = schema;
  }
  return fields;
};

const SERVED_LOCALE: JsonSchema = {
  ...locale,
  description: 'The locale the entry was served in, on a fallbackLocale read',
};

/**
 * An entry of a model: `id` and `documentId` always; every other field only when asked for (fields, populate),
 * so optional; nothing beyond them (additionalProperties: false, so a field the document misses fails the test).
 */
const entrySchema = (
  model: Model,
  documented: Set<string>,
  extra: Record<string, JsonSchema>
): JsonSchema => ({
  type: 'object',
  properties: {
    id: integer(),
    documentId,
    ...(isLocalized(model) ? { servedLocale: SERVED_LOCALE } : {}),
    ...fieldsOf(model, documented),
    ...extra,
  },
  required: ['id', 'documentId'],
  additionalProperties: false,
});

/** A component's value: its `id` and fields. */
const componentSchema = (model: Model, documented: Set<string>): JsonSchema => ({
  type: 'object',
  properties: { id: integer(), ...fieldsOf(model, documented) },
  required: ['id'],
  additionalProperties: false,
});

const QS = 'qs-encoded, as Strapi reads it (`fields[0]=title`, `filters[slug][$eq]=…`)';
const textOrList: JsonSchema = { anyOf: [text, arrayOf(text)] };

/** The query parameters of a REST read (Strapi's own, and the app's fallbackLocale). */
const readParameters = (list: boolean): Parameter[] => [
  queryParam('fields', `Fields to return; ${QS}`, textOrList),
  queryParam('populate', `Relations, media and components to add; ${QS}`, {
    anyOf: [text, arrayOf(text), { type: 'object' }],
  }),
  ...(list
    ? [
        queryParam('filters', `Conditions on fields and relations; ${QS}`, { type: 'object' }),
        queryParam('sort', 'field or field:asc|desc, or a list of them', textOrList),
        queryParam('pagination', `page and pageSize, or start and limit; ${QS}`, {
          type: 'object',
          properties: {
            page: integer(1),
            pageSize: integer(1),
            start: integer(0),
            limit: integer(-1),
            withCount: { type: 'boolean' },
          },
        }),
      ]
    : []),
  queryParam('locale', 'Locale code (default vi); an unknown locale is a 400', locale),
  queryParam(
    'fallbackLocale',
    'Serve this locale where the asked one has no version (each entry says servedLocale)',
    locale
  ),
  queryParam('status', 'published (default); draft is for API tokens only (the public gets 403)', {
    type: 'string',
    enum: ['published', 'draft'],
  }),
];

const listBody = (name: string) =>
  object({
    data: arrayOf(ref(name)),
    meta: object({
      pagination: {
        anyOf: [pagination, object({ start: integer(0), limit: integer(), total: integer(0) })],
      },
    }),
  });

const readOperations = (uid: string, pluralName: string, name: string): Operation[] => [
  {
    method: 'get',
    path: `/${pluralName}`,
    operationId: `find${pascal(pluralName)}`,
    summary: `Published ${pluralName}, a page at a time`,
    tag: name,
    access: 'public',
    parameters: readParameters(true),
    response: listBody(name),
    errors: [400, 403],
  },
  {
    method: 'get',
    path: `/${pluralName}/{documentId}`,
    operationId: `find${name}`,
    summary: `One published ${name.toLowerCase()} by documentId`,
    tag: name,
    access: 'public',
    parameters: [documentIdParam(uid), ...readParameters(false)],
    response: object({ data: ref(name), meta: { type: 'object', additionalProperties: false } }),
    errors: [400, 403, 404],
  },
];

/**
 * The app's collection types (api::*), their components and the media file: schemas and read operations.
 * `extraFields` adds fields by content type (a plugin's viewCount).
 */
export const contentTypesOpenApi = (
  strapi: Core.Strapi,
  extraFields: Map<string, Record<string, JsonSchema>>
): OpenApiPart => {
  // By uid: Strapi registers types and components in the order their folders are read, which differs between
  // checkouts, and the committed document (types/api) must come out the same everywhere.
  const byUid = <T>(entries: [string, T][]) =>
    [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const types = byUid(Object.entries(strapi.contentTypes)).filter(
    ([uid, model]) => uid.startsWith('api::') && model.kind === 'collectionType'
  );
  const documented = new Set([...types.map(([uid]) => uid), MEDIA_UID]);
  const entries: [string, Model][] = [...types, [MEDIA_UID, strapi.getModel(MEDIA_UID)]];
  return {
    schemas: {
      ...Object.fromEntries(
        entries.map(([uid, model]) => [
          schemaName(uid),
          entrySchema(model, documented, extraFields.get(uid) ?? {}),
        ])
      ),
      ...Object.fromEntries(
        byUid(Object.entries(strapi.components)).map(([uid, model]) => [
          schemaName(uid),
          componentSchema(model, documented),
        ])
      ),
    },
    operations: types.flatMap(([uid, model]) =>
      readOperations(uid, model.info.pluralName, schemaName(uid))
    ),
  };
};
