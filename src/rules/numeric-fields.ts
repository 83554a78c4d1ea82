import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { asWriteCall, type DocumentMiddleware } from './document-params';
import { fieldErrorDetails, visitFields } from './field-walk';

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
    : { ok: false, expected: `a whole number between ${INT_MIN} and ${INT_MAX}` };
};

const bigInteger = (value: unknown): Outcome => {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  const fits =
    typeof text === 'string' &&
    CANONICAL_INTEGER.test(text) &&
    BigInt(text) >= BIGINT_MIN &&
    BigInt(text) <= BIGINT_MAX;
  return fits ? { ok: true, value: text } : { ok: false, expected: 'a whole number (64-bit)' };
};

const decimal = (value: unknown): Outcome => {
  const number = typeof value === 'string' && CANONICAL_DECIMAL.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number)
    ? { ok: true, value: number }
    : { ok: false, expected: 'a finite number' };
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
export const numericFieldsRule =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    const call = asWriteCall(ctx);
    if (!call || !call.uid.startsWith('api::')) return next();
    visitFields(strapi, call.uid, call.data, ({ path, attribute, value, replace }) => {
      const check = CHECKS[attribute.type];
      if (!check || value === null || value === undefined) return;
      const outcome = check(value);
      if (outcome.ok) return replace(outcome.value);
      const field = path.join('.');
      throw new errors.ValidationError(
        `${field} must be ${outcome.expected}`,
        fieldErrorDetails(path, `must be ${outcome.expected}`)
      );
    });
    return next();
  };
