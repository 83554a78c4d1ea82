import type { Core } from '@strapi/strapi';
import LRUCache from 'lru-cache';

import { cacheSettings } from '../../config/cache';

/**
 * Two lookups every public read made against the database: the public role's permissions (users-permissions,
 * once per request) and the default locale (i18n, once per Document Service call without a locale, and by the
 * app's and the plugin's rules). Both change rarely, so each instance keeps them in memory and forgets them when
 * this instance writes what they come from; `CACHE_TTL` bounds how long another instance's write goes unseen,
 * as for the response cache. Besides, the ability built from a set of permissions is kept (rememberAbilities).
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

type PermissionEngine = Core.Strapi['contentAPI']['permissions']['engine'];
type Permission = Parameters<PermissionEngine['generateAbility']>[0][number];
type BuiltAbility = ReturnType<PermissionEngine['generateAbility']>;

/** How many permission sets (roles, the public one included) an instance keeps the ability of. */
const ABILITIES_KEPT = 100;

/** The key of permissions that are actions alone, as users-permissions gives them; null for any other kind. */
const actionsKey = (permissions: Permission[]) =>
  permissions.every((permission) => Object.keys(permission).every((key) => key === 'action'))
    ? permissions.map((permission) => permission.action).join('\n')
    : null;

/**
 * users-permissions builds the content API's ability anew on every request, public ones included: some hundred
 * async hook calls for the public role's permissions. From actions alone (no conditions, no options) the ability
 * depends on nothing else than the actions Strapi registered at startup, so it is kept per set of actions; a
 * changed role is another set. Abilities are only read (`can`), so one serves concurrent requests.
 */
const rememberAbilities = (engine: PermissionEngine) => {
  const generate = engine.generateAbility.bind(engine);
  const built = new LRUCache<string, BuiltAbility>({ max: ABILITIES_KEPT });
  engine.generateAbility = (permissions, options) => {
    const key = options === undefined ? actionsKey(permissions) : null;
    if (key === null) return generate(permissions, options);
    const kept = built.get(key);
    if (kept) return kept;
    const ability = generate(permissions);
    built.set(key, ability);
    // A failed build is not kept: the next request builds again.
    ability.catch(() => built.get(key) === ability && built.delete(key));
    return ability;
  };
};

type PermissionService = { findPublicPermissions: () => Promise<unknown[]> };
type LocaleService = { getDefaultLocale: () => Promise<unknown> };

/**
 * Wraps users-permissions' `findPublicPermissions` and i18n's `getDefaultLocale` (every caller, Strapi's own
 * included, goes through these services) with the in-memory copies above, and the content API's ability builder
 * with its kept abilities. Run first in bootstrap.
 */
export const cacheReadLookups = (strapi: Core.Strapi) => {
  const ttlMs = cacheSettings().ttlSeconds * 1000;
  const services = strapi.get('services');
  rememberAbilities(strapi.contentAPI.permissions.engine);

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
