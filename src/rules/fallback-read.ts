import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

import { errors } from '@strapi/utils';

import { isRecord, type DocumentMiddleware } from './document-params';
import { knownLocales } from './read-scope';
import { documentRule } from './document-rule';

type Entry = Record<string, unknown> & { documentId?: unknown; servedLocale?: string };
type Fallback = { locale: string; fallback: string; status: 'draft' | 'published' };

/** The fallback asked for on this request (src/middlewares/fallback-locale.ts), for a read in another locale. */
const fallbackOf = (strapi: Core.Strapi, params: Record<string, unknown>): Fallback | null => {
  const fallback: unknown = strapi.requestContext.get()?.state?.fallbackLocale;
  const { locale } = params;
  if (typeof fallback !== 'string' || typeof locale !== 'string' || locale === '*') return null;
  if (locale === fallback) return null;
  return { locale, fallback, status: params.status === 'draft' ? 'draft' : 'published' };
};

/** Where-clause of the versions a read of this status sees: a published read never sees a draft. */
const statusWhere = (strapi: Core.Strapi, uid: UID.ContentType, status: Fallback['status']) =>
  contentTypes.hasDraftAndPublish(strapi.getModel(uid)) && status === 'draft'
    ? { publishedAt: null }
    : { publishedAt: { $notNull: true } };

/** Documents that have a version in `locale` of the read's status. */
const documentsIn = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  locale: string,
  status: Fallback['status']
) => {
  const rows: { documentId: string }[] = await strapi.db.query(uid).findMany({
    select: ['documentId'],
    where: { locale, ...statusWhere(strapi, uid, status) },
  });
  return rows.map(({ documentId }) => documentId);
};

/**
 * The read's `fields` with `locale` added: entries of a fallback read come from two locales, so each must carry
 * its own (the views plugin's `viewCount` is per locale, and reads a missing locale as the request's).
 */
const withLocaleField = (params: Record<string, unknown>) => {
  const { fields } = params;
  const listed = typeof fields === 'string' ? fields.split(',') : fields;
  if (!Array.isArray(listed) || listed.includes('locale')) return params;
  return { ...params, fields: [...listed, 'locale'] };
};

const isContentType = (strapi: Core.Strapi, value: unknown): value is UID.ContentType =>
  typeof value === 'string' && value in strapi.contentTypes;

/** Relations to the app's own (localized) types: the ones a fallback can serve. */
const relationsOf = (strapi: Core.Strapi, uid: UID.ContentType) =>
  new Map(
    Object.entries(strapi.getModel(uid).attributes).flatMap(([name, attribute]) => {
      if (attribute.type !== 'relation' || !('target' in attribute) || name === 'localizations')
        return [];
      const { target } = attribute;
      return isContentType(strapi, target) && target.startsWith('api::')
        ? [[name, { target, many: /Many$/.test(attribute.relation) }] as const]
        : [];
    })
  );

/** The populate asked for, as { field: sub-params }: `*`, a list of names, or an object. */
const populateEntries = (populate: unknown, all: string[]): [string, Record<string, unknown>][] => {
  if (populate === '*' || populate === true) return all.map((name) => [name, {}]);
  if (typeof populate === 'string') return populate.split(',').map((name) => [name, {}]);
  if (Array.isArray(populate)) return populate.map((name) => [String(name), {}]);
  if (!isRecord(populate)) return [];
  return Object.entries(populate).map(([name, sub]) => [name, isRecord(sub) ? sub : {}]);
};

/**
 * A populated relation, read again with the fallback: the documents the fallback version links (relations are
 * shared by the locales of a document, and a link to a document without a version in the asked locale exists only
 * there), each in the asked locale when it has one, else in the fallback locale, with the read's status.
 */
const populateWithFallback = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  entries: Entry[],
  params: Record<string, unknown>,
  read: Fallback
) => {
  const relations = relationsOf(strapi, uid);
  const asked = populateEntries(params.populate, [...relations.keys()]).filter(([name]) =>
    relations.has(name)
  );
  for (const [field, sub] of asked) {
    const relation = relations.get(field);
    if (!relation) continue;
    for (const entry of entries) {
      const linked: Record<string, unknown> | null = await strapi.db.query(uid).findOne({
        where: {
          documentId: entry.documentId,
          locale: read.fallback,
          ...statusWhere(strapi, uid, read.status),
        },
        populate: { [field]: { select: ['documentId'] } },
      });
      if (!linked) continue;
      const links = [linked[field]]
        .flat()
        .flatMap((item) =>
          isRecord(item) && typeof item.documentId === 'string' ? [item.documentId] : []
        );
      const targets: Entry[] = links.length
        ? await strapi.documents(relation.target).findMany({
            ...sub,
            locale: read.locale,
            status: read.status,
            filters: { documentId: { $in: links } },
          })
        : [];
      const ordered = links.flatMap((id) => targets.filter((target) => target.documentId === id));
      entry[field] = relation.many ? ordered : (ordered[0] ?? null);
    }
  }
};

const FALLBACK_ACTIONS = new Set(['findMany', 'findOne', 'count']);

/**
 * A read in one locale with `fallbackLocale` asked for (REST, GraphQL's top-level queries): what has no version in
 * that locale is served from the fallback locale, and each entry says which locale it is (`servedLocale`). Lists
 * page over both at once (the asked locale, plus the fallback versions of documents without one); a single entry
 * is read again in the fallback locale when missing; populated relations (REST) follow the same rule. A list's count
 * counts over both, so its total and page count match what it pages over. The read's status holds for both
 * locales, so a fallback never shows a draft to a published read.
 */
export const fallbackReadRule = documentRule(
  FALLBACK_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const params: unknown = ctx.params;
      if (!ctx.uid.startsWith('api::') || !isRecord(params)) return next();
      const read = fallbackOf(strapi, params);
      if (!read) return next();
      if (!(await knownLocales(strapi)).has(read.fallback))
        throw new errors.ValidationError(`Unknown locale "${read.fallback}"`, {
          param: 'fallbackLocale',
        });
      const asked = withLocaleField(params);
      const served = async <T>(result: T): Promise<T> => {
        const entries = (Array.isArray(result) ? result : [result]).filter(isRecord);
        for (const entry of entries) entry.servedLocale = String(entry.locale ?? read.locale);
        await populateWithFallback(strapi, ctx.uid, entries, params, read);
        return result;
      };
      if (ctx.action === 'findOne') {
        const { documentId } = params;
        if (typeof documentId !== 'string') return served(await next());
        ctx.params = { ...asked, documentId };
        const found = await next();
        if (found) return served(found);
        return served(
          await strapi.documents(ctx.uid).findOne({ ...asked, documentId, locale: read.fallback })
        );
      }
      const translated = await documentsIn(strapi, ctx.uid, read.locale, read.status);
      const either = {
        $or: [
          { locale: read.locale },
          { locale: read.fallback, documentId: { $notIn: translated } },
        ],
      };
      ctx.params = {
        ...asked,
        locale: '*',
        filters: params.filters ? { $and: [params.filters, either] } : either,
      };
      return ctx.action === 'count' ? next() : served(await next());
    }
);
