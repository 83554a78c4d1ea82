import type { Core } from '@strapi/strapi';

import { intOrDefault } from '../src/utils/env';

/** Behaviour during a database outage (src/outage, src/middlewares/database-outage.ts). */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  retryAfterSeconds: intOrDefault(env, 'OUTAGE_RETRY_AFTER_SECONDS', 5),
  probeTimeoutMs: intOrDefault(env, 'DATABASE_PROBE_TIMEOUT_MS', 1000),
  recheckAfterMs: intOrDefault(env, 'DATABASE_RECHECK_AFTER_MS', 1000),
});

export default config;
