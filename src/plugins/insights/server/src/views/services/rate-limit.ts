import type { Core } from '@strapi/strapi';

import { insightsConfig, type Budget } from '../../config';

/** Where one hit comes from: the visitor (IP + user agent), the client IP alone, and the document it names. */
export type HitSource = { visitor: string; client: string; document: string };

/** Refused hits say how long until every spent budget has a new window. */
export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const MAX_KEYS = 100_000;

/**
 * Fixed-window hit counters in this instance's memory: they exist to shed floods before they reach the database,
 * so they are per instance by design (N instances allow N × the budgets at most). The controller only calls
 * `allowHit`, so a shared store (e.g. Redis) can take this service's place.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = new Map<string, { endsAt: number; hits: number }>();

  const forgetEnded = (now: number) => {
    if (windows.size <= MAX_KEYS) return;
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
  };

  /** Charges one hit to a budget; the seconds until its window ends when it is spent, else 0. */
  const charge = (key: string, budget: Budget, now: number) => {
    let window = windows.get(key);
    if (!window || window.endsAt <= now) {
      forgetEnded(now);
      window = { endsAt: now + budget.windowSeconds * 1000, hits: 0 };
      windows.set(key, window);
    }
    window.hits += 1;
    return window.hits <= budget.maxHits ? 0 : Math.max(1, Math.ceil((window.endsAt - now) / 1000));
  };

  return {
    /**
     * Charges a hit to the visitor's budget, its IP's budget for the document and its IP's overall budget (all
     * three, so a refused client keeps using them up); refused when any is spent.
     */
    allowHit(source: HitSource, now = Date.now()): Verdict {
      const { rateLimit, ipLimit } = insightsConfig(strapi);
      const waits = [
        charge(`visitor:${source.visitor}`, rateLimit, now),
        charge(`ip-document:${source.client}:${source.document}`, ipLimit.perDocument, now),
        charge(`ip:${source.client}`, ipLimit.overall, now),
      ];
      const retryAfterSeconds = Math.max(...waits);
      return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
    },
  };
};
