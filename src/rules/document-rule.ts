import type { Core } from '@strapi/strapi';

import type { DocumentMiddleware } from './document-params';

/** The actions `asWriteCall` answers for: rules about a written document's data act on these. */
export const WRITE_CALL_ACTIONS = ['create', 'update'] as const;

/**
 * A Document Service rule that acts on the given actions only: a call of any other action is handed on without
 * entering the rule, so a read passes the dozen write rules without making a promise in each (some 3 % of an
 * uncached list request's CPU when each rule checked the action itself).
 */
export const documentRule =
  (
    actions: Iterable<string>,
    create: (strapi: Core.Strapi) => DocumentMiddleware
  ): ((strapi: Core.Strapi) => DocumentMiddleware) =>
  (strapi) => {
    const actedOn = new Set(actions);
    const middleware = create(strapi);
    return (ctx, next) => (actedOn.has(ctx.action) ? middleware(ctx, next) : next());
  };
