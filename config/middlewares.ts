import type { Core } from '@strapi/strapi';

import { corsOrigins } from '../src/security/cors';
import { list, text } from './lib/settings';

const config = (): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // Right inside strapi::errors: sees a request's database error before it becomes a logged 500.
  'global::database-outage',
  // Around the router: its 405 for a method a path does not take, in Strapi's error shape.
  'global::method-not-allowed',
  'strapi::security',
  {
    name: 'strapi::cors',
    // An allow-list, for /api and /graphql alike (the GraphQL plugin's own CORS is off in config/plugins.ts).
    config: {
      origin: corsOrigins(list('CORS_ORIGINS'), text('PUBLIC_URL', '')),
      credentials: true,
    },
  },
  'global::cors-without-origin',
  'strapi::poweredBy',
  // Responses over 1 KB, br or gzip as the client asks (koa-compress; brotli at quality 4).
  'strapi::compression',
  {
    name: 'strapi::query',
    // Strapi's limits (depth 20, 100 items a list, 1000 parameters), but a query past them is refused (400,
    // global::query-guard) instead of qs keeping the rest as one literal key or turning a list into an object.
    config: {
      depth: 20,
      arrayLimit: 100,
      parameterLimit: 1000,
      strictDepth: true,
      throwOnLimitExceeded: true,
    },
  },
  'global::query-guard',
  // After qs's limits are checked; takes `fallbackLocale` out of the query before Strapi's strict parameter checks.
  'global::fallback-locale',
  'global::pagination-guard',
  'global::closed-auth',
  // Around both body parsers: a body they cannot read is a 400 in Strapi's error shape, not a logged error.
  'global::unreadable-body',
  // Before strapi::body: the view beacon (POST /api/insights/views) is answered here, with its own body parser
  // that stops reading at the beacon's size limit; the rest of the stack and the router are not needed for a hit.
  'plugin::insights.beacon',
  'strapi::body',
  'global::body-guard',
  // After the guards and the body parser (GraphQL queries are keyed by their body); before routing, so a hit
  // skips permissions, controllers and the database.
  'global::response-cache',
  // Inside the cache, so cached answers carry absolute media URLs too.
  'global::media',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
