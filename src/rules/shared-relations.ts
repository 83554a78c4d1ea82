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

/** Set while this rule copies relations, so the copies it writes are not copied again. */
const copying = new AsyncLocalStorage<true>();

/** Relations between the app's own content types: Strapi 5 keeps them per locale, the domain shares them. */
const sharedRelationFields = (strapi: Core.Strapi, uid: UID.ContentType) => {
  const model = strapi.getModel(uid);
  return Object.entries(model?.attributes ?? {})
    .filter(([name]) => name !== 'localizations')
    .filter(
      ([, attribute]) =>
        attribute.type === 'relation' &&
        'target' in attribute &&
        String(attribute.target).startsWith('api::')
    )
    .map(([name]) => name);
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
export const sharedRelationsRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const call = asWriteCall(ctx);
    if (!call || !call.uid.startsWith('api::') || copying.getStore()) return next();
    const fields = sharedRelationFields(strapi, call.uid);
    if (fields.length === 0) return next();

    const locale = await writeLocale(strapi, call);
    const isNewLocale =
      call.action === 'update' &&
      !!call.documentId &&
      !(await strapi.db
        .query(call.uid)
        .findOne({ select: ['id'], where: { documentId: call.documentId, locale } }));
    const written = fields.filter((field) => field in call.data);

    const result = await next();
    const documentId =
      call.documentId ?? (isRecord(result) ? String(result.documentId) : undefined);
    if (!documentId) return result;

    await copying.run(true, async () => {
      const documents = strapi.documents(call.uid);
      const missing = fields.filter((field) => !written.includes(field));
      if (isNewLocale && missing.length > 0) {
        const [source] = await otherLocales(strapi, call, documentId, locale);
        const inherited =
          source && (await storedRelations(strapi, call, documentId, source, missing));
        if (inherited) await documents.update({ documentId, locale, data: inherited });
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
    });
    return result;
  };
