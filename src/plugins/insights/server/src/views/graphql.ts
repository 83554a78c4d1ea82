import type { Core, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import { attachViewCounts } from './middlewares';
import { RANK_PERIODS } from '../clock';
import { parseRankingQuery } from './validation';
import { argsAsQuery } from '../input';
import { service } from '../services';

const graphqlPeriodName = (period: string) => (/^\d/.test(period) ? `last${period}` : period);

type Parent = { documentId?: unknown; locale?: unknown; viewCount?: number };

/**
 * GraphQL: `viewCount` on every trackable type and a `topViewed` query. Entries from top-level queries carry
 * viewCount already (one query per page); entries reached through relations are counted in one batch per tick.
 */
export const registerViewsGraphql = (strapi: Core.Strapi) => {
  if (!strapi.plugin('graphql')) return;
  const { trackableTypes } = insightsConfig(strapi);
  const naming = strapi.plugin('graphql').service('utils').naming;

  const pending = new Map<UID.ContentType, { parents: Parent[]; done: Promise<void> }>();
  const countLater = (uid: UID.ContentType, parent: Parent) => {
    let batch = pending.get(uid);
    if (!batch) {
      const parents: Parent[] = [];
      const done = Promise.resolve().then(() => {
        pending.delete(uid);
        return attachViewCounts(strapi, uid, parents);
      });
      batch = { parents, done };
      pending.set(uid, batch);
    }
    batch.parents.push(parent);
    return batch.done.then(() => parent.viewCount ?? 0);
  };

  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: typeof import('nexus') }) => ({
      types: [
        ...Object.values(trackableTypes).map((uid) =>
          nexus.extendType({
            type: naming.getTypeName(strapi.getModel(uid)),
            definition(t) {
              t.nonNull.int('viewCount', {
                description: 'Views in this entry’s locale (insights plugin)',
                resolve: (parent: Parent) =>
                  typeof parent.viewCount === 'number' ? parent.viewCount : countLater(uid, parent),
              });
            },
          })
        ),
        nexus.objectType({
          name: 'InsightsCardCover',
          definition(t) {
            t.nonNull.string('url');
            t.string('alternativeText');
            t.int('width');
            t.int('height');
          },
        }),
        nexus.objectType({
          name: 'InsightsCardUnit',
          definition(t) {
            t.nonNull.string('documentId');
            t.nonNull.string('name');
            t.string('slug');
          },
        }),
        nexus.objectType({
          name: 'InsightsTopViewed',
          definition(t) {
            t.nonNull.string('documentId');
            t.nonNull.string('locale');
            t.nonNull.string('title');
            t.string('slug');
            t.string('publishedDate');
            t.field('cover', { type: 'InsightsCardCover' });
            t.field('organization', { type: 'InsightsCardUnit' });
            t.nonNull.int('views');
          },
        }),
        // GraphQL names cannot start with a digit: the rolling windows are last24h, last7d, last30d.
        nexus.enumType({
          name: 'InsightsPeriod',
          members: RANK_PERIODS.map((period) => ({
            name: graphqlPeriodName(period),
            value: period,
          })),
        }),
        nexus.extendType({
          type: 'Query',
          definition(t) {
            t.nonNull.list.nonNull.field('topViewed', {
              type: 'InsightsTopViewed',
              args: {
                type: nexus.stringArg(),
                period: nexus.arg({ type: 'InsightsPeriod' }),
                locale: nexus.stringArg(),
                organization: nexus.idArg(),
                include: nexus.list(nexus.nonNull(nexus.stringArg())),
                limit: nexus.intArg(),
              },
              resolve: async (_parent: unknown, args: Record<string, unknown>) => {
                // The same rules as the REST query string, so both answer bad input alike.
                const query = parseRankingQuery(argsAsQuery(args), Object.keys(trackableTypes));
                return (await service(strapi, 'rankings').top(query)).entries;
              },
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.topViewed': { auth: { scope: ['plugin::insights.views.ranking'] } },
      },
    }));
};
