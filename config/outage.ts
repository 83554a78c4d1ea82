import { integer } from './lib/settings';

/** Behaviour during a database outage (src/outage, src/middlewares/database-outage.ts). */
const config = () => ({
  retryAfterSeconds: integer('OUTAGE_RETRY_AFTER_SECONDS', 5, 1, 3600),
  probeTimeoutMs: integer('DATABASE_PROBE_TIMEOUT_MS', 1000, 1, 60_000),
  recheckAfterMs: integer('DATABASE_RECHECK_AFTER_MS', 1000, 1, 60_000),
});

export default config;
