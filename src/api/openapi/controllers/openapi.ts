import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { openApiDocument } from '../../../openapi/document';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Built once per start: the schemas and the plugin's configuration do not change while the app runs.
  let document: ReturnType<typeof openApiDocument> | undefined;
  return {
    document(ctx: Context) {
      document ??= openApiDocument(strapi);
      ctx.body = document;
    },
  };
};
