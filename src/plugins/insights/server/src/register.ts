import type { Core } from '@strapi/strapi';

import { insightsConfig } from './config';
import { registerGraphql } from './graphql';
import { forgetDeletedMiddleware, viewCountsMiddleware } from './view-counts';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const { routes } = strapi.plugin('insights');
  if (!insightsConfig(strapi).benchRoutes && !Array.isArray(routes)) delete routes.bench;
  strapi.documents.use(viewCountsMiddleware(strapi));
  strapi.documents.use(forgetDeletedMiddleware(strapi));
  registerGraphql(strapi);
};
