import type { Core } from '@strapi/strapi';

import { registerGraphql } from './views/graphql';
import { forgetDeletedMiddleware, viewCountsMiddleware } from './views/middlewares';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(viewCountsMiddleware(strapi));
  strapi.documents.use(forgetDeletedMiddleware(strapi));
  registerGraphql(strapi);
};
