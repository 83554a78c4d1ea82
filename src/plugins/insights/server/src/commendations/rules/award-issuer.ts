import type { Core } from '@strapi/strapi';

import { asWriteCall, isRecord, relationTarget, type DocumentMiddleware } from '../../../../../../rules/document-params';

const AWARD = 'api::award.award';
const ORGANIZATION = 'api::organization.organization';
type IssuerRule = { levels: string[]; kinds: string[] };

const FORM_NAMES: Record<string, string> = {
  certificate_of_merit: 'Bằng khen',
  certificate_of_commendation: 'Giấy khen',
  medal: 'Huân chương / Huy chương',
  commemorative_medal: 'Kỷ niệm chương',
  emulation_flag: 'Cờ thi đua',
};

/**
 * Sets `issuerWarning` when the issuer's level or kind does not normally issue the award's form
 * (config/commendations.ts), and clears it when it does. A warning, never a refusal.
 */
export const awardIssuerRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const call = asWriteCall(ctx);
    if (!call || call.uid !== AWARD || !('form' in call.data || 'issuer' in call.data)) return next();

    const stored = call.documentId
      ? await strapi.db.query(AWARD).findOne({ where: { documentId: call.documentId }, select: ['form'], populate: { issuer: { select: ['documentId'] } } })
      : null;
    const form = 'form' in call.data ? call.data.form : stored?.form;
    const issuerId = 'issuer' in call.data ? await relationTarget(strapi, ORGANIZATION, call.data.issuer) : stored?.issuer?.documentId;
    const issuer = issuerId ? await strapi.db.query(ORGANIZATION).findOne({ where: { documentId: issuerId }, select: ['name', 'level', 'kind'] }) : null;

    const rules: unknown = strapi.config.get('commendations.issuerRules', {});
    const rule: unknown = isRecord(rules) && typeof form === 'string' ? rules[form] : undefined;
    const fits = (value: unknown, allowed: unknown) => Array.isArray(allowed) && allowed.includes(value);
    call.data.issuerWarning =
      issuer && isRecord(rule) && !(fits(issuer.level, rule.levels) && fits(issuer.kind, rule.kinds))
        ? `${FORM_NAMES[String(form)] ?? String(form)} is not normally issued by ${issuer.name} (${issuer.level}, ${issuer.kind})`
        : null;
    return next();
  };
