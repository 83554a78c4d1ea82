import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { ValidationRule } from 'graphql';

import { closedAuthMutationsRule } from './closed-auth';

export type GraphqlLimits = {
  /** Aliases in one operation (fragments included): 300 aliases of a costly field stalled the server. */
  maxAliases: number;
  /** graphql-armor's static cost: objects 2, scalars 1, ×1.5 per level of nesting, × `first`/`last`. */
  maxCost: number;
};

/**
 * Apollo validation rules added to Strapi's own depth limit. Validation runs before any resolver, and Apollo
 * answers a failed validation with 400, so a refused operation costs a parse and a walk of its AST.
 */
export const graphqlValidationRules = (limits: GraphqlLimits): ValidationRule[] => [
  closedAuthMutationsRule,
  maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }),
  costLimitRule({ maxCost: limits.maxCost, exposeLimits: true }),
];
