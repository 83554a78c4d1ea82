import type { Core, UID } from '@strapi/strapi';
import { contentTypes, errors } from '@strapi/utils';

import { insightsConfig } from '../../config';
import { service } from '../../services';
import { translatableFields, textUnits, type TextSnapshot, type TranslatableField } from '../model';
import type { TranslationListQuery } from '../validation';

export const SOURCES = 'insights_translation_sources';

export const STATES = ['missing', 'outdated', 'current'] as const;
export type TranslationState = (typeof STATES)[number];

/** One translatable field whose source text changed since the translation was saved: the source's units then and now. */
export type ChangedField = { field: string; before: string[]; after: string[] };

export type LocaleState = {
  locale: string;
  state: TranslationState;
  /** Source fields changed since the translation was last saved (outdated). */
  changedFields: ChangedField[];
  /** Fields the source fills and the translation leaves empty (an incomplete translation is missing). */
  missingFields: string[];
  /** When the translation was last saved (ms), null when never. */
  savedAt: number | null;
};

type Version = { documentId: string; locale: string; text: TextSnapshot };
type SourceRow = {
  document_id: string;
  locale: string;
  source_text: string;
  saved_at: number | string;
};

const parseSnapshot = (json: string): TextSnapshot => {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(
    Object.entries(parsed).map(([field, units]) => [
      field,
      Array.isArray(units) ? units.map(String) : [],
    ])
  );
};

const sameUnits = (a: string[] = [], b: string[] = []) =>
  a.length === b.length && a.every((unit, index) => unit === b[index]);

/** A translation's state, from the source's text now, the source's text at its last save and its own text. */
export const stateOf = (
  fields: TranslatableField[],
  source: TextSnapshot | undefined,
  savedSource: TextSnapshot | undefined,
  translation: TextSnapshot | undefined
): Pick<LocaleState, 'state' | 'changedFields' | 'missingFields'> => {
  if (!translation) return { state: 'missing', changedFields: [], missingFields: [] };
  const now = source ?? {};
  const then = savedSource ?? {};
  const missingFields = fields
    .map(({ name }) => name)
    .filter((name) => (now[name] ?? []).length > 0 && (translation[name] ?? []).length === 0);
  const changedFields = fields
    .filter(({ name }) => !sameUnits(then[name], now[name]))
    .map(({ name }) => ({ field: name, before: then[name] ?? [], after: now[name] ?? [] }));
  const state =
    missingFields.length > 0 ? 'missing' : changedFields.length > 0 ? 'outdated' : 'current';
  return { state, changedFields, missingFields };
};

