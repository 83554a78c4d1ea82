import { unwrapResolverError } from '@apollo/server/errors';
import { errors } from '@strapi/utils';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

type Logger = { error: (message: string) => void };

const MASKED: GraphQLFormattedError = {
  message: 'Internal server error',
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
};

const strapiCode = (error: Error) => {
  if (error instanceof errors.ForbiddenError || error instanceof errors.UnauthorizedError)
    return 'FORBIDDEN';
  if (error instanceof errors.ValidationError) return 'BAD_USER_INPUT';
  return `STRAPI_${error.name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
};

/**
 * Apollo's formatError for the GraphQL endpoint. Errors meant for the caller (Strapi's ApplicationError family,
 * GraphQL's own syntax, validation and coercion errors) keep their message, with Strapi's codes and details;
 * anything else (a database, mail or cookie failure, a bug) is logged with its stack and answered as a bare
 * "Internal server error". Strapi's own formatter masks the message too but copies the original's message into
 * `extensions.error`, which handed internals to anonymous callers.
 */
export const formatGraphqlError =
  (log: () => Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof errors.ApplicationError) {
      const { name, message, details } = original;
      return {
        ...formatted,
        message,
        extensions: {
          ...formatted.extensions,
          error: { name, message, details },
          code: strapiCode(original),
        },
      };
    }
    // http-errors (ctx.throw) mark the ones meant for the caller: 4xx are exposed, 5xx are not.
    if (original instanceof errors.HttpError && original.expose) {
      return {
        ...formatted,
        message: original.message,
        extensions: { ...formatted.extensions, code: strapiCode(original) },
      };
    }
    if (original instanceof GraphQLError) return formatted;
    log().error(
      original instanceof Error
        ? (original.stack ?? original.message)
        : `GraphQL error: ${String(original)}`
    );
    return MASKED;
  };
