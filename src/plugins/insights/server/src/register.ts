import type { Core } from '@strapi/strapi';

import { registerCommendationsGraphql } from './commendations/graphql';
import { awardIssuerRule } from './commendations/rules/award-issuer';
import { awardRecipientsRule } from './commendations/rules/award-recipients';
import { awardReferencesRule } from './commendations/rules/award-references';
import { checkConfiguredModels } from './config';
import { registerPermissions } from './permissions';
import { registerTranslationsGraphql } from './translations/graphql';
import { translationStatesMiddleware } from './translations/middlewares';
import { registerViewsGraphql } from './views/graphql';
import { listSortMiddleware } from './views/list-sort';
import { forgetDeletedMiddleware, viewCountsMiddleware } from './views/middlewares';

/**
 * Document Service middlewares hold for the admin, REST, GraphQL and scripts alike. Plugins register before the
 * app, so these run outside the app's rules: viewCount is added to what a read returns; a deleted document's
 * counts are forgotten after its write committed (with a transaction of their own); the award rules see the
 * write after i18n (which registers at its bootstrap) has copied the shared counted numbers to the other locales.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  checkConfiguredModels(strapi);
  await registerPermissions(strapi);
  const middlewares = [
    viewCountsMiddleware,
    listSortMiddleware,
    forgetDeletedMiddleware,
    awardRecipientsRule,
    awardIssuerRule,
    awardReferencesRule,
    translationStatesMiddleware,
  ];
  for (const middleware of middlewares) strapi.documents.use(middleware(strapi));
  registerViewsGraphql(strapi);
  registerCommendationsGraphql(strapi);
  registerTranslationsGraphql(strapi);
};
