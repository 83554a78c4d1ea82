import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * A whole-number setting where a blank value (`X=` in .env, as .env.example has) means the default; Strapi's
 * `env.int` would give NaN. A value that is not a whole number stops the start with a clear message.
 */
export const intOrDefault = (env: Env, name: string, fallback: number): number => {
  const raw = env(name, '').trim();
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
};
