import { isRecord, type DocumentMiddleware } from './document-params';
import { documentRule } from './document-rule';

/** Params that cannot change a count: Strapi's Query Engine counts by `filters` (and `_q`), locale and status. */
const UNUSED_BY_COUNT = new Set([
  'sort',
  'fields',
  'populate',
  'pagination',
  'page',
  'pageSize',
  'start',
  'limit',
]);

/**
 * Strapi's core service hands a list page's count the page's whole query, so Strapi's own validation and every
 * rule walked its sort, fields and populate a second time per request, for a number they cannot change. The count
 * gets only what it counts by. Those params are validated where they are used: REST, GraphQL and the content
 * manager run the page's findMany with them first; a script calling count alone is not told about a bad sort.
 */
export const countParamsRule = documentRule(
  ['count'],
  (): DocumentMiddleware => async (ctx, next) => {
    const params: unknown = ctx.params;
    if (!isRecord(params)) return next();
    ctx.params = Object.fromEntries(
      Object.entries(params).filter(([key]) => !UNUSED_BY_COUNT.has(key))
    );
    return next();
  }
);
