import type { Core } from '@strapi/strapi';

import { asWriteCall, isRecord, type DocumentMiddleware } from './document-params';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

const ARTICLE = 'api::article.article';

/**
 * publishedDate ("Đăng lúc") is what readers see as the publication time. Editors may set it (imported news);
 * otherwise the first publish sets it, and later publishes leave it alone, unlike Strapi's own publishedAt.
 */
export const articlePublishedDateRule = documentRule(
  ['publish', ...WRITE_CALL_ACTIONS],
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      if (ctx.uid !== ARTICLE) return next();
      const now = new Date().toISOString();

      if (ctx.action === 'publish') {
        const params: unknown = ctx.params;
        const documentId = isRecord(params) ? params.documentId : undefined;
        if (typeof documentId === 'string') {
          // Non-localized field: every locale's draft gets the same value, so it is set on all of them.
          await strapi.db.query(ARTICLE).updateMany({
            where: { documentId, publishedAt: null, publishedDate: null },
            data: { publishedDate: now },
          });
        }
        return next();
      }

      const call = asWriteCall(ctx);
      if (!call || call.status !== 'published' || call.data.publishedDate) return next();
      const stored = call.documentId
        ? await strapi.db.query(ARTICLE).findOne({
            select: ['publishedDate'],
            where: { documentId: call.documentId, publishedDate: { $notNull: true } },
          })
        : null;
      call.data.publishedDate = stored?.publishedDate ?? now;
      return next();
    }
);
