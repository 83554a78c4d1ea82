import type { Core } from '@strapi/strapi';

import { cacheSettings } from '../../config/cache';
import { responseCache } from '../cache';
import { responseCacheMiddleware } from '../cache/middleware';

/** The response cache of public reads (src/cache/); CACHE_ENABLED=false leaves every request to Strapi. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const settings = cacheSettings();
  if (!settings.enabled) return (_ctx, next) => next();
  return responseCacheMiddleware(strapi, responseCache(strapi), settings);
};
