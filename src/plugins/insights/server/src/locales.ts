import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const CACHE_MS = 30_000;

/**
 * The plugin's one view of i18n: the known locale codes and the default one, cached for 30 s and forgotten when a
 * locale is created or deleted (bootstrap subscribes forget).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { codes: Set<string>; defaultCode: string; loadedAt: number } | null = null;

  const load = async () => {
    if (!cached || Date.now() - cached.loadedAt > CACHE_MS) {
      const i18n = strapi.plugin('i18n').service('locales');
      const rows: { code: string }[] = await i18n.find();
      const defaultCode: unknown = await i18n.getDefaultLocale();
      const codes = new Set(rows.map(({ code }) => code));
      cached = {
        codes,
        defaultCode: typeof defaultCode === 'string' ? defaultCode : ([...codes][0] ?? 'en'),
        loadedAt: Date.now(),
      };
    }
    return cached;
  };

  return {
    forget() {
      cached = null;
    },

    /** Asked afresh: write rules must follow an editor's change of default at once. */
    async defaultLocale() {
      const code: unknown = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      return typeof code === 'string' ? code : (await load()).defaultCode;
    },

    /** The locale asked for (400 when unknown), or the default locale. */
    async resolve(locale: string | undefined) {
      const { codes, defaultCode } = await load();
      if (locale === undefined) return defaultCode;
      if (!codes.has(locale))
        throw new errors.ValidationError(`Unknown locale "${locale}"`, { field: 'locale' });
      return locale;
    },

    /** The locale a write lands in: the one asked for, else the default locale. */
    async ofWrite(locale: string | undefined) {
      return locale && locale !== '*' ? locale : this.defaultLocale();
    },
  };
};
