import type { Core } from '@strapi/strapi';

const LOCALES = [
  { code: 'vi', name: 'Tiếng Việt (vi)' },
  { code: 'en', name: 'English (en)' },
];
const DEFAULT_LOCALE = 'vi';

/** vi and en exist; vi becomes the default when it is first created, and an editor's later choice is kept. */
export const ensureLocales = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await locales.find();
  for (const locale of LOCALES) {
    if (existing.some(({ code }) => code === locale.code)) continue;
    await locales.create(locale);
    if (locale.code === DEFAULT_LOCALE) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
};
