import { errors } from '@strapi/utils';

/** Shared by the plugin's input rules: one definition of a documentId, of a 400, of "no unknown fields". */

/** Route config of the admin panel's routes: a logged-in admin only. */
export const adminOnly = { policies: ['admin::isAuthenticatedAdmin'] };

export const DOCUMENT_ID = /^[A-Za-z0-9]{1,64}$/;
export const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

export const fail = (message: string, field?: string): never => {
  throw new errors.ValidationError(message, field ? { field } : undefined);
};

export const onlyKeys = (
  input: Record<string, unknown>,
  allowed: readonly string[],
  where: string
) => {
  const extra = Object.keys(input).filter((key) => !allowed.includes(key));
  if (extra.length > 0)
    fail(
      `Unknown ${where} field(s): ${extra.join(', ')}; allowed: ${allowed.join(', ')}`,
      extra[0]
    );
};

/** GraphQL args → the REST query string the same validation reads, so both answer bad input alike. */
export const argsAsQuery = (args: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(args)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)])
  );
