import type { Core, UID } from '@strapi/strapi';
import DataLoader from 'dataloader';

import { insightsConfig } from '../config';
import { argsAsQuery } from '../input';
import { service, type Services } from '../services';
import type { RecordQuery } from './services/commendations';
import { formsOf } from './model';
import { parseCommendationQuery } from './validation';

type Nexus = typeof import('nexus');
type Entity = { documentId?: unknown; locale?: unknown };
type Commendations = ReturnType<Services['commendations']>;
type UnitRecord = Awaited<ReturnType<Commendations['forUnits']>>[number];

/**
 * One loader per request and per (arguments, locale): the units of a list asking the same are answered by one
 * call for all of them, whose number of queries does not grow with the list (GraphQL would otherwise run the
 * whole record once per unit).
 */
const loaders = new WeakMap<object, Map<string, DataLoader<string, UnitRecord>>>();
const unitLoader = (
  context: object,
  query: RecordQuery,
  locale: string,
  load: (roots: string[]) => Promise<UnitRecord[]>
) => {
  const perRequest = loaders.get(context) ?? new Map<string, DataLoader<string, UnitRecord>>();
  loaders.set(context, perRequest);
  const key = JSON.stringify([query, locale]);
  const loader =
    perRequest.get(key) ?? new DataLoader((roots: readonly string[]) => load([...roots]));
  perRequest.set(key, loader);
  return loader;
};

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
    sort: nexus.stringArg({ description: 'date:desc (default), date:asc, form:asc, form:desc' }),
    page: nexus.intArg(),
    pageSize: nexus.intArg({ description: 'at most 100, default 25' }),
  };
  const { include: _include, ...personArgs } = args;
  /** The unit's record through the request's loader; `summary` needs all of it, `commendations` one page. */
  const unitRecord = async (parent: Entity, input: Record<string, unknown>, context: object) => {
    const { unit: root, locale: _locale, ...query } = parse(parent, input);
    const locale = await localeOf(parent);
    return unitLoader(context, query, locale, (roots) =>
      commendations().forUnits(roots, query, locale)
    ).load(root);
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
      name: 'InsightsPosition',
      definition(t) {
        t.nonNull.string('title');
        t.field('unit', { type: 'InsightsRef' });
      },
    }),
    nexus.objectType({
      name: 'InsightsRecipientCount',
      definition(t) {
        t.nonNull.int('collectives');
        t.nonNull.int('individuals');
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
        t.string('decisionDatePrecision', { description: 'day, month or year' });
        t.string('day', { description: 'first possible day of the award (the date sort key)' });
        t.nonNull.string('direction', {
          description: 'issued (by a unit of the record) or received; never both',
        });
        t.nonNull.field('recipients', {
          type: 'InsightsRecipientCount',
          description: 'issued: all its recipients; received: those in the record',
        });
        t.list.nonNull.string('relations', {
          description: 'issued, collective, individual_member, counted (unit records)',
        });
        t.list.nonNull.field('members', { type: 'InsightsMember' });
        t.list.nonNull.field('positions', {
          type: 'InsightsPosition',
          description: 'Every position the person held on its dates (Official records)',
        });
      },
    }),
    nexus.objectType({
      name: 'InsightsSummary',
      definition(t) {
        t.nonNull.int('receivedTotal');
        t.nonNull.int('receivedCollectives');
        t.nonNull.int('receivedIndividuals');
        t.nonNull.field('receivedByForm', { type: 'JSON' });
        t.nonNull.int('issuedTotal');
        t.nonNull.int('issuedCollectives');
        t.nonNull.int('issuedIndividuals');
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
          resolve: async (parent: Entity, input: Record<string, unknown>, context: object) =>
            (await unitRecord(parent, input, context)).data,
        });
        t.nonNull.field('insightsSummary', {
          type: 'InsightsSummary',
          args: { include: args.include, from: args.from, to: args.to },
          resolve: async (parent: Entity, input: Record<string, unknown>, context: object) => {
            const { meta, units } = await unitRecord(parent, input, context);
            const { received, issued } = meta.totals;
            const views = await commendations().viewsOf(units, await localeOf(parent));
            return {
              receivedTotal: received.decisions,
              receivedCollectives: received.collectives,
              receivedIndividuals: received.individuals,
              receivedByForm: received.byForm,
              issuedTotal: issued.decisions,
              issuedCollectives: issued.collectives,
              issuedIndividuals: issued.individuals,
              issuedByForm: issued.byForm,
              viewsTotal: views.total,
              viewsLast30Days: views.last30Days,
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
          args: personArgs,
          resolve: async (parent: Entity, input: Record<string, unknown>) => {
            const { unit: official, include: _include, ...query } = parse(parent, input);
            return (await commendations().forPerson(official, query, await localeOf(parent))).data;
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
          auth: { scope: ['plugin::insights.commendations.forPerson'] },
        },
      },
    }));
};
