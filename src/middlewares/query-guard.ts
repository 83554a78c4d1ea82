import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { checkRestQuery, type Model } from '../validation/rest-query';

/** The query string as qs parsed it; qs throws a RangeError past the depth and list limits of config/middlewares.ts. */
const parsedQuery = (ctx: { query: Record<string, unknown> }) => {
  try {
    return ctx.query;
  } catch (error) {
    if (error instanceof RangeError)
      throw new errors.ValidationError(`Query string refused: ${error.message}`, {
        param: 'query',
      });
    throw error;
  }
};

/** Every model by uid, and the app's content types by the route names Strapi gives them (plural and singular). */
const modelsOf = (strapi: Core.Strapi) => {
  const models = new Map<string, Model>();
  const byRouteName = new Map<string, Model>();
  for (const [uid, schema] of Object.entries(strapi.contentTypes)) {
    models.set(uid, schema);
    if (uid.startsWith('api::')) {
      byRouteName.set(schema.info.pluralName, schema);
      byRouteName.set(schema.info.singularName, schema);
    }
  }
  for (const [uid, schema] of Object.entries(strapi.components)) models.set(uid, schema);
  return { models, byRouteName };
};

/**
 * Refuses (400) REST queries whose shape or operands Strapi would crash on (500) or silently ignore: see
 * src/validation/rest-query.ts. Runs on every request for the qs limits, and on the content types' routes for
 * the rest.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  let known: ReturnType<typeof modelsOf> | undefined;
  const prefix: string = strapi.config.get('api.rest.prefix', '/api');
  return async (ctx, next) => {
    // PostgreSQL cannot hold a NUL character in text: one in a path id or a filter value failed there with a 500.
    if (/%00/i.test(ctx.url))
      throw new errors.ValidationError('The URL contains a NUL character (%00)', { param: 'url' });
    const query = parsedQuery(ctx);
    const route = ctx.path.startsWith(`${prefix}/`)
      ? /^([^/]+)(?:\/[^/]+)?\/?$/.exec(ctx.path.slice(prefix.length + 1))
      : null;
    if (route) {
      known ??= modelsOf(strapi);
      const { models } = known;
      const model = known.byRouteName.get(route[1]);
      if (model) checkRestQuery(query, model, (uid) => models.get(uid));
    }
    await next();
  };
};
