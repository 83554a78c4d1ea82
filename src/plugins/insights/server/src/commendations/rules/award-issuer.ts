import type { Core } from '@strapi/strapi';

import { insightsConfig } from '../../config';
import { asWriteCall, relationTarget, type DocumentMiddleware } from './document-calls';

/**
 * Sets `issuerWarning` when the issuer's level or kind does not normally issue the award's form
 * (plugin config commendations.issuerRules), and clears it when it does. A warning, never a refusal. The field is
 * the server's: it is worked out on every write, whatever the call sends there (i18n then copies it to the other
 * locales).
 */
export const awardIssuerRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const { award, unit, issuerRules } = insightsConfig(strapi).commendations;
    const call = asWriteCall(ctx);
    if (!call || call.uid !== award.uid) return next();

    const stored = call.documentId
      ? await strapi.db.query(award.uid).findOne({
          where: { documentId: call.documentId, publishedAt: null },
          select: [award.form],
          populate: { [award.issuer]: { select: ['documentId'] } },
        })
      : null;
    const form = award.form in call.data ? call.data[award.form] : stored?.[award.form];
    const storedIssuer: string | null = stored?.[award.issuer]?.documentId ?? null;
    // An input shape that names no single target (e.g. a bare disconnect list) leaves the stored issuer.
    const written =
      award.issuer in call.data
        ? await relationTarget(strapi, unit.uid, call.data[award.issuer])
        : undefined;
    const issuerId = written === undefined ? storedIssuer : written;
    // The oldest locale names the issuer, so the shared warning reads the same whichever locale is written.
    const issuer = issuerId
      ? await strapi.db.query(unit.uid).findOne({
          where: { documentId: issuerId },
          select: [unit.name, unit.level, unit.kind],
          orderBy: { id: 'asc' },
        })
      : null;

    const rule = typeof form === 'string' ? issuerRules[form] : undefined;
    const level = issuer?.[unit.level];
    const kind = issuer?.[unit.kind];
    call.data[award.issuerWarning] =
      issuer && rule && !(rule.levels.includes(level) && rule.kinds.includes(kind))
        ? `${rule.label} thường không do ${issuer[unit.name]} khen tặng: kiểm tra lại hình thức khen thưởng hoặc đơn vị khen thưởng`
        : null;
    return next();
  };
