import type { Core } from '@strapi/strapi';

import { registerCommendationsGraphql } from './commendations/graphql';
import { checkConfiguredModels } from './config';
import { registerViewsGraphql } from './views/graphql';
import { forgetDeletedMiddleware, viewCountsMiddleware } from './views/middlewares';

/**
 * Document Service middlewares hold for the admin, REST, GraphQL and scripts alike. Plugins register before the
 * app, so these two run outside the app's rules: viewCount is added to what a read returns, and a deleted
 * document's counts are forgotten after its write committed (with a transaction of their own). The award rules
 * are registered at bootstrap instead (see bootstrap.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  checkConfiguredModels(strapi);
  for (const middleware of [viewCountsMiddleware, forgetDeletedMiddleware]) strapi.documents.use(middleware(strapi));
  registerViewsGraphql(strapi);
  registerCommendationsGraphql(strapi);
};
