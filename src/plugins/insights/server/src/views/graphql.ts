import type { Core, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import { attachViewCounts } from './middlewares';
import { parseCommendationQuery } from '../commendations/validation';
import { parseRankingQuery, RANK_PERIODS } from './validation';

type Parent = { documentId?: unknown; locale?: unknown; viewCount?: number };

/**
 * GraphQL: `viewCount` on every trackable type and a `topViewed` query. Entries from top-level queries carry
 * viewCount already (one query per page); entries reached through relations are counted in one batch per tick.
 */
export const registerGraphql = (strapi: Core.Strapi) => {
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
                resolve: (parent: Parent) => (typeof parent.viewCount === 'number' ? parent.viewCount : countLater(uid, parent)),
              });
            },
          })
        ),
        ...commendationTypes(strapi, nexus),
        nexus.objectType({
          name: 'InsightsTopViewed',
          definition(t) {
            t.nonNull.string('documentId');
            t.nonNull.string('title');
            t.string('slug');
            t.nonNull.int('views');
          },
        }),
        nexus.enumType({ name: 'InsightsPeriod', members: [...RANK_PERIODS] }),
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
                limit: nexus.intArg(),
              },
              resolve: async (_parent: unknown, args: Record<string, unknown>) => {
                // The same rules as the REST query string, so both answer bad input alike.
                const asQuery = Object.entries(args).filter(([, value]) => value !== undefined && value !== null);
                const query = parseRankingQuery(Object.fromEntries(asQuery.map(([key, value]) => [key, String(value)])), Object.keys(trackableTypes));
                return (await strapi.plugin('insights').service('rankings').top(query)).entries;
              },
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.topViewed': { auth: { scope: ['plugin::insights.views.ranking'] } },
        'Organization.commendations': { auth: { scope: ['plugin::insights.commendations.forUnit'] } },
        'Organization.insightsSummary': { auth: { scope: ['plugin::insights.commendations.summary'] } },
        'Official.commendations': { auth: { scope: ['plugin::insights.commendations.forUnit'] } },
      },
    }));
};

type Nexus = typeof import('nexus');
type Entity = { documentId?: unknown; locale?: unknown };

/** GraphQL args → the REST query string the same validation reads, so both answer bad input alike. */
const asQuery = (args: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(args)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)])
  );

/** `commendations` and `insightsSummary` on Organization, `commendations` on Official. */
const commendationTypes = (strapi: Core.Strapi, nexus: Nexus) => {
  const service = () => strapi.plugin('insights').service('commendations');
  const localeOf = (parent: Entity) => (typeof parent.locale === 'string' ? parent.locale : strapi.plugin('insights').service('documents').resolveLocale(undefined));
  const args = {
    include: nexus.list(nexus.nonNull(nexus.stringArg())),
    from: nexus.intArg(),
    to: nexus.intArg(),
    form: nexus.stringArg(),
    status: nexus.stringArg(),
  };
  return [
    nexus.objectType({
      name: 'InsightsRef',
      definition(t) {
        t.nonNull.string('documentId');
        t.nonNull.string('name');
      },
    }),
    nexus.objectType({
      name: 'InsightsMember',
      definition(t) {
        t.nonNull.string('official');
        t.nonNull.string('fullName');
        t.nonNull.string('position');
        t.nonNull.string('unit');
      },
    }),
    nexus.objectType({
      name: 'InsightsCommendation',
      definition(t) {
        t.nonNull.string('documentId');
        t.nonNull.string('title');
        t.string('slug');
        t.nonNull.string('form');
        t.string('decisionNumber');
        t.string('decisionDate');
        t.int('year');
        t.nonNull.string('awardStatus');
        t.nonNull.boolean('revoked');
        t.field('issuer', { type: 'InsightsRef' });
        t.list.nonNull.string('relations', { description: 'issued, collective, individual_member (unit records)' });
        t.list.nonNull.field('members', { type: 'InsightsMember' });
        t.string('position', { description: 'The position the person held then (Official records)' });
        t.field('unit', { type: 'InsightsRef', description: 'The unit the person served in then (Official records)' });
      },
    }),
    nexus.objectType({
      name: 'InsightsSummary',
      definition(t) {
        t.nonNull.int('receivedTotal');
        t.nonNull.field('receivedByForm', { type: 'JSON' });
        t.nonNull.int('issuedTotal');
        t.nonNull.field('issuedByForm', { type: 'JSON' });
        t.nonNull.int('viewsTotal');
        t.nonNull.int('viewsLast30Days');
      },
    }),
    nexus.extendType({
      type: 'Organization',
      definition(t) {
        t.nonNull.list.nonNull.field('commendations', {
          type: 'InsightsCommendation',
          args,
          resolve: async (parent: Entity, input: Record<string, unknown>) =>
            (await service().forUnit(parseCommendationQuery(parent.documentId, asQuery(input)), await localeOf(parent))).data,
        });
        t.nonNull.field('insightsSummary', {
          type: 'InsightsSummary',
          args: { include: args.include },
          resolve: async (parent: Entity, input: Record<string, unknown>) => {
            const { data } = await service().summary(parseCommendationQuery(parent.documentId, asQuery(input)), await localeOf(parent));
            return {
              receivedTotal: data.received.total,
              receivedByForm: data.received.byForm,
              issuedTotal: data.issued.total,
              issuedByForm: data.issued.byForm,
              viewsTotal: data.views.total,
              viewsLast30Days: data.views.last30Days,
            };
          },
        });
      },
    }),
    nexus.extendType({
      type: 'Official',
      definition(t) {
        t.nonNull.list.nonNull.field('commendations', {
          type: 'InsightsCommendation',
          args: { from: args.from, to: args.to, form: args.form, status: args.status },
          resolve: async (parent: Entity, input: Record<string, unknown>) => {
            const { unit, include, ...query } = parseCommendationQuery(parent.documentId, asQuery(input));
            return service().forPerson(unit, query, await localeOf(parent));
          },
        });
      },
    }),
  ];
};
