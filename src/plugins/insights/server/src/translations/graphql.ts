import type { Core } from '@strapi/strapi';

import { argsAsQuery } from '../input';
import { service } from '../services';
import { parseDocumentId, parseListQuery, parseType } from './validation';

type Nexus = typeof import('nexus');

const stateTypes = (nexus: Nexus) => [
  nexus.objectType({
    name: 'InsightsChangedField',
    definition(t) {
      t.nonNull.string('field');
      // JSON lists of text units, not GraphQL lists: the cost cap counts a nested list as a full page of rows.
      t.nonNull.field('before', {
        type: 'JSON',
        description: 'The source text when last translated, one string per paragraph or item',
      });
      t.nonNull.field('after', { type: 'JSON', description: 'The source text now' });
    },
  }),
  nexus.objectType({
    name: 'InsightsLocaleState',
    definition(t) {
      t.nonNull.string('locale');
      t.nonNull.string('state', { description: 'missing, outdated or current' });
      t.nonNull.list.nonNull.field('changedFields', { type: 'InsightsChangedField' });
      t.nonNull.field('missingFields', { type: 'JSON' });
      t.float('savedAt');
    },
  }),
  nexus.objectType({
    name: 'InsightsTranslationStates',
    definition(t) {
      t.nonNull.string('documentId');
      t.nonNull.string('sourceLocale');
      t.nonNull.list.nonNull.field('locales', { type: 'InsightsLocaleState' });
    },
  }),
  nexus.objectType({
    name: 'InsightsTranslationRow',
    definition(t) {
      t.nonNull.string('type');
      t.nonNull.string('documentId');
      t.nonNull.string('locale');
      t.nonNull.string('label');
      t.nonNull.string('state');
      t.nonNull.list.nonNull.string('changedFields');
      t.nonNull.list.nonNull.string('missingFields');
    },
  }),
];

/**
 * GraphQL: `translationStates(type, documentId)` and `translations(type, locale, state, page, pageSize)`, with the
 * REST routes' validation and scopes (an API token; the public role is not granted them).
 */
export const registerTranslationsGraphql = (strapi: Core.Strapi) => {
  if (!strapi.plugin('graphql')) return;
  const states = () => service(strapi, 'translationStates');
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: [
        ...stateTypes(nexus),
        nexus.extendType({
          type: 'Query',
          definition(t) {
            t.nonNull.field('translationStates', {
              type: 'InsightsTranslationStates',
              args: {
                type: nexus.nonNull(nexus.stringArg()),
                documentId: nexus.nonNull(nexus.stringArg()),
              },
              resolve: (_parent: unknown, args: { type: string; documentId: string }) =>
                states().forDocument(
                  parseType(args.type, states().types()),
                  parseDocumentId(args.documentId)
                ),
            });
            t.nonNull.list.nonNull.field('translations', {
              type: 'InsightsTranslationRow',
              args: {
                type: nexus.stringArg(),
                locale: nexus.stringArg(),
                state: nexus.list(nexus.nonNull(nexus.stringArg())),
                page: nexus.intArg(),
                pageSize: nexus.intArg(),
              },
              resolve: async (_parent: unknown, args: Record<string, unknown>) =>
                (await states().list(parseListQuery(argsAsQuery(args), states().types()))).data,
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.translationStates': { auth: { scope: ['plugin::insights.translations.document'] } },
        'Query.translations': { auth: { scope: ['plugin::insights.translations.list'] } },
      },
    }));
};
