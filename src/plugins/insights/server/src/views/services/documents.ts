import type { Core, UID } from '@strapi/strapi';
import { contentTypes, errors } from '@strapi/utils';

import { insightsConfig } from '../../config';

const LABEL_FIELDS = ['title', 'name', 'fullName'];
const LOCALE_CACHE_MS = 30_000;

/** What the view endpoints need to know about the documents they count: type, locale, published state, labels. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => insightsConfig(strapi);
  let locales: { codes: Set<string>; defaultCode: string; loadedAt: number } | null = null;

  const loadLocales = async () => {
    if (!locales || Date.now() - locales.loadedAt > LOCALE_CACHE_MS) {
      const service = strapi.plugin('i18n').service('locales');
      const rows: { code: string }[] = await service.find();
      locales = { codes: new Set(rows.map(({ code }) => code)), defaultCode: await service.getDefaultLocale(), loadedAt: Date.now() };
    }
    return locales;
  };

  const contentTypeOf = (type: string): UID.ContentType => {
    const uid = config().trackableTypes[type];
    if (!uid) throw new errors.ValidationError(`type must be one of: ${Object.keys(config().trackableTypes).join(', ')}`);
    return uid;
  };

  const isPublishable = (uid: UID.ContentType) => contentTypes.hasDraftAndPublish(strapi.getModel(uid));

  /** Published entries of a type that belong to any of these units. */
  const documentIdsOfUnits = async (uid: UID.ContentType, locale: string, units: string[]) => {
    const rows = await strapi.db.query(uid).findMany({
      select: ['documentId'],
      where: { locale, organization: { documentId: { $in: units } }, ...(isPublishable(uid) ? { publishedAt: { $notNull: true } } : {}) },
    });
    return rows.map((r) => String(r.documentId));
  };

  return {
    trackableTypeNames: () => Object.keys(config().trackableTypes),
    contentTypeOf,
    forgetLocales() {
      locales = null;
    },

    /** The locale asked for (400 when unknown), or the default locale. */
    async resolveLocale(locale: string | undefined) {
      const { codes, defaultCode } = await loadLocales();
      if (locale === undefined) return defaultCode;
      if (!codes.has(locale)) throw new errors.ValidationError(`Unknown locale "${locale}"`, { field: 'locale' });
      return locale;
    },

    /** 404 unless the document exists in this locale, in any state. */
    async assertExists(uid: UID.ContentType, documentId: string, locale: string) {
      if (!(await strapi.db.query(uid).findOne({ select: ['id'], where: { documentId, locale } }))) {
        throw new errors.NotFoundError(`No ${uid.split('.').pop()} "${documentId}" in locale "${locale}"`);
      }
    },

    /** Published documents of a type that belong to a unit (its `organization` relation). */
    async documentIdsOfUnit(uid: UID.ContentType, locale: string, unit: string) {
      if (!('organization' in strapi.getModel(uid).attributes)) {
        throw new errors.ValidationError(`${uid.split('.').pop()} has no organization to filter by`, { field: 'organization' });
      }
      if (!(await strapi.db.query('api::organization.organization').findOne({ select: ['id'], where: { documentId: unit } }))) {
        throw new errors.NotFoundError(`No organization "${unit}"`);
      }
      return documentIdsOfUnits(uid, locale, [unit]);
    },

    /** Trackable types whose entries belong to a unit (have an `organization` relation). */
    unitTypes: () => Object.values(config().trackableTypes).filter((uid) => 'organization' in strapi.getModel(uid).attributes),

    documentIdsOfUnits,

    /** Title (or name) and slug of published documents, keyed by documentId: one query. */
    async labels(uid: UID.ContentType, locale: string, documentIds: string[]) {
      const attributes = strapi.getModel(uid).attributes;
      const label = LABEL_FIELDS.find((field) => field in attributes) ?? 'documentId';
      const rows = await strapi.db.query(uid).findMany({
        select: ['documentId', label, ...('slug' in attributes ? ['slug'] : [])],
        where: { documentId: { $in: documentIds }, locale, ...(isPublishable(uid) ? { publishedAt: { $notNull: true } } : {}) },
      });
      return new Map(rows.map((r) => [String(r.documentId), { title: String(r[label] ?? ''), slug: r.slug ?? null }]));
    },
  };
};
