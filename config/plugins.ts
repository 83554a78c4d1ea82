import path from 'node:path';
import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** Unset or blank means "not set" (Strapi's env.int reads a blank value as NaN, env.array as ['']). */
const isBlank = (env: Env, key: string) => String(env(key, '')).trim() === '';
const intOr = (env: Env, key: string, fallback: number) => (isBlank(env, key) ? fallback : env.int(key, fallback));
const listOr = (env: Env, key: string) => (isBlank(env, key) ? [] : env.array(key, []).filter((item) => item !== ''));

/** The insights plugin's settings from the environment (exported for its test: a pure function of `env`). */
export const insightsConfig = (env: Env) => {
  const dedupWindowMinutes = intOr(env, 'INSIGHTS_DEDUP_WINDOW_MINUTES', 30);
  return {
    trackableTypes: {
      article: 'api::article.article',
      // meeting: 'api::meeting.meeting',
    },
    dedupWindowMinutes,
    trustedProxies: listOr(env, 'INSIGHTS_TRUSTED_PROXIES'),
    rateLimit: {
      windowSeconds: intOr(env, 'INSIGHTS_RATE_LIMIT_WINDOW_SECONDS', 60),
      maxHits: intOr(env, 'INSIGHTS_RATE_LIMIT_MAX_HITS', 60),
    },
    // One client IP, whatever user agents it sends. Defaults sized for a NAT'd school or office: 300 readers of
    // one article per de-dup window, 1200 hits a minute in all (20 a second).
    ipLimit: {
      perDocument: {
        windowSeconds: intOr(env, 'INSIGHTS_IP_DOCUMENT_WINDOW_SECONDS', 60 * dedupWindowMinutes),
        maxHits: intOr(env, 'INSIGHTS_IP_DOCUMENT_MAX_HITS', 300),
      },
      overall: {
        windowSeconds: intOr(env, 'INSIGHTS_IP_WINDOW_SECONDS', 60),
        maxHits: intOr(env, 'INSIGHTS_IP_MAX_HITS', 1200),
      },
    },
    benchRoutes: env.bool('INSIGHTS_BENCH_ROUTES', false),
  };
};

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
      apolloServer: { introspection: env.bool('GRAPHQL_INTROSPECTION', true) },
    },
  },
  insights: {
    enabled: true,
    // Relative to this file: the sources for the admin build, dist/src/plugins/insights once compiled.
    resolve: path.join(__dirname, '..', 'src', 'plugins', 'insights'),
    config: insightsConfig(env),
  },
});

export default config;
