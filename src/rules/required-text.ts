import type { Core } from '@strapi/strapi';

import { asWriteCall, type DocumentMiddleware } from './document-params';
import { fieldError, visitFields, type Attribute } from './field-walk';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

const TEXT_TYPES = new Set(['string', 'text', 'richtext']);

/** Whitespace and the invisible characters a paste brings along (zero-width spaces and joiners, BOM). */
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

const isRequiredText = (attribute: Attribute) =>
  TEXT_TYPES.has(attribute.type) && 'required' in attribute && attribute.required === true;

/**
 * A required text field (a title, a name, a position's title) is never stored blank or whitespace-only, drafts
 * included: Strapi lets a draft leave a required field out, but an empty title is not "left out", it is a title
 * nobody can read. Leaving the field out of a draft is still allowed.
 */
export const requiredTextRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      if (!call || !call.uid.startsWith('api::')) return next();
      visitFields(strapi, call.uid, call.data, ({ path, attribute, value }) => {
        if (isRequiredText(attribute) && typeof value === 'string' && BLANK.test(value))
          throw fieldError(path, 'không được để trống');
      });
      return next();
    }
);
