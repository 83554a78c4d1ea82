import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  {
    name: 'strapi::query',
    // Strapi's limits (depth 20, 100 items a list, 1000 parameters), but a query past them is refused (400,
    // global::query-guard) instead of qs keeping the rest as one literal key or turning a list into an object.
    config: { depth: 20, arrayLimit: 100, parameterLimit: 1000, strictDepth: true, throwOnLimitExceeded: true },
  },
  'global::query-guard',
  'global::pagination-guard',
  // Before strapi::body: the view beacon's own parser, which stops reading at the beacon's size limit.
  'plugin::insights.beacon-body',
  'strapi::body',
  'global::body-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
