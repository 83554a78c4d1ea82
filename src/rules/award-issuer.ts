import type { Core } from '@strapi/strapi';

import { asWriteCall, isRecord, relationChange, toOneAfter, type DocumentMiddleware } from './document-params';

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
 * (config/commendations.ts), and clears it when it does. A warning, never a refusal. The field is the server's:
 * it is worked out on every write, whatever the call sends there (i18n then copies it to the other locales).
 */
export const awardIssuerRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const call = asWriteCall(ctx);
    if (!call || call.uid !== AWARD) return next();

    const stored = call.documentId
      ? await strapi.db.query(AWARD).findOne({
          where: { documentId: call.documentId, publishedAt: null },
          select: ['form'],
          populate: { issuer: { select: ['documentId'] } },
        })
      : null;
    const form = 'form' in call.data ? call.data.form : stored?.form;
    const storedIssuer: string | null = stored?.issuer?.documentId ?? null;
    const issuerId = 'issuer' in call.data ? toOneAfter(await relationChange(strapi, ORGANIZATION, call.data.issuer), storedIssuer) : storedIssuer;
    // The oldest locale names the issuer, so the shared warning reads the same whichever locale is written.
    const issuer = issuerId
      ? await strapi.db.query(ORGANIZATION).findOne({ where: { documentId: issuerId }, select: ['name', 'level', 'kind'], orderBy: { id: 'asc' } })
      : null;

    const rules: unknown = strapi.config.get('commendations.issuerRules', {});
    const rule: unknown = isRecord(rules) && typeof form === 'string' ? rules[form] : undefined;
    const fits = (value: unknown, allowed: unknown) => Array.isArray(allowed) && allowed.includes(value);
    call.data.issuerWarning =
      issuer && isRecord(rule) && !(fits(issuer.level, rule.levels) && fits(issuer.kind, rule.kinds))
        ? `${FORM_NAMES[String(form)] ?? String(form)} is not normally issued by ${issuer.name} (${issuer.level}, ${issuer.kind})`
        : null;
    return next();
  };
