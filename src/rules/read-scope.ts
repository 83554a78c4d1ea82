import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { isRecord, type DocumentMiddleware } from './document-params';
import { publishedOnlyFilters, publishedOnlyPopulate } from './public-filters';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
/** Callers that may read drafts: editors in the admin panel, and API tokens (frontend previews, tooling). */
const DRAFT_READERS = new Set(['admin', 'content-api-token']);
const LOCALE_CACHE_MS = 30_000;

let locales: { codes: Set<string>; loadedAt: number } | null = null;

/** Drops the cached locale list; bootstrap calls it whenever a locale is created, changed or deleted. */
export const forgetLocales = () => {
  locales = null;
};

export const knownLocales = async (strapi: Core.Strapi) => {
  if (!locales || Date.now() - locales.loadedAt > LOCALE_CACHE_MS) {
    const rows: { code: string }[] = await strapi.db
      .query('plugin::i18n.locale')
      .findMany({ select: ['code'] });
    locales = { codes: new Set(rows.map(({ code }) => code)), loadedAt: Date.now() };
  }
  return locales.codes;
};

const authStrategy = (strapi: Core.Strapi): string | undefined => {
  const auth: unknown = strapi.requestContext.get()?.state?.auth;
  const strategy = isRecord(auth) ? auth.strategy : undefined;
  return isRecord(strategy) && typeof strategy.name === 'string' ? strategy.name : undefined;
};

/** A request (REST or GraphQL) by neither an editor nor an API token; scripts and bootstrap have no request. */
const isPublicRequest = (strapi: Core.Strapi) => {
  if (!strapi.requestContext.get()) return false;
  const strategy = authStrategy(strapi);
  return !strategy || !DRAFT_READERS.has(strategy);
};

/** Params that select by publication state (`publicationFilter=modified`, legacy `hasPublishedVersion`) reveal drafts. */
const PUBLICATION_PARAMS = ['publicationFilter', 'hasPublishedVersion'];

/**
 * Who may see what, for every caller of the app's content types: an unknown locale is a 400 (instead of an
 * empty answer that hides a typo), and drafts are only for the admin panel and API tokens (Strapi 5's REST and
 * GraphQL would otherwise hand `status=draft` to anyone allowed to read). For the public, filters only match
 * through published rows, and publication-state params are refused.
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
    if (READ_ACTIONS.has(ctx.action) && isPublicRequest(strapi)) {
      // PolicyError: a 403 whose message Strapi passes on to the caller (a plain ForbiddenError's is dropped).
      if (params.status === 'draft')
        throw new errors.PolicyError(
          'Drafts are only readable in the admin panel or with an API token'
        );
      const publication = PUBLICATION_PARAMS.find(
        (key) => params[key] !== undefined && params[key] !== null
      );
      if (publication)
        throw new errors.PolicyError(`${publication} is only for the admin panel and API tokens`);
      // Filters through relations must not reach a draft row's text (same request object: rewritten in place).
      if (params.filters !== undefined)
        params.filters = publishedOnlyFilters(strapi, ctx.uid, params.filters);
      if (params.populate !== undefined)
        params.populate = publishedOnlyPopulate(strapi, ctx.uid, params.populate);
    }
    return next();
  };
