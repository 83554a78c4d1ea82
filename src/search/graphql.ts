import type { Core } from '@strapi/strapi';

import { parseSearchParams } from './input';
import { search } from './service';

type Nexus = typeof import('nexus');

/** GraphQL args as the REST query string, so both answer bad input with the same 400. */
const asQuery = (args: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(args)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)])
  );

/** `search(q, type, locale, page, pageSize)`: the REST search's hits and pagination. */
export const registerSearchGraphql = (strapi: Core.Strapi) => {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: [
        nexus.objectType({
          name: 'SearchHit',
          definition(t) {
            t.nonNull.string('type');
            t.nonNull.string('documentId');
            t.nonNull.string('locale');
            t.nonNull.string('title');
            t.string('slug');
            t.nonNull.string('snippet', { description: 'HTML-escaped text, matches in <mark>' });
            t.nonNull.float('score');
          },
        }),
        nexus.objectType({
          name: 'SearchPagination',
          definition(t) {
            t.nonNull.int('page');
            t.nonNull.int('pageSize');
            t.nonNull.int('pageCount');
            t.nonNull.int('total');
          },
        }),
        nexus.objectType({
          name: 'SearchResult',
          definition(t) {
            t.nonNull.list.nonNull.field('hits', { type: 'SearchHit' });
            t.nonNull.field('pagination', { type: 'SearchPagination' });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t) {
            t.nonNull.field('search', {
              type: 'SearchResult',
              args: {
                q: nexus.nonNull(nexus.stringArg()),
                type: nexus.list(nexus.nonNull(nexus.stringArg())),
                locale: nexus.stringArg(),
                page: nexus.intArg(),
                pageSize: nexus.intArg(),
              },
              resolve: async (_parent: unknown, args: Record<string, unknown>) => {
                const { data, meta } = await search(strapi, parseSearchParams(asQuery(args)));
                return { hits: data, pagination: meta.pagination };
              },
            });
          },
        }),
      ],
      resolversConfig: { 'Query.search': { auth: { scope: ['api::search.search.find'] } } },
    }));
};
