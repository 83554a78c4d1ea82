import type { Core, UID } from '@strapi/strapi';

import { insightsConfig } from '../config';
import { argsAsQuery } from '../input';
import { service } from '../services';
import { formsOf } from './model';
import { parseCommendationQuery } from './validation';

type Nexus = typeof import('nexus');
type Entity = { documentId?: unknown; locale?: unknown };

/** `commendations` and `insightsSummary` on the unit type, `commendations` on the person type. */
const commendationTypes = (
  strapi: Core.Strapi,
  nexus: Nexus,
  typeName: (uid: UID.ContentType) => string
) => {
  const { unit, person } = insightsConfig(strapi).commendations;
  const parse = (parent: Entity, input: Record<string, unknown>) =>
    parseCommendationQuery(parent.documentId, argsAsQuery(input), formsOf(strapi));
  const commendations = () => service(strapi, 'commendations');
  const localeOf = (parent: Entity) =>
    typeof parent.locale === 'string' ? parent.locale : service(strapi, 'locales').defaultLocale();
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
        t.list.nonNull.string('relations', {
          description: 'issued, collective, individual_member (unit records)',
        });
        t.list.nonNull.field('members', { type: 'InsightsMember' });
        t.string('position', {
          description: 'The position the person held then (Official records)',
        });
        t.field('unit', {
          type: 'InsightsRef',
          description: 'The unit the person served in then (Official records)',
        });
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
      type: typeName(unit.uid),
      definition(t) {
        t.nonNull.list.nonNull.field('commendations', {
          type: 'InsightsCommendation',
          args,
          resolve: async (parent: Entity, input: Record<string, unknown>) =>
            (await commendations().forUnit(parse(parent, input), await localeOf(parent))).data,
        });
        t.nonNull.field('insightsSummary', {
          type: 'InsightsSummary',
          args: { include: args.include },
          resolve: async (parent: Entity, input: Record<string, unknown>) => {
            const { data } = await commendations().summary(
              parse(parent, input),
              await localeOf(parent)
            );
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
      type: typeName(person.uid),
      definition(t) {
        t.nonNull.list.nonNull.field('commendations', {
          type: 'InsightsCommendation',
          args: { from: args.from, to: args.to, form: args.form, status: args.status },
          resolve: async (parent: Entity, input: Record<string, unknown>) => {
            const { unit: official, include: _include, ...query } = parse(parent, input);
            return commendations().forPerson(official, query, await localeOf(parent));
          },
        });
      },
    }),
  ];
};

/** GraphQL: the unit's and the person's commendations, with the same rules and scopes as the REST routes. */
export const registerCommendationsGraphql = (strapi: Core.Strapi) => {
  if (!strapi.plugin('graphql')) return;
  const { unit, person } = insightsConfig(strapi).commendations;
  const naming = strapi.plugin('graphql').service('utils').naming;
  const typeName = (uid: UID.ContentType): string => naming.getTypeName(strapi.getModel(uid));
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: commendationTypes(strapi, nexus, typeName),
      resolversConfig: {
        [`${typeName(unit.uid)}.commendations`]: {
          auth: { scope: ['plugin::insights.commendations.forUnit'] },
        },
        [`${typeName(unit.uid)}.insightsSummary`]: {
          auth: { scope: ['plugin::insights.commendations.summary'] },
        },
        [`${typeName(person.uid)}.commendations`]: {
          auth: { scope: ['plugin::insights.commendations.forUnit'] },
        },
      },
    }));
};
