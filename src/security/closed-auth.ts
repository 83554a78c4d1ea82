import type { Core } from '@strapi/strapi';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

import { errorBody } from '../http/error-body';

/**
 * The portals have no end-user accounts: editors use the admin panel, tooling uses API tokens. So
 * users-permissions' sign-up, login, password and e-mail-confirmation doors stay shut for everyone, over REST
 * (these path prefixes, including OAuth `connect`) and GraphQL (these mutations, which the plugin declares
 * `auth: false` whatever the public role holds).
 */
export const CLOSED_REST_PREFIXES = ['/api/auth/', '/api/connect/'];
export const CLOSED_MUTATIONS = [
  'register',
  'login',
  'forgotPassword',
  'resetPassword',
  'changePassword',
  'emailConfirmation',
];

const CLOSED_MESSAGE =
  'Public accounts are disabled: editors sign in to the admin panel, tools use API tokens';

/** Case-insensitive, as Strapi's router matches `/API/Auth/local` too. */
export const isClosedAuthPath = (path: string) => {
  const lower = path.toLowerCase();
  return CLOSED_REST_PREFIXES.some((prefix) => lower.startsWith(prefix) || `${lower}/` === prefix);
};

/** Koa middleware (global::closed-auth): 403 before users-permissions' controllers run, so nothing is written. */
export const closedAuthMiddleware = (): Core.MiddlewareHandler => async (ctx, next) => {
  if (!isClosedAuthPath(ctx.path)) return next();
  ctx.status = 403;
  ctx.body = errorBody(403, 'ForbiddenError', CLOSED_MESSAGE);
};

/**
 * GraphQL validation rule: an operation naming a closed mutation fails validation, which Apollo answers with
 * 400 before any resolver runs.
 */
export const closedAuthMutationsRule = (context: ValidationContext): ASTVisitor => ({
  Field(node) {
    const parent = context.getParentType();
    if (
      parent &&
      parent === context.getSchema().getMutationType() &&
      CLOSED_MUTATIONS.includes(node.name.value)
    ) {
      context.reportError(
        new GraphQLError(`${node.name.value}: ${CLOSED_MESSAGE}`, { nodes: [node] })
      );
    }
  },
});

/**
 * Registration off in users-permissions' own settings too, at every start, so that an admin toggling it in
 * Settings does not reopen it after a restart.
 */
export const closeRegistration = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced: unknown = await store.get({ key: 'advanced' });
  const current = typeof advanced === 'object' && advanced !== null ? advanced : {};
  await store.set({ key: 'advanced', value: { ...current, allow_register: false } });
};
