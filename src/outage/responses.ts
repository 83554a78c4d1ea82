import type { Context } from 'koa';

import { errorBody } from '../http/error-body';

import type { OutageConfig } from './database-monitor';

/** Readiness (can this instance serve requests now?), next to Strapi's `/_health` (is the process alive?). */
export const READINESS_PATH = '/_ready';

/** 503 in Strapi's error shape, with the Retry-After a client or load balancer should honour. */
export const answerUnavailable = (ctx: Context, config: OutageConfig) => {
  ctx.status = 503;
  ctx.set('Retry-After', String(config.retryAfterSeconds));
  ctx.body = errorBody(
    503,
    'ServiceUnavailableError',
    'The database is unavailable; try again later',
    {
      retryAfterSeconds: config.retryAfterSeconds,
    }
  );
};
