import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { contentTypesByRouteName, restRouteName } from '../http/rest-route';
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

/** Every model by uid, and the app's content types by route name. */
const modelsOf = (strapi: Core.Strapi) => {
  const models = new Map<string, Model>([
    ...Object.entries(strapi.contentTypes),
    ...Object.entries(strapi.components),
  ]);
  return { models, byRouteName: contentTypesByRouteName(strapi) };
};

/**
 * Refuses (400) REST queries whose shape or operands Strapi would crash on (500) or silently ignore: see
 * src/validation/rest-query.ts. Runs on every request for the qs limits, and on the content types' routes for
 * the rest.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  let known: ReturnType<typeof modelsOf> | undefined;
  return async (ctx, next) => {
    // PostgreSQL cannot hold a NUL character in text: one in a path id or a filter value failed there with a 500.
    if (/%00/i.test(ctx.url))
      throw new errors.ValidationError('The URL contains a NUL character (%00)', { param: 'url' });
    const query = parsedQuery(ctx);
    const routeName = restRouteName(strapi, ctx.path);
    if (routeName) {
      known ??= modelsOf(strapi);
      const { models } = known;
      const model = models.get(known.byRouteName.get(routeName) ?? '');
      if (model) checkRestQuery(query, model, (uid) => models.get(uid));
    }
    await next();
  };
};
