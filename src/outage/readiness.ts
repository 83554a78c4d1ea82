import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { databaseMonitor } from './database-monitor';
import { READINESS_PATH } from './responses';

/**
 * `GET /_ready`: 200 `{ status: 'ready', database: 'up' }` when the database answers `select 1` within the
 * probe timeout, else 503 `{ status: 'unavailable', database: 'down' }` with Retry-After, for load balancers
 * and orchestrators. It asks the database on every call (concurrent calls share one probe).
 */
export const registerReadinessRoute = (strapi: Core.Strapi) => {
  const monitor = databaseMonitor(strapi);
  strapi.server.router.get(READINESS_PATH, async (ctx: Context) => {
    const up = await monitor.probe();
    ctx.set('Cache-Control', 'no-store');
    if (!up) ctx.set('Retry-After', String(monitor.config().retryAfterSeconds));
    ctx.status = up ? 200 : 503;
    ctx.body = up
      ? { status: 'ready', database: 'up' }
      : { status: 'unavailable', database: 'down' };
  });
};
