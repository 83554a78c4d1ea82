import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { isRecord } from '../rules/document-params';

const INTEGER_KEYS = ['page', 'pageSize', 'start', 'limit'];

const badValue = (key: string, value: unknown) => {
  if (key === 'withCount') return !['true', 'false'].includes(String(value));
  return INTEGER_KEYS.includes(key) ? !/^\d{1,9}$/.test(String(value)) : true;
};

/**
 * Strapi silently falls back to its defaults on `pagination[pageSize]=lots` or unknown pagination keys; a caller
 * with a typo should learn about it, so the REST API answers 400 instead.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const { pagination } = ctx.query;
    if (ctx.path.startsWith('/api/') && pagination !== undefined) {
      const entries: [string, unknown][] = isRecord(pagination)
        ? Object.entries(pagination)
        : [['', pagination]];
      const bad = entries.find(([key, value]) => badValue(key, value));
      if (bad)
        throw new errors.ValidationError(
          `Invalid pagination[${bad[0]}]: ${INTEGER_KEYS.join(', ')} take whole numbers of up to 9 digits, withCount true or false`,
          { param: 'pagination', key: bad[0] }
        );
    }
    await next();
  };
