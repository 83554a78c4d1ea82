import type { Core, Schema, UID } from '@strapi/strapi';
import { contentTypes, errors } from '@strapi/utils';

import { isRecord } from './document-params';

const PUBLISHED = { publishedAt: { $notNull: true } };
const LOGICAL = new Set(['$and', '$or', '$not']);
const LOCALIZATIONS = 'localizations';
const LOCALIZATIONS_MESSAGE =
  'Filtering on localizations is not available; ask for the locale you want with locale=';

/** Operators that test the relation itself ($null, $notNull, …), not its target's fields: no text to reach. */
const testsRelationOnly = (value: Record<string, unknown>) =>
  Object.keys(value).every((key) => key.startsWith('$') && !LOGICAL.has(key));

/**
 * A public filter rewritten so that it can only match through published rows: every relation to a draft &
 * publish type gets `publishedAt $notNull` on its target, at any depth, under $and/$or/$not and through
 * components. `localizations` is refused (400): it links the rows of every locale and state of a document, and
 * the public reads other locales with `locale=` instead.
 */
export const publishedOnlyFilters = (
  strapi: Core.Strapi,
  uid: UID.Schema,
  filters: unknown
): unknown => {
  if (Array.isArray(filters)) return filters.map((item) => publishedOnlyFilters(strapi, uid, item));
  if (!isRecord(filters)) return filters;
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [
      key,
      publishedOnlyValue(strapi, uid, key, value),
    ])
  );
};

/** Where an attribute leads: the target of a relation, the schema of a component, or nowhere. */
const linkOf = (
  strapi: Core.Strapi,
  uid: UID.Schema,
  key: string
): { relation: UID.ContentType } | { component: UID.Component } | null => {
  const attributes: Record<string, Schema.Attribute.AnyAttribute> =
    strapi.getModel(uid)?.attributes ?? {};
  const attribute = attributes[key];
  if (attribute?.type === 'component') return { component: attribute.component };
  if (
    attribute?.type === 'relation' &&
    'target' in attribute &&
    typeof attribute.target === 'string'
  )
    return { relation: attribute.target };
  return null;
};

const publishedOnlyValue = (
  strapi: Core.Strapi,
  uid: UID.Schema,
  key: string,
  value: unknown
): unknown => {
  if (LOGICAL.has(key)) return publishedOnlyFilters(strapi, uid, value);
  const link = linkOf(strapi, uid, key);
  if (!link) return value;
  if ('component' in link) return publishedOnlyFilters(strapi, link.component, value);
  if (key === LOCALIZATIONS)
    throw new errors.ValidationError(LOCALIZATIONS_MESSAGE, { param: 'filters', key });
  const target = link.relation;
  const nested = publishedOnlyFilters(strapi, target, value);
  if (
    !isRecord(nested) ||
    testsRelationOnly(nested) ||
    !contentTypes.hasDraftAndPublish(strapi.getModel(target))
  )
    return nested;
  return { $and: [nested, PUBLISHED] };
};

/**
 * The same for the `filters` of a populate (REST `populate[awards][filters]...`), at any depth. Populate in
 * string or array form carries no filters.
 */
export const publishedOnlyPopulate = (
  strapi: Core.Strapi,
  uid: UID.Schema,
  populate: unknown
): unknown => {
  if (!isRecord(populate)) return populate;
  return Object.fromEntries(
    Object.entries(populate).map(([key, value]) => {
      const link = linkOf(strapi, uid, key);
      if (!link || !isRecord(value)) return [key, value];
      return [
        key,
        publishedOnlyPopulateEntry(
          strapi,
          'component' in link ? link.component : link.relation,
          value
        ),
      ];
    })
  );
};

const publishedOnlyPopulateEntry = (
  strapi: Core.Strapi,
  target: UID.Schema,
  entry: Record<string, unknown>
) => ({
  ...entry,
  ...('filters' in entry ? { filters: publishedOnlyFilters(strapi, target, entry.filters) } : {}),
  ...('populate' in entry
    ? { populate: publishedOnlyPopulate(strapi, target, entry.populate) }
    : {}),
});

/**
 * GraphQL's nested relation fields (`articles { meetings(filters: ...) }`) query the database directly, past the
 * Document Service, so `localizations` is taken out of every filter input type: asking for it is a 400.
 * Call in register(), before the GraphQL schema is built.
 */
export const hideLocalizationFiltersInGraphql = (strapi: Core.Strapi) => {
  const extension = strapi.plugin('graphql').service('extension');
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (uid.startsWith('api::') && LOCALIZATIONS in contentType.attributes) {
      extension.shadowCRUD(uid).field(LOCALIZATIONS).disableFilters();
    }
  }
};
