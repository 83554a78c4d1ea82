import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { asWriteCall, isRecord, writeLocale, type DocumentMiddleware } from './document-params';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

type Checker = { can: { create: (entity: Record<string, unknown>) => boolean } };

/** The content manager's permission checker; its `can` is a function carrying one method per action. */
const isChecker = (value: unknown): value is Checker =>
  isRecord(value) &&
  typeof value.can === 'function' &&
  'create' in value.can &&
  typeof value.can.create === 'function';

/**
 * An admin user's write that starts a version in a new locale (a new document, or a new locale of one) needs the
 * right to create in that locale. The content manager checks `create` without the locale (a translator allowed to
 * create `en` versions could start a `vi` document); this checks it with the locale, for every admin route.
 */
export const adminLocaleScopeRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      const userAbility: unknown = strapi.requestContext.get()?.state?.userAbility;
      if (!call || !userAbility) return next();
      const locale = await writeLocale(strapi, call);
      const exists =
        !!call.documentId &&
        !!(await strapi.db
          .query(call.uid)
          .findOne({ select: ['id'], where: { documentId: call.documentId, locale } }));
      if (exists) return next();
      const checker: unknown = strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility, model: call.uid });
      if (!isChecker(checker) || !checker.can.create({ locale }))
        throw new errors.ForbiddenError(`You may not write the ${locale} locale`);
      return next();
    }
);
