import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

import {
  asWriteCall,
  isRecord,
  writeLocale,
  type DocumentMiddleware,
  type WriteCall,
} from './document-params';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

/** Set while this rule copies relations, so the copies it writes are not copied again. */
const copying = new AsyncLocalStorage<true>();

type SharedRelation = { name: string; target: UID.ContentType; many: boolean };

const isContentType = (strapi: Core.Strapi, value: unknown): value is UID.ContentType =>
  typeof value === 'string' && value in strapi.contentTypes;

/** Relations between the app's own content types: Strapi 5 keeps them per locale, the domain shares them. */
const sharedRelations = (strapi: Core.Strapi, uid: UID.ContentType): SharedRelation[] =>
  Object.entries(strapi.getModel(uid)?.attributes ?? {}).flatMap(([name, attribute]) => {
    if (name === 'localizations' || attribute.type !== 'relation' || !('target' in attribute))
      return [];
    const { target } = attribute;
    return isContentType(strapi, target) && target.startsWith('api::')
      ? [{ name, target, many: /Many$/.test(attribute.relation) }]
      : [];
  });

const sharedRelationFields = (strapi: Core.Strapi, uid: UID.ContentType) =>
  sharedRelations(strapi, uid).map(({ name }) => name);

/**
 * The relation values keeping only targets that have a version in `locale`: Strapi refuses a link to a document
 * missing there. The others stay pending: they are linked in the locales that have them, and linkPending adds
 * them here when the target gets this locale.
 */
const availableIn = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  locale: string,
  values: Record<string, unknown>
) => {
  const relations = sharedRelations(strapi, uid);
  const entries = await Promise.all(
    Object.entries(values).map(async ([field, value]) => {
      const relation = relations.find(({ name }) => name === field);
      const wanted = [value].flat().filter((id): id is string => typeof id === 'string');
      if (!relation || wanted.length === 0) return [field, value];
      const rows: { documentId: string }[] = await strapi.db
        .query(relation.target)
        .findMany({ select: ['documentId'], where: { documentId: { $in: wanted }, locale } });
      const present = new Set(rows.map(({ documentId }) => documentId));
      const kept = wanted.filter((id) => present.has(id));
      return [field, Array.isArray(value) ? kept : (kept[0] ?? null)];
    })
  );
  return Object.fromEntries(entries);
};

/** True when this locale of a document is published and its draft holds no unpublished change. */
const publishedUnchanged = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  locale: string
) => {
  if (!contentTypes.hasDraftAndPublish(strapi.getModel(uid))) return false;
  const rows: { publishedAt: unknown; updatedAt: unknown }[] = await strapi.db
    .query(uid)
    .findMany({ select: ['publishedAt', 'updatedAt'], where: { documentId, locale } });
  const draft = rows.find((row) => row.publishedAt === null);
  const published = rows.find((row) => row.publishedAt !== null);
  return (
    !!draft &&
    !!published &&
    new Date(String(draft.updatedAt)).getTime() <= new Date(String(published.updatedAt)).getTime()
  );
};

/**
 * A document just got a version in `locale`: every document linking it in another locale, whose `locale` version
 * lacks the link (it was pending), gets it. A published version without unpublished changes is published again so
 * readers see the link; one with unpublished changes gets it in its draft (publishing would publish them too).
 */
const linkPending = async (
  strapi: Core.Strapi,
  target: UID.ContentType,
  targetId: string,
  locale: string
) => {
  for (const uid of Object.keys(strapi.contentTypes).filter((key) => key.startsWith('api::'))) {
    if (!isContentType(strapi, uid)) continue;
    for (const relation of sharedRelations(strapi, uid).filter((r) => r.target === target)) {
      const linking: { documentId: string }[] = await strapi.db.query(uid).findMany({
        select: ['documentId'],
        where: { locale: { $ne: locale }, [relation.name]: { documentId: targetId } },
      });
      for (const documentId of new Set(linking.map((row) => row.documentId))) {
        const here = await strapi.db.query(uid).findOne({
          select: ['id'],
          where: {
            documentId,
            locale,
            ...(contentTypes.hasDraftAndPublish(strapi.getModel(uid)) ? { publishedAt: null } : {}),
          },
          populate: { [relation.name]: { select: ['documentId'] } },
        });
        if (!here) continue;
        const current = [here[relation.name]]
          .flat()
          .filter(isRecord)
          .map((row) => row.documentId);
        if (current.includes(targetId)) continue;
        const republish = await publishedUnchanged(strapi, uid, documentId, locale);
        await strapi.documents(uid).update({
          documentId,
          locale,
          status: republish ? 'published' : undefined,
          data: { [relation.name]: relation.many ? { connect: [targetId] } : targetId },
        });
      }
    }
  }
};

