import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { asWriteCall, relationTarget, type DocumentMiddleware } from './document-params';

const ORGANIZATION = 'api::organization.organization';

/** Links that must never loop back: a unit is not its own ancestor, nor its own (eventual) successor. */
const CHAIN_FIELDS = ['parent', 'successor'] as const;
type ChainField = (typeof CHAIN_FIELDS)[number];

const MAX_CHAIN = 64;

/** Walks the chain up from `start`; true when it reaches `self`. One query per step: trees are a few levels deep. */
const chainReaches = async (strapi: Core.Strapi, field: ChainField, start: string, self: string) => {
  const seen = new Set<string>();
  let current: string | undefined = start;
  while (current && !seen.has(current) && seen.size < MAX_CHAIN) {
    if (current === self) return true;
    seen.add(current);
    const row: Record<string, unknown> | null = await strapi.db.query(ORGANIZATION).findOne({
      select: ['id'],
      where: { documentId: current },
      populate: { [field]: { select: ['documentId'] } },
    });
    const next = row?.[field];
    current = next && typeof next === 'object' && 'documentId' in next ? String(next.documentId) : undefined;
  }
  return false;
};

const cycleError = (field: ChainField) =>
  new errors.ValidationError(
    field === 'parent'
      ? 'parent would make this unit its own ancestor'
      : 'successor would make this unit succeed itself',
    { errors: [{ path: [field], message: `${field} creates a cycle`, name: 'ValidationError' }] }
  );

export const organizationTreeRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const call = asWriteCall(ctx);
    if (!call || call.uid !== ORGANIZATION) return next();
    for (const field of CHAIN_FIELDS) {
      if (!(field in call.data)) continue;
      const target = await relationTarget(strapi, ORGANIZATION, call.data[field]);
      if (!target) continue;
      if (target === call.documentId) throw cycleError(field);
      if (call.documentId && (await chainReaches(strapi, field, target, call.documentId))) throw cycleError(field);
    }
    return next();
  };
