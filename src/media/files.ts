import type { ServerResponse } from 'node:http';
import type { Stats } from 'node:fs';
import type { Core } from '@strapi/strapi';

/**
 * Options of the upload plugin's file server (koa-static) for uploaded files: a long max-age, and a weak ETag
 * beside koa-send's Last-Modified. Not `immutable`: replacing a file in the media library keeps its URL.
 */
export const uploadedFileServing = (maxAgeSeconds: number) => ({
  maxage: maxAgeSeconds * 1000,
  setHeaders: (res: ServerResponse, _path: string, stats: Stats) =>
    res.setHeader('ETag', `W/"${stats.size.toString(16)}-${stats.mtimeMs.toString(16)}"`),
});

/** koa-static sets validators but never answers 304: a revalidation whose validators match gets one here. */
export const uploadRevalidationMiddleware = (): Core.MiddlewareHandler => async (ctx, next) => {
  await next();
  if (ctx.path.startsWith('/uploads/') && ctx.status === 200 && ctx.fresh) ctx.status = 304;
};
