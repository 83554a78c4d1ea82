import { getFetchClient } from '@strapi/strapi/admin';

/** The translations module's admin routes (/insights/translations...), typed as the panel uses them. */
export type ChangedField = { field: string; before: string[]; after: string[] };
export type LocaleState = {
  locale: string;
  state: 'missing' | 'outdated' | 'current';
  changedFields: ChangedField[];
  missingFields: string[];
  savedAt: number | null;
};
export type DocumentStates = { documentId: string; sourceLocale: string; locales: LocaleState[] };
export type TranslationRow = {
  type: string;
  contentType: string;
  documentId: string;
  locale: string;
  label: string;
  state: LocaleState['state'];
  changedFields: string[];
  missingFields: string[];
};
export type ListFilters = { type: string; locale: string; state: string; page: number };

export const fetchStates = async (type: string, documentId: string) =>
  (
    await getFetchClient().get<{ data: DocumentStates }>(
      `/insights/translations/${type}/${documentId}`
    )
  ).data.data;

export const markCurrent = async (type: string, documentId: string, locale: string) =>
  (
    await getFetchClient().post<{ data: DocumentStates }>(
      `/insights/translations/${type}/${documentId}/${locale}/current`,
      {}
    )
  ).data.data;

export const fetchTranslations = async (filters: ListFilters) => {
  const query = new URLSearchParams(
    Object.entries(filters).flatMap(([key, value]) => (value === '' ? [] : [[key, String(value)]]))
  );
  query.set('pageSize', '50');
  return (
    await getFetchClient().get<{
      data: TranslationRow[];
      meta: { pagination: { page: number; pageSize: number; total: number } };
    }>(`/insights/translations?${query}`)
  ).data;
};

/** The content manager's edit view of one locale of a document. */
export const editLink = (contentType: string, documentId: string, locale: string) =>
  `/content-manager/collection-types/${contentType}/${documentId}?plugins[i18n][locale]=${locale}`;
