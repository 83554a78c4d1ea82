import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { isConnectionError } from '../outage/connection-errors';
import { databaseMonitor, type DatabaseMonitor } from '../outage/database-monitor';
import { answerUnavailable, READINESS_PATH } from '../outage/responses';

/** Requests that never need the database: liveness, readiness, and files (uploads, admin assets, favicon). */
const needsNoDatabase = (ctx: Context) =>
  ctx.path === '/_health' ||
  ctx.path === READINESS_PATH ||
  (['GET', 'HEAD'].includes(ctx.method) && /\.[a-z0-9]+$/i.test(ctx.path));

/**
 * Answers that may hide a database failure: users-permissions turns any error while loading the role into 401,
 * Apollo turns a resolver's error into a 200 whose body lists an INTERNAL_SERVER_ERROR.
 */
const maySwallowFailure = (ctx: Context, graphqlPath: string) =>
  ctx.status === 401 ||
  (ctx.status >= 500 && ctx.status !== 503) ||
  (ctx.path === graphqlPath &&
    typeof ctx.body === 'string' &&
    ctx.body.includes('"INTERNAL_SERVER_ERROR"'));

/** Errors Strapi answers with 401 or 500: the ones a failed database call may have become. 4xx of the request's own making are not. */
const mayHideFailure = (error: unknown) =>
  error instanceof errors.UnauthorizedError ||
  !(error instanceof errors.ApplicationError || error instanceof errors.HttpError);

const refuseOrRethrow = async (ctx: Context, monitor: DatabaseMonitor, error: unknown) => {
  if (isConnectionError(error)) {
    monitor.reportFailure(error, `${ctx.method} ${ctx.path}`);
    return answerUnavailable(ctx, monitor.config());
  }
  // An error not recognised as a connection error may still be one: the database's answer decides.
  if (mayHideFailure(error) && !(await monitor.probe())) {
    monitor.reportFailure(error, `${ctx.method} ${ctx.path}`);
    return answerUnavailable(ctx, monitor.config());
  }
  throw error;
};

/**
 * During a database outage every request that needs the database gets 503 + Retry-After in Strapi's error
 * shape, never the 401 or 500 the failure would otherwise become. Placed right after `strapi::errors`, so it
 * sees the original error (and the outage is logged once by the monitor, not once per request). Once a probe
 * has found the database down, requests are refused at once instead of each waiting for a connection, until
 * the next probe (at most `recheckAfterMs` later) finds it back: recovery needs no restart.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const monitor = databaseMonitor(strapi);
  const graphqlPath: string = strapi.config.get('plugin::graphql.endpoint', '/graphql');

  return async (ctx, next) => {
    if (needsNoDatabase(ctx)) return next();
    if (!(await monitor.available())) return answerUnavailable(ctx, monitor.config());
    try {
      await next();
    } catch (error) {
      return refuseOrRethrow(ctx, monitor, error);
    }
    if (maySwallowFailure(ctx, graphqlPath) && !(await monitor.probe())) {
      monitor.reportFailure(
        `answered ${ctx.status}, and the database does not answer`,
        `${ctx.method} ${ctx.path}`
      );
      answerUnavailable(ctx, monitor.config());
    }
  };
};
