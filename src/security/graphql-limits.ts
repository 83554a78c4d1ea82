import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
  getNullableType,
  GraphQLError,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

import { isRecord } from '../rules/document-params';
import { closedAuthMutationsRule } from './closed-auth';

export type GraphqlLimits = {
  /** Aliases in one operation (fragments included): 300 aliases of a costly field stalled the server. */
  maxAliases: number;
  /** Most cost of one operation: every field costs 1, and a list field's cost is multiplied by its page size. */
  maxCost: number;
  /** The GraphQL plugin's page sizes: a list without `pagination` gets defaultLimit rows, never more than maxLimit. */
  defaultLimit: number;
  maxLimit: number;
};

/**
 * graphql-armor throws by default, which Apollo answers with a 500; reported on the validation context, the
 * refusal is an ordinary validation error (400) with the limit in its message.
 */
const reportAsValidationError = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
};

/**
 * The schema has no subscription type, and graphql-js's standard rules let `subscription { … }` through to
 * execution, which fails as an internal error: refuse it as the validation error it is.
 */
const servedOperationsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API does not serve ${node.operation} operations`, { nodes: [node] })
      );
    }
  },
});

/**
 * Apollo validation rules added to Strapi's own depth limit. Validation runs before any resolver, and Apollo
 * answers a failed validation with 400, so a refused operation costs a parse and a walk of its AST.
 */
export const graphqlValidationRules = (limits: GraphqlLimits): ValidationRule[] => [
  servedOperationsRule,
  closedAuthMutationsRule,
  maxAliasesRule({ n: limits.maxAliases, ...reportAsValidationError }),
];

/** Rows a list field may return: its `pagination.limit` / `pageSize` (-1 is "all", i.e. maxLimit), else defaultLimit. */
export const pageSize = (
  args: Record<string, unknown>,
  limits: Pick<GraphqlLimits, 'defaultLimit' | 'maxLimit'>
) => {
  const pagination = isRecord(args.pagination) ? args.pagination : {};
  const asked = [pagination.limit, pagination.pageSize].find(
    (value): value is number => typeof value === 'number'
  );
  if (asked === undefined) return limits.defaultLimit;
  return asked < 0 ? limits.maxLimit : Math.min(Math.max(asked, 1), limits.maxLimit);
};

/** Fields × list sizes: a field costs 1 plus its selection, times its page size when it is a list. Introspection is free. */
export const listCostEstimator =
  (limits: Pick<GraphqlLimits, 'defaultLimit' | 'maxLimit'>): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
    const cost = 1 + childComplexity;
    return isListType(getNullableType(field.type)) ? cost * pageSize(args, limits) : cost;
  };

type OperationContext = {
  schema: GraphQLSchema;
  document: DocumentNode;
  request: { variables?: Record<string, unknown>; operationName?: string | null };
};

const tooCostly = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_QUERY_TOO_COSTLY', http: { status: 400 } },
  });

/**
 * Apollo plugin: the cost of the operation about to run, with its variables, checked before any resolver. Over
 * the limit (or over graphql-query-complexity's node cap) is a 400.
 */
export const queryCostPlugin = (limits: GraphqlLimits) => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request }: OperationContext) {
        let cost: number;
        try {
          cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [listCostEstimator(limits)],
          });
        } catch (error) {
          throw tooCostly(error instanceof Error ? error.message : 'Query too complex');
        }
        if (cost > limits.maxCost) {
          throw tooCostly(
            `Query cost ${cost} is over the limit of ${limits.maxCost}: select fewer fields, or ask for smaller pages (pagination: { limit })`
          );
        }
      },
    };
  },
});
