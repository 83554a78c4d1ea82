import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Core } from '@strapi/strapi';
import { isbot } from 'isbot';
import proxyaddr from 'proxy-addr';

import { insightsConfig } from '../../config';
import { addDays, portalDay } from '../../clock';
import { SALTS } from './tables';

const sha256 = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * Who a hit comes from, without storing anything that identifies a person: a hash of a secret salt that
 * changes every day (kept in the database so every instance agrees, deleted after two days), the client IP
 * and the user agent. No cookie is read or set.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => insightsConfig(strapi);
  let trust: { source: string[]; check: ReturnType<typeof proxyaddr.compile> } | null = null;
  const salts = new Map<string, string>();

  const saltFor = async (day: string) => {
    const cached = salts.get(day);
    if (cached) return cached;
    const knex = strapi.db.connection;
    await knex(SALTS)
      .insert({ day, salt: randomBytes(32).toString('hex') })
      .onConflict('day')
      .ignore();
    const row = await knex(SALTS).where({ day }).first('salt');
    salts.clear();
    salts.set(day, row.salt);
    await knex(SALTS).where('day', '<', addDays(day, -1)).delete();
    return String(row.salt);
  };

  return {
    /** The socket address, or the X-Forwarded-For hop proxy-addr accepts from configured trusted proxies only. */
    clientIp(req: IncomingMessage) {
      const { trustedProxies } = config();
      if (trust?.source !== trustedProxies)
        trust = { source: trustedProxies, check: proxyaddr.compile(trustedProxies) };
      return proxyaddr(req, trust.check);
    },

    isBot(userAgent: string | undefined) {
      return !userAgent || isbot(userAgent);
    },

    /** The visitor's hash for today. */
    async visitorHash(ip: string, userAgent: string, now = Date.now()) {
      return sha256(await saltFor(portalDay(strapi, now)), ip, userAgent);
    },

    /** The client IP's hash for today: what per-IP limits are kept by, so no store holds the address itself. */
    async clientHash(ip: string, now = Date.now()) {
      return sha256(await saltFor(portalDay(strapi, now)), 'client', ip);
    },

    /** The key of "this visitor saw this document in this locale", stored until the window ends. */
    viewMark(visitor: string, contentType: string, documentId: string, locale: string) {
      return sha256(visitor, contentType, documentId, locale);
    },
  };
};
