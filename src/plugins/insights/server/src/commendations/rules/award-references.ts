import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { insightsConfig } from '../../config';
import { service } from '../../services';
import { isRecord } from '../../utils';
import { referencesTo } from '../model';
import type { DocumentMiddleware } from './document-calls';

/** Refuses to delete a unit or an official that an award names as issuer, presenter or recipient. */
export const awardReferencesRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const params: unknown = ctx.params;
    const { commendations } = insightsConfig(strapi);
    // Where awards name units and people: deleting one of them would lose part of a commendation record.
    const references = referencesTo(commendations)[ctx.uid];
    if (
      ctx.action !== 'delete' ||
      !references ||
      !isRecord(params) ||
      typeof params.documentId !== 'string'
    )
      return next();

    const awards = await strapi.db.query(commendations.award.uid).findMany({
      select: ['documentId', 'title', 'locale'],
      where: { $or: references(params.documentId) },
    });
    // One entry per award, titled in the default locale when it has one (later rows win in the Map).
    const mainLocale = await service(strapi, 'locales').defaultLocale();
    const ranked = [...awards].sort(
      (a, b) => Number(a.locale === mainLocale) - Number(b.locale === mainLocale)
    );
    const named = [
      ...new Map(ranked.map((award) => [award.documentId, String(award.title)])).entries(),
    ];
    if (named.length > 0) {
      throw new errors.ValidationError(
        `Không xóa được: ${named.length} khen thưởng đang nêu mục này: ${named.map(([, title]) => `"${title}"`).join(', ')}`,
        { awards: named.map(([documentId, title]) => ({ documentId, title })) }
      );
    }
    return next();
  };
