import type { Core } from '@strapi/strapi';

import { cacheSettings } from '../../config/cache';

/**
 * Two lookups every public read made against the database: the public role's permissions (users-permissions,
 * once per request) and the default locale (i18n, once per Document Service call without a locale, and by the
 * app's and the plugin's rules). Both change rarely, so each instance keeps them in memory and forgets them when
 * this instance writes what they come from; `CACHE_TTL` bounds how long another instance's write goes unseen,
 * as for the response cache.
 */
type Remembered<T> = { get: () => Promise<T>; forget: () => void };

const remember = <T>(load: () => Promise<T>, ttlMs: number): Remembered<T> => {
  let kept: { value: Promise<T>; until: number } | null = null;
  return {
    get() {
      if (!kept || Date.now() >= kept.until) {
        const value = load();
        const entry = { value, until: Date.now() + ttlMs };
        kept = entry;
        // A failed load is not kept: the next call asks again.
        value.catch(() => {
          if (kept === entry) kept = null;
        });
      }
      return kept.value;
    },
    forget() {
      kept = null;
    },
  };
};

/** Where the users-permissions public role's permissions live, and i18n's locales and default locale. */
const PERMISSION_MODELS = [
  'plugin::users-permissions.permission',
  'plugin::users-permissions.role',
];
const LOCALE_MODELS = ['plugin::i18n.locale', 'strapi::core-store'];

const EVENTS = [
  'afterCreate',
  'afterUpdate',
  'afterDelete',
  'afterCreateMany',
  'afterUpdateMany',
  'afterDeleteMany',
] as const;

const forgetOnWrite = (strapi: Core.Strapi, models: string[], forget: () => void) =>
  strapi.db.lifecycles.subscribe({
    models,
    ...Object.fromEntries(EVENTS.map((event) => [event, forget])),
  });

type PermissionService = { findPublicPermissions: () => Promise<unknown[]> };
type LocaleService = { getDefaultLocale: () => Promise<unknown> };

/**
 * Wraps users-permissions' `findPublicPermissions` and i18n's `getDefaultLocale` (every caller, Strapi's own
 * included, goes through these services) with the in-memory copies above. Run first in bootstrap.
 */
export const cacheReadLookups = (strapi: Core.Strapi) => {
  const ttlMs = cacheSettings().ttlSeconds * 1000;
  const services = strapi.get('services');

  services.extend('plugin::users-permissions.permission', (permissions: PermissionService) => {
    const publicPermissions = remember(() => permissions.findPublicPermissions(), ttlMs);
    forgetOnWrite(strapi, PERMISSION_MODELS, publicPermissions.forget);
    return { ...permissions, findPublicPermissions: publicPermissions.get };
  });

  services.extend('plugin::i18n.locales', (locales: LocaleService) => {
    const defaultLocale = remember(() => locales.getDefaultLocale(), ttlMs);
    // The default is kept in the core store (i18n's `default_locale`, written by setDefaultLocale); a locale's
    // own row changes with it.
    forgetOnWrite(strapi, LOCALE_MODELS, defaultLocale.forget);
    return { ...locales, getDefaultLocale: defaultLocale.get };
  });
};
