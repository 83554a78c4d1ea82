import { contentTypes, errors } from '@strapi/utils';

import { isRecord, type DocumentMiddleware } from './document-params';
import { documentRule } from './document-rule';

/**
 * A draft is deleted with its document, not on its own: Strapi refuses `status: 'draft'` on a delete with a plain
 * Error, which REST (`DELETE /api/awards/:id?status=draft` with a token) answered as a 500. It is a 400 saying
 * what to do instead.
 */
export const draftDeleteRule = documentRule(
  ['delete'],
  (): DocumentMiddleware => async (ctx, next) => {
    const params: unknown = ctx.params;
    if (
      isRecord(params) &&
      params.status === 'draft' &&
      contentTypes.hasDraftAndPublish(ctx.contentType)
    )
      throw new errors.ValidationError(
        'A draft cannot be deleted on its own: delete the document (without status), or discard its draft',
        { param: 'status' }
      );
    return next();
  }
);
