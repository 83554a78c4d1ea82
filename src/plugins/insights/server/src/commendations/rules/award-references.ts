import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { defaultLocale, isRecord, type DocumentMiddleware } from '../../../../../../rules/document-params';

/** Where awards name units and people: deleting one of them would lose part of a commendation record. */
const REFERENCES: Record<string, (documentId: string) => Record<string, unknown>[]> = {
  'api::organization.organization': (documentId) => [{ issuer: { documentId } }, { recipients: { organization: { documentId } } }],
  'api::official.official': (documentId) => [{ presenter: { documentId } }, { recipients: { official: { documentId } } }],
};

/** Refuses to delete a unit or an official that an award names as issuer, presenter or recipient. */
export const awardReferencesRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const params: unknown = ctx.params;
    const references = REFERENCES[ctx.uid];
    if (ctx.action !== 'delete' || !references || !isRecord(params) || typeof params.documentId !== 'string') return next();

    const awards = await strapi.db.query('api::award.award').findMany({
      select: ['documentId', 'title', 'locale'],
      where: { $or: references(params.documentId) },
    });
    // One entry per award, titled in the default locale when it has one (later rows win in the Map).
    const mainLocale = await defaultLocale(strapi);
    const ranked = [...awards].sort((a, b) => Number(a.locale === mainLocale) - Number(b.locale === mainLocale));
    const named = [...new Map(ranked.map((award) => [award.documentId, String(award.title)])).entries()];
    if (named.length > 0) {
      throw new errors.ValidationError(
        `Cannot delete: named by ${named.length} award(s): ${named.map(([, title]) => `"${title}"`).join(', ')}`,
        { awards: named.map(([documentId, title]) => ({ documentId, title })) }
      );
    }
    return next();
  };
