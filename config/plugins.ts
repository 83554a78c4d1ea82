import path from 'node:path';
import type { Core } from '@strapi/strapi';

import { graphqlValidationRules, queryCostPlugin } from '../src/security/graphql-limits';

/** GraphQL page sizes, and the caps on one operation (src/security/graphql-limits.ts). */
const graphqlLimits = (env: Core.Config.Shared.ConfigParams['env']) => ({
  defaultLimit: 25,
  maxLimit: 100,
  maxAliases: env.int('GRAPHQL_MAX_ALIASES', 15),
  maxCost: env.int('GRAPHQL_MAX_COST', 20000),
});

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: ['image/*', 'application/pdf'],
        deniedTypes: ['image/svg+xml'],
      },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // Caps keep one anonymous query from walking the whole unit tree or paging everything at once.
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 8),
      defaultLimit: graphqlLimits(env).defaultLimit,
      maxLimit: graphqlLimits(env).maxLimit,
      landingPage: env('NODE_ENV') !== 'production',
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', true),
        // Added to Strapi's depth limit: closed account mutations, an alias cap and a cost cap (fields × page sizes).
        validationRules: graphqlValidationRules(graphqlLimits(env)),
        plugins: [queryCostPlugin(graphqlLimits(env))],
        // CORS is the app's strapi::cors allow-list (config/middlewares.ts); the plugin's own would answer any Origin.
        cors: false,
      },
    },
  },
  insights: {
    enabled: true,
    // Relative to this file: the sources for the admin build, dist/src/plugins/insights once compiled.
    resolve: path.join(__dirname, '..', 'src', 'plugins', 'insights'),
    config: {
      trackableTypes: {
        article: 'api::article.article',
        // meeting: 'api::meeting.meeting',
      },
      dedupWindowMinutes: env.int('INSIGHTS_DEDUP_WINDOW_MINUTES', 30),
      trustedProxies: env.array('INSIGHTS_TRUSTED_PROXIES', []),
      rateLimit: {
        windowSeconds: env.int('INSIGHTS_RATE_LIMIT_WINDOW_SECONDS', 60),
        maxHits: env.int('INSIGHTS_RATE_LIMIT_MAX_HITS', 60),
      },
      benchRoutes: env.bool('INSIGHTS_BENCH_ROUTES', false),
    },
  },
});

export default config;
