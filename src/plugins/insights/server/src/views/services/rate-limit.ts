import type { Core } from '@strapi/strapi';

import { insightsConfig } from '../../config';

/**
 * A fixed-window hit counter per visitor hash, in this instance's memory: it exists to shed floods before they
 * reach the database, so it is per instance by design (N instances allow N × maxHits at most).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = new Map<string, { startedAt: number; hits: number }>();
  const config = () => insightsConfig(strapi);

  return {
    /** Records a hit; false when the visitor is over its budget for the current window. */
    allow(visitor: string, now = Date.now()) {
      const { windowSeconds, maxHits } = config().rateLimit;
      const windowMs = windowSeconds * 1000;
      const current = windows.get(visitor);
      if (!current || now - current.startedAt >= windowMs) {
        if (windows.size > 100_000) {
          for (const [key, value] of windows) if (now - value.startedAt >= windowMs) windows.delete(key);
        }
        windows.set(visitor, { startedAt: now, hits: 1 });
        return true;
      }
      current.hits += 1;
      return current.hits <= maxHits;
    },
  };
};
