import type { Core } from '@strapi/strapi';

const CORS_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials'];

/**
 * Placed right inside strapi::cors. A request without an Origin header is not a cross-origin browser request and
 * needs no CORS headers, but Strapi's cors answers it with the wildcard, which koa-cors (with credentials) turns
 * into the request's empty Origin: every curl or server-side call got `Access-Control-Allow-Origin:` with nothing
 * after it. Those headers are dropped; `Vary: Origin` stays, so shared caches still tell the answers apart.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    try {
      await next();
    } finally {
      if (!ctx.get('Origin')) CORS_HEADERS.forEach((header) => ctx.remove(header));
    }
  };
