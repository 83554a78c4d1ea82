import type { Core } from '@strapi/strapi';

import { insightsConfig } from '../../config';
import { asWriteCall, relationTarget, type DocumentMiddleware } from './document-calls';

/**
 * Sets `issuerWarning` when the issuer's level or kind does not normally issue the award's form
 * (plugin config commendations.issuerRules), and clears it when it does. A warning, never a refusal.
 */
export const awardIssuerRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const { award, unit, issuerRules } = insightsConfig(strapi).commendations;
    const call = asWriteCall(ctx);
    if (!call || call.uid !== award.uid || !(award.form in call.data || award.issuer in call.data)) return next();

    const stored = call.documentId
      ? await strapi.db.query(award.uid).findOne({
          where: { documentId: call.documentId },
          select: [award.form],
          populate: { [award.issuer]: { select: ['documentId'] } },
        })
      : null;
    const form = award.form in call.data ? call.data[award.form] : stored?.[award.form];
    const issuerId =
      award.issuer in call.data ? await relationTarget(strapi, unit.uid, call.data[award.issuer]) : stored?.[award.issuer]?.documentId;
    const issuer = issuerId
      ? await strapi.db.query(unit.uid).findOne({ where: { documentId: issuerId }, select: [unit.name, unit.level, unit.kind] })
      : null;

    const rule = typeof form === 'string' ? issuerRules[form] : undefined;
    const level = issuer?.[unit.level];
    const kind = issuer?.[unit.kind];
    call.data[award.issuerWarning] =
      issuer && rule && !(rule.levels.includes(level) && rule.kinds.includes(kind))
        ? `${rule.label} is not normally issued by ${issuer[unit.name]} (${level}, ${kind})`
        : null;
    return next();
  };
