/**
 * How every config file reads the environment. A value that is blank or only spaces means "not set" (a `.env`
 * made from `.env.example` holds many `NAME=` lines), and a value that is set but unusable stops the start with
 * an error naming the variable, instead of failing later on a request.
 *
 * Strapi's own `env` helper treats `NAME=` as set: `env.int` gives NaN, `env.bool` false, `env.array` `['']`.
 */

export class SettingError extends Error {
  constructor(key: string, expected: string, value: string) {
    super(`Environment variable ${key} must be ${expected}; got "${value}"`);
    this.name = 'SettingError';
  }
}

/** The variable's trimmed value, or undefined when it is missing or blank. */
const raw = (key: string): string | undefined => {
  const value = process.env[key]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

export const text = (key: string, fallback: string): string => raw(key) ?? fallback;

export const optionalText = (key: string): string | undefined => raw(key);

const missing = (key: string) =>
  new Error(
    `Environment variable ${key} is required (see .env.example; \`node scripts/ensure-env.js\` writes a .env)`
  );

/** A value the app cannot start without (secrets). */
export const required = (key: string): string => {
  const value = raw(key);
  if (value === undefined) throw missing(key);
  return value;
};

export const integer = (
  key: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER
): number => {
  const value = raw(key);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min || n > max) {
    throw new SettingError(key, `a whole number from ${min} to ${max}`, value);
  }
  return n;
};

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export const boolean = (key: string, fallback: boolean): boolean => {
  const value = raw(key);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (TRUE.includes(lower)) return true;
  if (FALSE.includes(lower)) return false;
  throw new SettingError(key, 'true or false', value);
};

export const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
  const value = raw(key);
  if (value === undefined) return fallback;
  const match = allowed.find((item) => item === value);
  if (match === undefined) throw new SettingError(key, `one of ${allowed.join(', ')}`, value);
  return match;
};

type ItemCheck = { expected: string; valid: (item: string) => boolean };

/**
 * A comma-separated list; blank items are dropped, so `NAME=` and `NAME=a,,b` mean [] and [a, b].
 * With a check, an item that fails it stops the start.
 */
export const list = (key: string, fallback: string[] = [], check?: ItemCheck): string[] => {
  const value = raw(key);
  if (value === undefined) return fallback;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const bad = check && items.find((item) => !check.valid(item));
  if (check && bad !== undefined)
    throw new SettingError(key, `a comma-separated list of ${check.expected}`, bad);
  return items;
};

export const requiredList = (key: string): string[] => {
  const items = list(key);
  if (items.length === 0) throw missing(key);
  return items;
};

/** An absolute http(s) URL without a trailing slash. */
export const url = (
  key: string,
  fallback: string,
  protocols = ['http:', 'https:'],
  example = 'https://phunu.example.vn'
): string => {
  const value = raw(key);
  if (value === undefined) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new SettingError(key, `an absolute URL such as ${example}`, value);
  }
  if (!protocols.includes(parsed.protocol))
    throw new SettingError(key, `a URL starting ${protocols.join(' or ')}`, value);
  return value.replace(/\/+$/, '');
};
