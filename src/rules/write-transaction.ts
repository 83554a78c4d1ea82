import type { Core } from '@strapi/strapi';

import type { DocumentMiddleware } from './document-params';
import { documentRule } from './document-rule';

/** Document Service actions that write; reads are left outside a transaction. */
export const WRITE_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'clone',
  'publish',
  'unpublish',
  'discardDraft',
]);

/**
 * Runs a write and every rule after it (including rules that write after `next()`, such as shared-relations
 * copying relations to other locales) in one database transaction, so a rule that refuses the write after part
 * of it is stored rolls all of it back.
 *
 * `strapi.db.transaction` keeps the transaction in async context: the Document Service's own per-call
 * transactions and every `strapi.db.query` inside join it instead of opening another one, which also holds on
 * SQLite's single connection. It must be the first of the app's rules so the others run inside it.
 */
export const writeTransactionRule = documentRule(
  WRITE_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      if (strapi.db.inTransaction()) return next();
      return strapi.db.transaction(() => next());
    }
);
