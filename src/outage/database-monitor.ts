import type { Core } from '@strapi/strapi';

export type OutageConfig = {
  /** Seconds a client is told to wait (Retry-After) when the database is down. */
  retryAfterSeconds: number;
  /** A probe that has not answered within this time counts as "database down". */
  probeTimeoutMs: number;
  /** While the database is known to be down, requests are refused without trying it for this long after a probe. */
  recheckAfterMs: number;
};

type Probe = { up: boolean; at: number };

export type DatabaseMonitor = {
  config: () => OutageConfig;
  /** Asks the database (`select 1`), sharing one probe among concurrent callers; resolves, never rejects. */
  probe: () => Promise<boolean>;
  /**
   * False while the last probe found the database down and is recent enough to trust (refuse without trying
   * it); once stale, probes again. True without a query while the database was last seen up.
   */
  available: () => Promise<boolean>;
  /** A request (e.g. "GET /api/articles") failed because the database could not be reached: keep the cause for the log and probe. */
  reportFailure: (cause: unknown, request: string) => void;
};

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

const timeout = (ms: number) =>
  new Promise<never>((_resolve, reject) => {
    setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref();
  });

/**
 * Tracks whether the database answers. The state changes only on a probe, and each change is logged once
 * (outage with its cause and stack, recovery with its duration), so an outage does not flood the log.
 */
const createMonitor = (strapi: Core.Strapi): DatabaseMonitor => {
  const config = (): OutageConfig => strapi.config.get('outage');
  let last: Probe = { up: true, at: 0 };
  let downSince: number | null = null;
  let cause: { error: unknown; request: string } | null = null;
  let running: Promise<boolean> | null = null;

  const settle = (up: boolean, error: unknown) => {
    last = { up, at: Date.now() };
    if (!up && downSince === null) {
      downSince = last.at;
      const seen = cause ? ` (first seen on ${cause.request})` : '';
      strapi.log.error(
        `Database unreachable: answering 503 until it is back${seen}. Cause: ${describe(cause ? cause.error : error)}`
      );
    } else if (up && downSince !== null) {
      strapi.log.warn(
        `Database reachable again after ${Math.round((last.at - downSince) / 1000)} s: serving requests`
      );
      downSince = null;
    } else if (up && cause !== null) {
      strapi.log.warn(
        `${cause.request} could not use the database (answered 503), which answers again. Cause: ${describe(cause.error)}`
      );
    }
    if (up) cause = null;
    return up;
  };

  const probe = () => {
    // The query may keep waiting for a connection after the timeout; the next probe does not wait for it.
    running ??= Promise.race([
      strapi.db.connection.raw('select 1'),
      timeout(config().probeTimeoutMs),
    ])
      .then(
        () => settle(true, null),
        (error: unknown) => settle(false, error)
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    config,
    probe,
    available: async () => last.up || (Date.now() - last.at >= config().recheckAfterMs && probe()),
    reportFailure: (error, request) => {
      cause ??= { error, request };
      void probe();
    },
  };
};

const monitors = new WeakMap<Core.Strapi, DatabaseMonitor>();

/** The app's one monitor, shared by the outage middleware and the readiness route. */
export const databaseMonitor = (strapi: Core.Strapi): DatabaseMonitor => {
  const existing = monitors.get(strapi);
  if (existing) return existing;
  const created = createMonitor(strapi);
  monitors.set(strapi, created);
  return created;
};
