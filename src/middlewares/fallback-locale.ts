import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const FALLBACK_PARAM = 'fallbackLocale';

const refusal = (message: string) => new errors.ValidationError(message, { param: FALLBACK_PARAM });

/**
 * `fallbackLocale=vi` on a REST read (`/api/...`) or a GraphQL request (`/graphql?fallbackLocale=vi`): taken out of
 * the query (Strapi refuses parameters it does not know) and kept in the request's state, where the fallback-read
 * rule (src/rules/fallback-read.ts) finds it. Which locales exist is checked there, with the other locale checks.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const { [FALLBACK_PARAM]: fallback, ...rest } = ctx.query;
    if (fallback === undefined || !(ctx.path.startsWith('/api/') || ctx.path === '/graphql'))
      return next();
    if (ctx.method !== 'GET' && ctx.path !== '/graphql')
      throw refusal(`${FALLBACK_PARAM} is for reads`);
    if (typeof fallback !== 'string' || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(fallback))
      throw refusal(`${FALLBACK_PARAM} must be one locale code`);
    ctx.query = rest;
    ctx.state.fallbackLocale = fallback;
    return next();
  };
