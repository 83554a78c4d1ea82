import type { Core } from '@strapi/strapi';

import { asWriteCall, type DocumentMiddleware } from './document-params';
import { fieldError, visitFields } from './field-walk';
import { documentRule, WRITE_CALL_ACTIONS } from './document-rule';

/** PostgreSQL's `integer` (what Strapi makes of an `integer` attribute); beyond it the database would fail. */
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const BIGINT_MIN = BigInt('-9223372036854775808');
const BIGINT_MAX = BigInt('9223372036854775807');

/** Canonical spellings only: no padding, sign "+", leading zeros, exponents, hex, "-0" or full-width digits. */
const CANONICAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;
const CANONICAL_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

type Outcome = { ok: true; value: unknown } | { ok: false; expected: string };

const integer = (value: unknown): Outcome => {
  const number = typeof value === 'string' && CANONICAL_INTEGER.test(value) ? Number(value) : value;
  return typeof number === 'number' &&
    Number.isInteger(number) &&
    number >= INT_MIN &&
    number <= INT_MAX
    ? { ok: true, value: number }
    : { ok: false, expected: `số nguyên từ ${INT_MIN} đến ${INT_MAX}, viết bằng chữ số` };
};

const bigInteger = (value: unknown): Outcome => {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  const fits =
    typeof text === 'string' &&
    CANONICAL_INTEGER.test(text) &&
    BigInt(text) >= BIGINT_MIN &&
    BigInt(text) <= BIGINT_MAX;
  return fits
    ? { ok: true, value: text }
    : { ok: false, expected: 'số nguyên (64 bit), viết bằng chữ số' };
};

const decimal = (value: unknown): Outcome => {
  const number = typeof value === 'string' && CANONICAL_DECIMAL.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number)
    ? { ok: true, value: number }
    : { ok: false, expected: 'một số, viết bằng chữ số (dấu chấm thập phân)' };
};

const CHECKS: Readonly<Record<string, (value: unknown) => Outcome>> = {
  integer,
  biginteger: bigInteger,
  float: decimal,
  decimal,
};

/**
 * Numeric fields take real numbers, or strings that spell one canonically (which are turned into that number
 * here, so later rules such as date-order compare numbers). Strapi's own validation would read " 2030", "1e3"
 * or "0x10" as numbers after the app's rules had already compared them as text; null is left to Strapi.
 */
export const numericFieldsRule = documentRule(
  WRITE_CALL_ACTIONS,
  (strapi: Core.Strapi): DocumentMiddleware =>
    async (ctx, next) => {
      const call = asWriteCall(ctx);
      if (!call || !call.uid.startsWith('api::')) return next();
      visitFields(strapi, call.uid, call.data, ({ path, attribute, value, replace }) => {
        const check = CHECKS[attribute.type];
        if (!check || value === null || value === undefined) return;
        const outcome = check(value);
        if (outcome.ok) return replace(outcome.value);
        throw fieldError(path, `phải là ${outcome.expected}`);
      });
      return next();
    }
);
