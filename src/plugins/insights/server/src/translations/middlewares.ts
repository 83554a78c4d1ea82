import type { Core, Modules, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import { service } from '../services';
import { isRecord } from '../utils';
import { translatableFields } from './model';

type DocumentMiddleware = Modules.Documents.Middleware.Middleware;

const isFollowed = (strapi: Core.Strapi, uid: UID.ContentType) =>
  Object.values(insightsConfig(strapi).translations.types).includes(uid);

const stringParam = (params: Record<string, unknown>, key: string) => {
  const value = params[key];
  return typeof value === 'string' && value !== '*' ? value : undefined;
};

/** True when a write sends translated text (a shared-field or relation copy to another locale does not). */
const writesText = (strapi: Core.Strapi, uid: UID.ContentType, data: Record<string, unknown>) =>
  translatableFields(strapi, uid).some(({ name }) => name in data);

/**
 * Keeps translation states: a write of translated text in a translation locale records the source text it was
 * written from; deleting a version (one locale or all) forgets it. Runs in the write's transaction (opened here, the
 * app's write-transaction rule inside joins it), so a refused write records nothing. Only the plugin's own table is
 * written: an entry's status never changes because of it.
 */
export const translationStatesMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const params: unknown = ctx.params;
    if (!isFollowed(strapi, ctx.uid) || !isRecord(params)) return next();
    const states = () => service(strapi, 'translationStates');
    if (ctx.action === 'delete') {
      const result = await next();
      const documentId = stringParam(params, 'documentId');
      if (documentId) await states().forgetDeleted(ctx.uid, documentId);
      return result;
    }
    const data = params.data;
    if ((ctx.action !== 'create' && ctx.action !== 'update') || !isRecord(data)) return next();
    if (!writesText(strapi, ctx.uid, data)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId =
        stringParam(params, 'documentId') ??
        (isRecord(result) && typeof result.documentId === 'string' ? result.documentId : undefined);
      const locale = await service(strapi, 'locales').ofWrite(stringParam(params, 'locale'));
      // An update of a document that does not exist writes nothing (the caller gets a 404): nor is anything kept.
      if (documentId && isRecord(result)) await states().record(ctx.uid, documentId, locale);
      return result;
    });
  };
