import type { Core } from '@strapi/strapi';

import { registerCommendationsGraphql } from './commendations/graphql';
import { awardIssuerRule } from './commendations/rules/award-issuer';
import { awardRecipientsRule } from './commendations/rules/award-recipients';
import { awardReferencesRule } from './commendations/rules/award-references';
import { checkConfiguredModels } from './config';
import { registerViewsGraphql } from './views/graphql';
import { forgetDeletedMiddleware, viewCountsMiddleware } from './views/middlewares';

/**
 * Document Service middlewares hold for the admin, REST, GraphQL and scripts alike. Plugins register before the
 * app, so these run before the app's own rules.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  checkConfiguredModels(strapi);
  const middlewares = [
    viewCountsMiddleware,
    forgetDeletedMiddleware,
    awardRecipientsRule,
    awardIssuerRule,
    awardReferencesRule,
  ];
  for (const middleware of middlewares) strapi.documents.use(middleware(strapi));
  registerViewsGraphql(strapi);
  registerCommendationsGraphql(strapi);
};
