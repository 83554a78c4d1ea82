import type { Core } from '@strapi/strapi';

import { asWriteCall, isRecord, type DocumentMiddleware } from './document-params';
import { fieldError, visitFields } from './field-walk';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

/** Fields stored as text or JSON, where PostgreSQL refuses a NUL character (SQLite would keep it). */
const TEXT_LIKE = new Set([
  'string',
  'text',
  'richtext',
  'email',
  'uid',
  'password',
  'enumeration',
  'blocks',
  'json',
]);

/** True when a NUL character is anywhere in the value, strings nested in arrays and objects included. */
const containsNul = (value: unknown, depth = 0): boolean => {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return (
    isRecord(value) &&
    Object.entries(value).some(
      ([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1)
    )
  );
};

/**
 * No text field holds a NUL character: PostgreSQL cannot store one (the write failed with a server error), and
 * no editor types one. Refused the same way on every database.
 */
export const noNulTextRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      if (!call || !call.uid.startsWith('api::')) return next();
      visitFields(strapi, call.uid, call.data, ({ path, attribute, value }) => {
        if (TEXT_LIKE.has(attribute.type) && containsNul(value))
          throw fieldError(
            path,
            'không được chứa ký tự NUL (ký tự mã 0, thường do dán từ tệp khác)'
          );
      });
      return next();
    }
);
