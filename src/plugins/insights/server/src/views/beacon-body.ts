import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { koaBody } from 'koa-body';

import { insightsConfig } from '../config';

const isTooLarge = (error: unknown) =>
  error instanceof Error && 'status' in error && error.status === 413;

/**
 * The view beacon's body parser, placed before `strapi::body` in config/middlewares.ts. It stops reading at
 * `maxBodyBytes`, with or without a Content-Length (a chunked body is counted as it arrives), and answers 413;
 * the generic parser would read up to 1 MB first, and a size taken from the parsed body misses padding.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const path = `${strapi.config.get('api.rest.prefix', '/api')}/insights/views`;
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
    // The body is read: without these headers `strapi::body` finds nothing left to read and keeps ours.
    delete ctx.req.headers['content-length'];
    delete ctx.req.headers['transfer-encoding'];
    return next();
  };
};
