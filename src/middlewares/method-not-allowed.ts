import type { Core } from '@strapi/strapi';

import { errorBody } from '../http/error-body';

/**
 * koa-router answers a method that a known path does not take (PUT /api/articles) with 405 and koa's plain-text
 * "Method Not Allowed", the one refusal that was not JSON. It gets Strapi's error shape; the router's `Allow` stays.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    await next();
    if (ctx.status === 405 && ctx.body == null)
      ctx.body = errorBody(
        405,
        'MethodNotAllowedError',
        `${ctx.method} is not allowed on ${ctx.path}`
      );
  };
