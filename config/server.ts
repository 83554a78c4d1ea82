import type { Core } from '@strapi/strapi';

import { boolean, integer, requiredList, text, url } from './lib/settings';

const config = (): Core.Config.Server => ({
  host: text('HOST', '0.0.0.0'),
  port: integer('PORT', 1337, 1, 65535),
  url: url('PUBLIC_URL', ''),
  app: {
    keys: requiredList('APP_KEYS'),
  },
  logger: {
    updates: { enabled: boolean('UPDATE_NOTIFICATIONS', false) },
  },
  webhooks: {
    populateRelations: boolean('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});

export default config;
