import { strapi, type API } from '@strapi/client';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import document from '../../types/api/openapi.json';
import type { paths } from '../../types/api/openapi';

/**
 * A typed REST client of the portal: @strapi/client for the content types (`collection()`) and for the plugin
 * routes it cannot reach through `collection()` (`fetch()`), with each answer checked against the committed
 * OpenAPI document before it is handed on as the generated type. @strapi/client types answers loosely
 * (`[key: string]: any`); the check makes the generated type a fact, not a hope.
 */

type Method = 'get' | 'post';
/** The 200 body of an operation, as generated from the document. */
export type Body<P extends keyof paths & string, M extends Method> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'openapi.json');

const pointer = (path: string) => path.replace(/~/g, '~0').replace(/\//g, '~1');

/** A validator of an operation's 200 body, typed as the generated body. */
const validatorOf = <P extends keyof paths & string, M extends Method>(path: P, method: M) =>
  ajv.compile<Body<P, M>>({
    $ref: `openapi.json#/paths/${pointer(path)}/${method}/responses/200/content/application~1json/schema`,
  });

/** The body as the generated type, or an error naming what in it does not match the document. */
const checked = <T>(validate: ValidateFunction<T>, body: unknown): T => {
  if (validate(body)) return body;
  throw new Error(`Answer does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}`);
};

// Compiled once, when the module loads.
const validate = {
  articles: validatorOf('/articles', 'get'),
  organizations: validatorOf('/organizations', 'get'),
  topViewed: validatorOf('/insights/views/top', 'get'),
  unitSummary: validatorOf('/insights/units/{documentId}/summary', 'get'),
};

/** `query` as a query string, for the plugin routes reached through fetch(). */
const search = (query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export const portalApi = (origin: string) => {
  const client = strapi({ baseURL: `${origin}/api` });
  const json = async (response: Response) => {
    const body: unknown = await response.json();
    return body;
  };
  return {
    articles: async (query: API.BaseQueryParams) =>
      checked(validate.articles, await client.collection('articles').find(query)),
    organizations: async (query: API.BaseQueryParams) =>
      checked(validate.organizations, await client.collection('organizations').find(query)),
    topViewed: async (query: Query<'/insights/views/top'>) =>
      checked(
        validate.topViewed,
        await json(await client.fetch(`/insights/views/top${search(query)}`))
      ),
    unitSummary: async (unit: string) =>
      checked(
        validate.unitSummary,
        await json(await client.fetch(`/insights/units/${encodeURIComponent(unit)}/summary`))
      ),
  };
};

export type PortalApi = ReturnType<typeof portalApi>;
