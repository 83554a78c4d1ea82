import type { Core } from '@strapi/strapi';

import { MEDIA_UID, schemaLookup, walkResponse, type SchemaLookup } from '../http/response-walk';
import { contentTypesByRouteName, restRouteName } from '../http/rest-route';
import { isRecord } from '../rules/document-params';

/** `/uploads/x.jpg` → `https://portal.example/uploads/x.jpg`; URLs that are already absolute stay as they are. */
export const absoluteUrl = <T>(publicUrl: string, url: T): T | string =>
  typeof url === 'string' && url.startsWith('/') ? `${publicUrl}${url}` : url;

/** A file's own URL and its formats' (thumbnail, small, …), made absolute in place. */
export const absoluteFileUrls = (publicUrl: string, file: Record<string, unknown>) => {
  file.url = absoluteUrl(publicUrl, file.url);
  if (!isRecord(file.formats)) return;
  for (const format of Object.values(file.formats)) {
    if (isRecord(format)) format.url = absoluteUrl(publicUrl, format.url);
  }
};

const publicUrlOf = (strapi: Core.Strapi): string => strapi.config.get('server.url', '');

/**
 * With PUBLIC_URL set, REST answers of the content types carry absolute media URLs, so a frontend on another host
 * can use them as they are. Runs inside the response cache, so cached answers carry them too.
 */
export const absoluteMediaUrlsMiddleware = (strapi: Core.Strapi): Core.MiddlewareHandler => {
  const publicUrl = publicUrlOf(strapi);
  if (!publicUrl) return (_ctx, next) => next();
  let routes: Map<string, string> | undefined;
  let schemaOf: SchemaLookup | undefined;
  return async (ctx, next) => {
    await next();
    const routeName = ctx.method === 'GET' ? restRouteName(strapi, ctx.path) : null;
    if (!routeName || ctx.status !== 200 || !isRecord(ctx.body)) return;
    const uid = (routes ??= contentTypesByRouteName(strapi)).get(routeName);
    if (!uid) return;
    walkResponse(uid, ctx.body.data, (schemaOf ??= schemaLookup(strapi)), (model, value) => {
      if (model === MEDIA_UID && value) absoluteFileUrls(publicUrl, value);
    });
  };
};

/** The same for GraphQL: the upload file type's `url` and `formats` resolve to absolute URLs. Call in register(). */
export const absoluteMediaUrlsInGraphql = (strapi: Core.Strapi) => {
  const publicUrl = publicUrlOf(strapi);
  if (!publicUrl) return;
  const fileOf = (parent: unknown) => (isRecord(parent) ? { ...parent } : {});
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      resolvers: {
        UploadFile: {
          url: (parent: unknown) => absoluteUrl(publicUrl, fileOf(parent).url),
          formats: (parent: unknown) => {
            const file = fileOf(parent);
            absoluteFileUrls(publicUrl, file);
            return file.formats;
          },
        },
      },
    }));
};
