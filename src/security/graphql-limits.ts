import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

import { closedAuthMutationsRule } from './closed-auth';

export type GraphqlLimits = {
  /** Aliases in one operation (fragments included): 300 aliases of a costly field stalled the server. */
  maxAliases: number;
  /** graphql-armor's static cost: objects 2, scalars 1, ×1.5 per level of nesting, × `first`/`last`. */
  maxCost: number;
};

/**
 * graphql-armor throws by default, which Apollo answers with a 500; reported on the validation context, the
 * refusal is an ordinary validation error (400) with the limit in its message.
 */
const reportAsValidationError = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/**
 * Apollo validation rules added to Strapi's own depth limit. Validation runs before any resolver, and Apollo
 * answers a failed validation with 400, so a refused operation costs a parse and a walk of its AST.
 */
export const graphqlValidationRules = (limits: GraphqlLimits): ValidationRule[] => [
  closedAuthMutationsRule,
  maxAliasesRule({ n: limits.maxAliases, ...reportAsValidationError }),
  costLimitRule({ maxCost: limits.maxCost, ...reportAsValidationError }),
];
