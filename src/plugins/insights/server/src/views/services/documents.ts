import type { Core, UID } from '@strapi/strapi';
import { contentTypes, errors } from '@strapi/utils';

import { insightsConfig } from '../../config';
import { isRecord } from '../../utils';

const textOrNull = (value: unknown) =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString()
      : String(value);
const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

/** A card's cover: the media file's URL (as config rankingCard.mediaUrl gives it), alternative text and size. */
const coverOf = (file: unknown, mediaUrl: (url: string) => string) =>
  isRecord(file) && typeof file.url === 'string'
    ? {
        url: mediaUrl(file.url),
        alternativeText: textOrNull(file.alternativeText),
        width: numberOrNull(file.width),
        height: numberOrNull(file.height),
      }
    : null;

/** A card's unit: documentId, name and slug, or null when the entry has none. */
const unitOf = (unit: unknown, name: string, slug: string) =>
  isRecord(unit) && typeof unit.documentId === 'string'
    ? { documentId: unit.documentId, name: String(unit[name] ?? ''), slug: textOrNull(unit[slug]) }
    : null;

/** What the view endpoints need to know about the documents they count: type, locale, published state, labels. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => insightsConfig(strapi);
  const contentTypeOf = (type: string): UID.ContentType => {
    const uid = config().trackableTypes[type];
    if (!uid)
      throw new errors.ValidationError(
        `type must be one of: ${Object.keys(config().trackableTypes).join(', ')}`
      );
    return uid;
  };

  const isPublishable = (uid: UID.ContentType) =>
    contentTypes.hasDraftAndPublish(strapi.getModel(uid));

  /** The relation that places an entry in a unit (config unitField), when this type has it. */
  const unitField = (uid: UID.ContentType) => {
    const { unitField: field } = config();
    return field in strapi.getModel(uid).attributes ? field : null;
  };

  /** Published entries of a type that belong to any of these units. */
  const documentIdsOfUnits = async (uid: UID.ContentType, locale: string, units: string[]) => {
    const field = unitField(uid);
    if (!field) return [];
    const rows = await strapi.db.query(uid).findMany({
      select: ['documentId'],
      where: {
        locale,
        [field]: { documentId: { $in: units } },
        ...(isPublishable(uid) ? { publishedAt: { $notNull: true } } : {}),
      },
    });
    return rows.map((r) => String(r.documentId));
  };

  return {
    trackableTypeNames: () => Object.keys(config().trackableTypes),
    contentTypeOf,

    /** 404 unless the document exists in this locale, in any state. */
    async assertExists(uid: UID.ContentType, documentId: string, locale: string) {
      if (
        !(await strapi.db.query(uid).findOne({ select: ['id'], where: { documentId, locale } }))
      ) {
        throw new errors.NotFoundError(
          `No ${uid.split('.').pop()} "${documentId}" in locale "${locale}"`
        );
      }
    },

    /** 404 unless the document is published in this locale: the public daily series answers like the document itself. */
    async assertPublished(uid: UID.ContentType, documentId: string, locale: string) {
      const published = isPublishable(uid) ? { publishedAt: { $notNull: true } } : {};
      if (
        !(await strapi.db
          .query(uid)
          .findOne({ select: ['id'], where: { documentId, locale, ...published } }))
      ) {
        throw new errors.NotFoundError(
          `No published ${uid.split('.').pop()} "${documentId}" in locale "${locale}"`
        );
      }
    },

    /** 400 unless the type has a unit to filter by, 404 unless the unit exists (a ranking's unit filter). */
    async assertUnitFilter(uid: UID.ContentType, unit: string) {
      if (!unitField(uid)) {
        throw new errors.ValidationError(
          `${uid.split('.').pop()} has no organization to filter by`,
          { field: 'organization' }
        );
      }
      const { uid: unitType } = config().commendations.unit;
      if (
        !(await strapi.db.query(unitType).findOne({ select: ['id'], where: { documentId: unit } }))
      ) {
        throw new errors.NotFoundError(`No organization "${unit}"`);
      }
    },

    /** Trackable types whose entries belong to a unit (have the unitField relation). */
    unitTypes: () =>
      Object.values(config().trackableTypes).filter((uid) => unitField(uid) !== null),

    documentIdsOfUnits,

    /**
     * What a "most viewed" box shows of published documents (config rankingCard), keyed by documentId: title,
     * slug, date, cover (url, alternativeText, width, height) and unit (documentId, name, slug), in one call.
     */
    async cards(uid: UID.ContentType, type: string, locale: string, documentIds: string[]) {
      const { rankingCard, commendations } = config();
      const fields = rankingCard.fields[type];
      const unit = unitField(uid);
      const rows = await strapi.db.query(uid).findMany({
        select: ['documentId', fields.title, fields.slug, fields.publishedDate],
        where: {
          documentId: { $in: documentIds },
          locale,
          ...(isPublishable(uid) ? { publishedAt: { $notNull: true } } : {}),
        },
        populate: {
          [fields.cover]: { select: ['url', 'alternativeText', 'width', 'height'] },
          ...(unit
            ? {
                [unit]: {
                  select: ['documentId', commendations.unit.name, rankingCard.unitSlug],
                },
              }
            : {}),
        },
      });
      return new Map(
        rows.map((r) => [
          String(r.documentId),
          {
            title: String(r[fields.title] ?? ''),
            slug: textOrNull(r[fields.slug]),
            publishedDate: textOrNull(r[fields.publishedDate]),
            cover: coverOf(r[fields.cover], rankingCard.mediaUrl ?? ((url) => url)),
            organization: unit
              ? unitOf(r[unit], commendations.unit.name, rankingCard.unitSlug)
              : null,
          },
        ])
      );
    },
  };
};
