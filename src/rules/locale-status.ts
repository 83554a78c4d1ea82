import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

import { isRecord, type DocumentMiddleware } from './document-params';
import { documentRule } from './document-rule';

/** Writes after which i18n (shared fields) or shared-relations may have written the document's other locales. */
const SYNCING_ACTIONS = new Set(['create', 'update', 'publish', 'discardDraft']);

type Row = { id: number; locale: string; publishedAt: unknown; updatedAt: unknown };
const time = (value: unknown) => new Date(String(value)).getTime();

/** Locales of a document whose draft holds nothing unpublished ("Published", not "Modified"), with their rows. */
const unmodifiedLocales = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string) => {
  const rows: Row[] = await strapi.db.query(uid).findMany({
    select: ['id', 'locale', 'publishedAt', 'updatedAt'],
    where: { documentId },
  });
  return rows.flatMap((draft) => {
    if (draft.publishedAt !== null) return [];
    const published = rows.find((row) => row.locale === draft.locale && row.publishedAt !== null);
    return published && time(draft.updatedAt) <= time(published.updatedAt)
      ? [{ locale: draft.locale, draftId: draft.id, publishedAt: published.updatedAt }]
      : [];
  });
};

const SCALAR_TYPES = new Set([
  'string',
  'text',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'enumeration',
  'email',
]);

/**
 * What a row shares with the document's other locales: its relations (sorted documentIds) and its non-localized
 * scalar fields, to tell whether a draft differs from its published version in shared data.
 */
const sharedKey = async (strapi: Core.Strapi, uid: UID.ContentType, id: number) => {
  const attributes = Object.entries(strapi.getModel(uid).attributes);
  const relations = attributes
    .filter(([name, attribute]) => attribute.type === 'relation' && name !== 'localizations')
    .map(([name]) => name);
  const shared = attributes
    .filter(([, attribute]) => {
      const options: { i18n?: { localized?: boolean } } = attribute.pluginOptions ?? {};
      return SCALAR_TYPES.has(attribute.type) && options.i18n?.localized === false;
    })
    .map(([name]) => name);
  const row: Record<string, unknown> | null = await strapi.db.query(uid).findOne({
    where: { id },
    populate: Object.fromEntries(relations.map((field) => [field, { select: ['documentId'] }])),
  });
  return JSON.stringify([
    ...relations.map((field) =>
      [row?.[field]]
        .flat()
        .flatMap((item) => (isRecord(item) ? [String(item.documentId)] : []))
        .sort()
    ),
    ...shared.map((field) => String(row?.[field] ?? '')),
  ]);
};

/**
 * strapi#22924, #22877, #24166: a write in one locale copies shared fields (i18n) and relations (shared-relations)
 * into the document's other locales, which bumps their drafts and shows them "Modified" though nobody changed them.
 * A locale that was "Published" before such a write stays so: its draft keeps its date (the shared data reaches its
 * published version when the written locale is published: a publish here republishes the other unchanged locales
 * whose shared fields or relations differ from their published version, so readers of every locale see the same).
 */
export const localeStatusRule = documentRule(
  SYNCING_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const params: unknown = ctx.params;
      const uid = ctx.uid;
      if (
        !uid.startsWith('api::') ||
        !contentTypes.hasDraftAndPublish(strapi.getModel(uid)) ||
        !isRecord(params) ||
        typeof params.documentId !== 'string' ||
        typeof params.locale !== 'string'
      )
        return next();
      const { documentId, locale } = params;
      const before = (await unmodifiedLocales(strapi, uid, documentId)).filter(
        (version) => version.locale !== locale
      );
      const result = await next();
      const { tableName } = strapi.db.metadata.get(uid);
      for (const version of before) {
        const [published] = await strapi.db.query(uid).findMany({
          select: ['id', 'updatedAt'],
          where: { documentId, locale: version.locale, publishedAt: { $notNull: true } },
        });
        if (!published) continue;
        const sharedChanged =
          ctx.action === 'publish' &&
          (await sharedKey(strapi, uid, version.draftId)) !==
            (await sharedKey(strapi, uid, published.id));
        if (sharedChanged) {
          await strapi
            .documents(uid)
            .update({ documentId, locale: version.locale, status: 'published', data: {} });
          continue;
        }
        await strapi.db.transaction(({ trx }) =>
          trx(tableName)
            .where({ id: version.draftId })
            .where('updated_at', '>', new Date(time(published.updatedAt)))
            .update({ updated_at: new Date(time(published.updatedAt)) })
        );
      }
      return result;
    }
);
