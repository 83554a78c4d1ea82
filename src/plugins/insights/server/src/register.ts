import type { Core } from '@strapi/strapi';

import { registerGraphql } from './graphql';
import { forgetDeletedMiddleware, viewCountsMiddleware } from './view-counts';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(viewCountsMiddleware(strapi));
  strapi.documents.use(forgetDeletedMiddleware(strapi));
  registerGraphql(strapi);
};
