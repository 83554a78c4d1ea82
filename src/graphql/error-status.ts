import type { ApolloServerPlugin } from '@apollo/server';

const hasData = (data: Record<string, unknown> | null | undefined) =>
  !!data && Object.values(data).some((value) => value !== null);

/** The HTTP status REST gives the same refusal: 403 forbidden, 404 not found, otherwise 400. */
const statusOf = (codes: unknown[]) => {
  if (codes.includes('FORBIDDEN')) return 403;
  if (codes.every((code) => code === 'STRAPI_NOT_FOUND_ERROR')) return 404;
  return 400;
};

/**
 * A GraphQL answer without data whose errors are all the caller's (formatted by format-error.ts: anything else is
 * INTERNAL_SERVER_ERROR) gets a 4xx status instead of Apollo's 200, as REST answers the same refusal. An answer
 * with some data stays 200: its errors belong to parts of it.
 */
export const clientErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        if (!errors || errors.length === 0 || hasData(data)) return;
        const codes = errors.map((error) => error.extensions?.code);
        if (codes.some((code) => code === undefined || code === 'INTERNAL_SERVER_ERROR')) return;
        response.http.status = statusOf(codes);
      },
    };
  },
};
