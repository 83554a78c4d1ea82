import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { koaBody } from 'koa-body';

import { insightsConfig } from '../config';
import viewsController from './controllers';

const isTooLarge = (error: unknown) =>
  error instanceof Error && 'status' in error && error.status === 413;

/**
 * The view beacon, POST /api/insights/views: a middleware placed before `strapi::body` in config/middlewares.ts
 * that answers the hit itself. Every page view sends one, so it skips what follows it in the stack: the generic
 * body parser, the response cache, media URLs, the session, static files and the router (no route is
 * declared for it). Measured with the no-op route: that part of the stack is half of a request's CPU.
 * What comes before it still applies: errors, outage answers, security headers, CORS and the query guards.
 * Its own parser stops reading at `maxBodyBytes`, with or without a Content-Length (a chunked body is counted as
 * it arrives), and answers 413; the generic parser would read up to 1 MB first. The controller checks the body.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const path = `${strapi.config.get('api.rest.prefix', '/api')}/insights/views`;
  const { track } = viewsController({ strapi });
  // koaBody validates its options each time it is called: one parser per limit, not one per hit.
  const parsers = new Map<number, ReturnType<typeof koaBody>>();
  const parserFor = (limit: number) => {
    const known = parsers.get(limit);
    if (known) return known;
    const parser = koaBody({
      multipart: false,
      jsonLimit: limit,
      textLimit: limit,
      formLimit: limit,
    });
    parsers.set(limit, parser);
    return parser;
  };
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== path) return next();
    const limit = insightsConfig(strapi).maxBodyBytes;
    try {
      await parserFor(limit)(ctx, async () => undefined);
    } catch (error) {
      if (isTooLarge(error)) throw new errors.PayloadTooLargeError(`Body over ${limit} bytes`);
      throw error;
    }
    return track(ctx);
  };
};
