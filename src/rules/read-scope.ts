import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { isRecord, type DocumentMiddleware } from './document-params';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
/** Callers that may read drafts: editors in the admin panel, and API tokens (frontend previews, tooling). */
const DRAFT_READERS = new Set(['admin', 'content-api-token']);
const LOCALE_CACHE_MS = 30_000;

let locales: { codes: Set<string>; loadedAt: number } | null = null;

/** Drops the cached locale list; bootstrap calls it whenever a locale is created, changed or deleted. */
export const forgetLocales = () => {
  locales = null;
};

const knownLocales = async (strapi: Core.Strapi) => {
  if (!locales || Date.now() - locales.loadedAt > LOCALE_CACHE_MS) {
    const rows: { code: string }[] = await strapi.db.query('plugin::i18n.locale').findMany({ select: ['code'] });
    locales = { codes: new Set(rows.map(({ code }) => code)), loadedAt: Date.now() };
  }
  return locales.codes;
};

const authStrategy = (strapi: Core.Strapi): string | undefined => {
  const auth: unknown = strapi.requestContext.get()?.state?.auth;
  const strategy = isRecord(auth) ? auth.strategy : undefined;
  return isRecord(strategy) && typeof strategy.name === 'string' ? strategy.name : undefined;
};

/**
 * Who may see what, for every caller of the app's content types: an unknown locale is a 400 (instead of an
 * empty answer that hides a typo), and drafts are only for the admin panel and API tokens (Strapi 5's REST and
 * GraphQL would otherwise hand `status=draft` to anyone allowed to read).
 */
export const readScopeRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const params: unknown = ctx.params;
    if (!ctx.uid.startsWith('api::') || !isRecord(params)) return next();

    const { locale } = params;
    if (typeof locale === 'string' && locale !== '*' && !(await knownLocales(strapi)).has(locale)) {
      throw new errors.ValidationError(`Unknown locale "${locale}"`, { param: 'locale' });
    }
    if (READ_ACTIONS.has(ctx.action) && params.status === 'draft' && strapi.requestContext.get()) {
      const strategy = authStrategy(strapi);
      if (!strategy || !DRAFT_READERS.has(strategy)) {
        // PolicyError: a 403 whose message Strapi passes on to the caller (a plain ForbiddenError's is dropped).
        throw new errors.PolicyError('Drafts are only readable in the admin panel or with an API token');
      }
    }
    return next();
  };
