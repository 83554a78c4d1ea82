import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { onlyKeys } from '../input';
import { service } from '../services';
import { isRecord } from '../utils';
import { parseDocumentId, parseListQuery, parseLocale, parseType } from './validation';

/** Translation states over REST: the list of what needs work, one document's states, and "mark current". */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const states = () => service(strapi, 'translationStates');
  const documentParams = (ctx: Context) => {
    onlyKeys(isRecord(ctx.query) ? ctx.query : {}, [], 'query');
    return {
      uid: parseType(ctx.params.type, states().types()),
      documentId: parseDocumentId(ctx.params.documentId),
    };
  };
  return {
    /** GET /translations: documents whose translation is in one of the asked states, per type and locale. */
    async list(ctx: Context) {
      ctx.body = await states().list(parseListQuery(ctx.query, states().types()));
    },

    /** GET /translations/:type/:documentId: the state in each translation locale, with what changed. */
    async document(ctx: Context) {
      const { uid, documentId } = documentParams(ctx);
      ctx.body = { data: await states().forDocument(uid, documentId) };
    },

    /** POST /translations/:type/:documentId/:locale/current: the translation is still right (a minor edit). */
    async markCurrent(ctx: Context) {
      const { uid, documentId } = documentParams(ctx);
      const locale = await service(strapi, 'locales').resolve(parseLocale(ctx.params.locale));
      ctx.body = { data: await states().markCurrent(uid, documentId, locale) };
    },
  };
};
