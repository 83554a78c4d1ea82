import type { Core } from '@strapi/strapi';

import { uploadRevalidationMiddleware } from '../media/files';
import { absoluteMediaUrlsMiddleware } from '../media/urls';

/** Uploaded files answer 304 to a matching revalidation; REST answers carry absolute media URLs with PUBLIC_URL. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const revalidate = uploadRevalidationMiddleware();
  const absolute = absoluteMediaUrlsMiddleware(strapi);
  return (ctx, next) => revalidate(ctx, () => absolute(ctx, next));
};