/**
 * Translation states: each translation is compared with the source locale (the default locale) as it was when
 * the translation was last saved. The source's and translations' latest versions count (the draft of a type with
 * draft & publish): a translator follows what editors write, published or not.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const sourceLocale = () => service(strapi, 'locales').defaultLocale();

  /** The latest versions of these documents (all when none given), in these locales, as text units. */
  const versions = async (
    uid: UID.ContentType,
    where: { documentId?: string; locale?: string | { $in: string[] } }
  ): Promise<Version[]> => {
    const fields = translatableFields(strapi, uid);
    const latest = contentTypes.hasDraftAndPublish(strapi.getModel(uid))
      ? { publishedAt: null }
      : {};
    const rows: Record<string, unknown>[] = await strapi.db.query(uid).findMany({
      where: { ...where, ...latest },
      populate: Object.fromEntries(
        fields.flatMap((field) => (field.componentFields ? [[field.name, true]] : []))
      ),
    });
    return rows.map((row) => ({
      documentId: String(row.documentId),
      locale: String(row.locale),
      text: Object.fromEntries(
        fields.map((field) => [field.name, textUnits(field, row[field.name])])
      ),
    }));
  };

  const savedSources = async (uid: UID.ContentType, documentIds?: string[]) => {
    const query = knex()(SOURCES).where({ content_type: uid });
    const rows: SourceRow[] = await (documentIds
      ? query.whereIn('document_id', documentIds)
      : query);
    return new Map(
      rows.map((row) => [
        `${row.document_id}:${row.locale}`,
        { text: parseSnapshot(row.source_text), savedAt: Number(row.saved_at) },
      ])
    );
  };

  const typeNameOf = (uid: UID.ContentType) =>
    Object.entries(insightsConfig(strapi).translations.types).find(
      ([, type]) => type === uid
    )?.[0] ?? uid;

  const targetLocales = async () => {
    const source = await sourceLocale();
    const all: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
    return all.map(({ code }) => code).filter((code) => code !== source);
  };

  /** Every translation state of these documents (all of the type when none given). */
  const statesOf = async (uid: UID.ContentType, documentId?: string) => {
    const fields = translatableFields(strapi, uid);
    const source = await sourceLocale();
    const locales = await targetLocales();
    const found = await versions(uid, documentId ? { documentId } : {});
    const saved = await savedSources(uid, documentId ? [documentId] : undefined);
    const byKey = new Map(
      found.map((version) => [`${version.documentId}:${version.locale}`, version])
    );
    const documentIds = [...new Set(found.map((version) => version.documentId))];
    return documentIds.map((id) => ({
      documentId: id,
      sourceLocale: source,
      source: byKey.get(`${id}:${source}`)?.text,
      locales: locales.map((locale): LocaleState => {
        const savedSource = saved.get(`${id}:${locale}`);
        return {
          locale,
          savedAt: savedSource?.savedAt ?? null,
          ...stateOf(
            fields,
            byKey.get(`${id}:${source}`)?.text,
            savedSource?.text,
            byKey.get(`${id}:${locale}`)?.text
          ),
        };
      }),
    }));
  };

  return {
    /** A document's state in each translation locale (404 when the document does not exist). */
    async forDocument(uid: UID.ContentType, documentId: string) {
      const [document] = await statesOf(uid, documentId);
      if (!document) throw new errors.NotFoundError('Document not found');
      const { source: _source, ...states } = document;
      return states;
    },

    /**
     * One row per document and translation locale in the asked states, over the asked types, a page at a time.
     * The label is the source's first text field (a title or a name). States are computed for every document of
     * the types asked: fine for a newsroom's thousands of entries, not for millions.
     */
    async list(query: TranslationListQuery) {
      const rows = [];
      for (const uid of query.types) {
        const type = typeNameOf(uid);
        const [labelField] = translatableFields(strapi, uid);
        for (const { documentId, source, locales } of await statesOf(uid)) {
          const label = (labelField && source?.[labelField.name]?.[0]) ?? documentId;
          for (const state of locales) {
            if (query.locale && state.locale !== query.locale) continue;
            if (!query.states.includes(state.state)) continue;
            rows.push({
              type,
              contentType: uid,
              documentId,
              locale: state.locale,
              label,
              state: state.state,
              changedFields: state.changedFields.map(({ field }) => field),
              missingFields: state.missingFields,
            });
          }
        }
      }
      const start = (query.page - 1) * query.pageSize;
      return {
        data: rows.slice(start, start + query.pageSize),
        meta: { pagination: { page: query.page, pageSize: query.pageSize, total: rows.length } },
      };
    },

    /**
     * Records what the source says now as what this translation was written from: called when the translation
     * is saved, or when a translator marks it current. Joins the caller's transaction.
     */
    async record(uid: UID.ContentType, documentId: string, locale: string) {
      const source = await sourceLocale();
      if (locale === source) return;
      const [version] = await versions(uid, { documentId, locale: source });
      const row = {
        content_type: uid,
        document_id: documentId,
        locale,
        source_locale: source,
        source_text: JSON.stringify(version?.text ?? {}),
        saved_at: Date.now(),
      };
      await strapi.db.transaction(({ trx }) =>
        trx(SOURCES)
          .insert(row)
          .onConflict(['content_type', 'document_id', 'locale'])
          .merge(['source_locale', 'source_text', 'saved_at'])
      );
    },

    /** A translator's "still correct": the translation is current again without being edited (404 without one). */
    async markCurrent(uid: UID.ContentType, documentId: string, locale: string) {
      const source = await sourceLocale();
      if (locale === source)
        throw new errors.ValidationError(`${locale} is the source locale`, { field: 'locale' });
      const [version] = await versions(uid, { documentId, locale });
      if (!version) throw new errors.NotFoundError(`No ${locale} version of this document`);
      await this.record(uid, documentId, locale);
      return this.forDocument(uid, documentId);
    },

    /** After a delete: forgets what the locales the document no longer has were written from. */
    async forgetDeleted(uid: UID.ContentType, documentId: string) {
      const remaining: { locale: string }[] = await strapi.db
        .query(uid)
        .findMany({ select: ['locale'], where: { documentId } });
      await strapi.db.transaction(({ trx }) =>
        trx(SOURCES)
          .where({ content_type: uid, document_id: documentId })
          .whereNotIn(
            'locale',
            remaining.map(({ locale }) => locale)
          )
          .delete()
      );
    },

    /** The type names the module follows (config `translations.types`). */
    types: () => insightsConfig(strapi).translations.types,
    targetLocales,
  };
};
