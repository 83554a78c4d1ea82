import type { Core } from '@strapi/strapi';

import { isRecord, type DocumentMiddleware } from '../rules/document-params';
import { documentRule } from '../rules/document-rule';
import { WRITE_ACTIONS } from '../rules/write-transaction';
import { searchTypeOf } from './documents';
import { syncDocument } from './indexer';

const documentIdOf = (params: unknown, result: unknown): string | undefined => {
  if (isRecord(params) && typeof params.documentId === 'string') return params.documentId;
  return isRecord(result) && typeof result.documentId === 'string' ? result.documentId : undefined;
};

/**
 * Keeps the search index in step with published content: after any write of a searchable document, in any
 * locale, its index rows are rebuilt from its published versions (so drafts never reach the index). Registered
 * inside the write transaction: a refused write changes neither the content nor the index.
 */
export const searchIndexRule = documentRule(
  WRITE_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const result = await next();
      const type = searchTypeOf(ctx.uid);
      if (!type) return result;
      const documentId = documentIdOf(ctx.params, result);
      if (documentId) await syncDocument(strapi, type, documentId);
      return result;
    }
);
