import { createHash } from 'node:crypto';

import { isRecord } from '../rules/document-params';

/** Query values with their keys in a fixed order, so `?a=1&b=2` and `?b=2&a=1` share one cache entry. */
export const normalized = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(normalized);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, normalized(value[key])])
  );
};

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Who a response was made for. The public shares one scope; each bearer (API token or user) has its own, so a
 * response made with a token is never served to the public or to another token.
 */
export const authScope = (authorization: string | undefined) =>
  authorization ? `bearer:${digest(authorization)}` : 'public';

export type CacheRequest = { method: string; path: string; query: unknown; scope: string };

/** The key of one response: route, normalized query (which carries the locale) or GraphQL body, auth scope. */
export const cacheKey = ({ method, path, query, scope }: CacheRequest) =>
  `${scope} ${method} ${path} ${digest(JSON.stringify(normalized(query)))}`;

/** A strong validator of the exact bytes served. */
export const entityTag = (body: string) => `"${digest(body)}"`;
