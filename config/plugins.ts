import path from 'node:path';
import type { Core } from '@strapi/strapi';

import { formatGraphqlError } from '../src/graphql/format-error';

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
      defaultLimit: 25,
      maxLimit: 100,
      landingPage: env('NODE_ENV') !== 'production',
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', true),
        // Runs the depth limit (and any other custom rule) only after GraphQL's own validation passed: the
        // depth rule recurses forever on fragment cycles and crashes on unknown fragments (500), which the
        // standard rules answer with a 400. Also caps selections walked through fragments (Apollo's default).
        maxRecursiveSelections: true,
        // Configuration is read before Strapi exists: the formatter looks the logger up when an error happens.
        formatError: formatGraphqlError(() => strapi.log),
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
