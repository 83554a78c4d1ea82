import type { Core } from '@strapi/strapi';

import { corsOrigins } from '../src/security/cors';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    // An allow-list, for /api and /graphql alike (the GraphQL plugin's own CORS is off in config/plugins.ts).
    config: { origin: corsOrigins(env.array('CORS_ORIGINS', []), env('PUBLIC_URL', '')), credentials: true },
  },
  'strapi::poweredBy',
  'strapi::query',
  'global::pagination-guard',
  'global::closed-auth',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
