import type { Core, UID } from '@strapi/strapi';

export type InsightsConfig = {
  /** Public type names a view hit may name, and the content type each stands for. */
  trackableTypes: Record<string, UID.ContentType>;
  /** A visitor counts once per document and locale within this window. */
  dedupWindowMinutes: number;
  /** Proxies whose X-Forwarded-For is believed: proxy-addr trust values (addresses, CIDRs, 'loopback', …). */
  trustedProxies: string[];
  /** Hits one visitor may send per window before getting 429. */
  rateLimit: { windowSeconds: number; maxHits: number };
  /** Day, week, month and year buckets follow this clock (Vietnam time: +420). */
  utcOffsetMinutes: number;
  /** Bodies of view hits larger than this are refused with 413. */
  maxBodyBytes: number;
};

/** The plugin's configuration, defaults merged with config/plugins.ts. */
export const insightsConfig = (strapi: Core.Strapi): InsightsConfig => strapi.config.get('plugin::insights');

const isPositive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;

export default {
  default: (): InsightsConfig => ({
    trackableTypes: { article: 'api::article.article' },
    dedupWindowMinutes: 30,
    trustedProxies: [],
    rateLimit: { windowSeconds: 60, maxHits: 60 },
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
    if (!isPositive(config.rateLimit?.windowSeconds) || !isPositive(config.rateLimit?.maxHits)) {
      throw new Error('insights: rateLimit needs positive windowSeconds and maxHits');
    }
    if (!Array.isArray(config.trustedProxies)) throw new Error('insights: trustedProxies must be a list');
  },
};