const otherLocales = async (
  strapi: Core.Strapi,
  call: WriteCall,
  documentId: string,
  locale: string
) => {
  const rows = await strapi.db
    .query(call.uid)
    .findMany({ select: ['locale'], where: { documentId, locale: { $ne: locale } } });
  return [...new Set(rows.map((row) => String(row.locale)))];
};

/** The relation values of one stored locale version, as documentId lists a write accepts. */
const storedRelations = async (
  strapi: Core.Strapi,
  call: WriteCall,
  documentId: string,
  locale: string,
  fields: string[]
) => {
  const draftOnly = contentTypes.hasDraftAndPublish(strapi.getModel(call.uid))
    ? { publishedAt: null }
    : {};
  const row: Record<string, unknown> | null = await strapi.db.query(call.uid).findOne({
    where: { documentId, locale, ...draftOnly },
    populate: Object.fromEntries(fields.map((field) => [field, { select: ['documentId'] }])),
  });
  if (!row) return null;
  const documentIdOf = (value: unknown) => (isRecord(value) ? value.documentId : undefined);
  return Object.fromEntries(
    fields.map((field) => {
      const value = row[field];
      return [
        field,
        Array.isArray(value) ? value.map(documentIdOf) : (documentIdOf(value) ?? null),
      ];
    })
  );
};

/** Equal when the input names exactly the stored documents (plain documentId inputs only; other shapes count as changes). */
const sameRelation = (stored: unknown, input: unknown) => {
  const ids = (value: unknown) =>
    Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  const wanted = ids(input);
  if (!wanted.every((id) => typeof id === 'string')) return false;
  return JSON.stringify([...ids(stored)].sort()) === JSON.stringify([...wanted].sort());
};

/**
 * Keeps relations shared across locales: a relation written in one locale is written to the document's other
 * locales too, and a new locale starts with the relations the document already has.
 */
export const sharedRelationsRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      if (!call || !call.uid.startsWith('api::') || copying.getStore()) return next();
      const fields = sharedRelationFields(strapi, call.uid);
      if (fields.length === 0) return next();

      const locale = await writeLocale(strapi, call);
      const isNewLocale =
        call.action === 'create' ||
        (!!call.documentId &&
          !(await strapi.db
            .query(call.uid)
            .findOne({ select: ['id'], where: { documentId: call.documentId, locale } })));
      const written = fields.filter((field) => field in call.data);

      const result = await next();
      const documentId =
        call.documentId ?? (isRecord(result) ? String(result.documentId) : undefined);
      if (!documentId) return result;

      await copying.run(true, async () => {
        const documents = strapi.documents(call.uid);
        const missing = fields.filter((field) => !written.includes(field));
        const [source] = await otherLocales(strapi, call, documentId, locale);
        if (call.action === 'update' && isNewLocale && missing.length > 0 && source) {
          const inherited = await storedRelations(strapi, call, documentId, source, missing);
          // A version written as published is published with its relations, not only its draft.
          const status = call.status === 'published' ? 'published' : undefined;
          if (inherited)
            await documents.update({
              documentId,
              locale,
              status,
              data: await availableIn(strapi, call.uid, locale, inherited),
            });
        }
        if (written.length > 0) {
          const data = Object.fromEntries(written.map((field) => [field, call.data[field]]));
          for (const other of await otherLocales(strapi, call, documentId, locale)) {
            // Rewriting equal relations would still flip a published locale to "Modified".
            const current = await storedRelations(strapi, call, documentId, other, written);
            if (current && written.every((field) => sameRelation(current[field], data[field])))
              continue;
            await documents.update({ documentId, locale: other, data });
          }
        }
        if (isNewLocale) await linkPending(strapi, call.uid, documentId, locale);
      });
      return result;
    }
);
