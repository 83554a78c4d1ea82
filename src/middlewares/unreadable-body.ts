import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The JSON parsers (co-body under koa-body) throw a plain SyntaxError with `status: 400` for a body they cannot
 * read: malformed JSON, a `__proto__` key. Not being one of Strapi's errors, `strapi::errors` logged it with its
 * stack at error level and answered without `details`, and the outage check probed the database for it.
 */
const isUnreadableBody = (error: unknown): error is Error =>
  error instanceof Error &&
  'status' in error &&
  error.status === 400 &&
  !(error instanceof errors.ApplicationError || error instanceof errors.HttpError);

/** Placed around the body parsers: a body they refuse is the caller's 400, in Strapi's error shape. */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!isUnreadableBody(error)) throw error;
      throw new errors.ValidationError(`Request body could not be read: ${error.message}`, {
        param: 'body',
      });
    }
  };
