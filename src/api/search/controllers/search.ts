import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { parseSearchParams } from '../../../search/input';
import { search } from '../../../search/service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await search(strapi, parseSearchParams(ctx.query));
  },
});
