import type { Core } from '@strapi/strapi';

const restPrefix = (strapi: Core.Strapi): string => strapi.config.get('api.rest.prefix', '/api');

/** Is this a path of the REST API (content types' and plugins' content-API routes)? */
export const isRestPath = (strapi: Core.Strapi, path: string) =>
  path.startsWith(`${restPrefix(strapi)}/`);

/**
 * The content-type route name in a REST path (`/api/articles`, `/api/articles/:documentId` → `articles`), or
 * null for any other path.
 */
export const restRouteName = (strapi: Core.Strapi, path: string): string | null => {
  if (!isRestPath(strapi, path)) return null;
  return /^([^/]+)(?:\/[^/]+)?\/?$/.exec(path.slice(restPrefix(strapi).length + 1))?.[1] ?? null;
};

/** The app's content types by the route names Strapi gives them (plural and singular). */
export const contentTypesByRouteName = (strapi: Core.Strapi) => {
  const byName = new Map<string, string>();
  for (const [uid, schema] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    byName.set(schema.info.pluralName, uid);
    byName.set(schema.info.singularName, uid);
  }
  return byName;
};
