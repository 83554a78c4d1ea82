import type { ApolloServerPlugin } from '@apollo/server';
import type { Core, Struct } from '@strapi/strapi';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';

import { isRecord } from '../rules/document-params';
import { checkFilters, checkSort, type Model } from '../validation/rest-query';

/**
 * Filters as REST carries them: GraphQL has already typed each value (a number, a yes/no, a DateTime as a Date),
 * REST's checks read the text a query string would hold.
 */
const asQueryText = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) return value.map(asQueryText);
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asQueryText(item)]));
  return value;
};

/** Every schema by uid and by the name of its GraphQL filters input (`ArticleFiltersInput`). */
const schemasOf = (strapi: Core.Strapi) => {
  const { naming } = strapi.plugin('graphql').service('utils');
  const schemas: Struct.Schema[] = [
    ...Object.values(strapi.contentTypes),
    ...Object.values(strapi.components),
  ];
  return {
    byUid: new Map<string, Model>(schemas.map((schema) => [schema.uid, schema])),
    byFiltersInput: new Map(
      schemas.map((schema) => [String(naming.getFiltersInputTypeName(schema)), schema])
    ),
  };
};

const filtersInputOf = (info: GraphQLResolveInfo) => {
  const field = info.parentType.getFields()[info.fieldName];
  const filters = field?.args.find((arg) => arg.name === 'filters');
  return filters ? getNamedType(filters.type).name : undefined;
};

/**
 * GraphQL's types check each filter value, not the operands' shape: `between: ["a"]` crashed the query builder
 * (masked as an internal error) and `between` with three dates was read as two. Every field given `filters` (top
 * level and nested relations alike) is held to REST's operand rules (src/validation/rest-query.ts), so the two APIs
 * refuse the same filters with the same message, as a 400; and every field given `sort`, to REST's sort rules
 * (`sort: "title.x"` crashed the same way).
 */
export const filterOperandsPlugin = (getStrapi: () => Core.Strapi): ApolloServerPlugin => {
  let schemas: ReturnType<typeof schemasOf> | undefined;
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ args, info }) {
              if (!isRecord(args) || (args.filters === undefined && args.sort === undefined))
                return;
              const strapi = getStrapi();
              const { byUid, byFiltersInput } = (schemas ??= schemasOf(strapi));
              const schema = byFiltersInput.get(filtersInputOf(info) ?? '');
              if (!schema) return;
              const getModel = (uid: string) => byUid.get(uid);
              if (args.sort !== undefined) checkSort(args.sort, schema, getModel);
              if (args.filters === undefined) return;
              const { mappers } = strapi.plugin('graphql').service('utils');
              const filters: unknown = mappers.graphQLFiltersToStrapiQuery(args.filters, schema);
              checkFilters(asQueryText(filters), schema, getModel);
            },
          };
        },
      };
    },
  };
};
