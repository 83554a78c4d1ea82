import type { Core, UID } from '@strapi/strapi';

/** A fixed-window budget: at most maxHits per windowSeconds. */
export type Budget = { windowSeconds: number; maxHits: number };

export type InsightsConfig = {
  /** Public type names a view hit may name, and the content type each stands for. */
  trackableTypes: Record<string, UID.ContentType>;
  /** A visitor counts once per document and locale within this window. */
  dedupWindowMinutes: number;
  /** Proxies whose X-Forwarded-For is believed: proxy-addr trust values (addresses, CIDRs, 'loopback', …). */
  trustedProxies: string[];
  /** Hits one visitor (IP + user agent) may send per window before getting 429. */
  rateLimit: Budget;
  /**
   * Hits one client IP may send whatever user agents it rotates, for one document and overall, before getting 429
   * (those hits are not counted). Generous: a school or office behind one NAT address has many real readers.
   */
  ipLimit: { perDocument: Budget; overall: Budget };
  /** Day, week, month and year buckets follow this clock (Vietnam time: +420). */
  utcOffsetMinutes: number;
  /** Bodies of view hits larger than this are refused with 413. */
  maxBodyBytes: number;
};

/** The plugin's configuration, defaults merged with config/plugins.ts. */
export const insightsConfig = (strapi: Core.Strapi): InsightsConfig => strapi.config.get('plugin::insights');

const isPositive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;
const isBudget = (value: Budget | undefined) => isPositive(value?.windowSeconds) && isPositive(value?.maxHits);

export default {
  default: (): InsightsConfig => ({
    trackableTypes: { article: 'api::article.article' },
    dedupWindowMinutes: 30,
    trustedProxies: [],
    rateLimit: { windowSeconds: 60, maxHits: 60 },
    ipLimit: { perDocument: { windowSeconds: 30 * 60, maxHits: 300 }, overall: { windowSeconds: 60, maxHits: 1200 } },
    utcOffsetMinutes: 7 * 60,
    maxBodyBytes: 1024,
  }),
  validator(config: InsightsConfig) {
    if (!config.trackableTypes || Object.keys(config.trackableTypes).length === 0) {
      throw new Error('insights: trackableTypes needs at least one type');
    }
    for (const key of ['dedupWindowMinutes', 'maxBodyBytes'] as const) {
      if (!isPositive(config[key])) throw new Error(`insights: ${key} must be a positive number`);
    }
    const budgets = { rateLimit: config.rateLimit, 'ipLimit.perDocument': config.ipLimit?.perDocument, 'ipLimit.overall': config.ipLimit?.overall };
    for (const [name, budget] of Object.entries(budgets)) {
      if (!isBudget(budget)) throw new Error(`insights: ${name} needs positive windowSeconds and maxHits`);
    }
    if (!Array.isArray(config.trustedProxies)) throw new Error('insights: trustedProxies must be a list');
  },
};
