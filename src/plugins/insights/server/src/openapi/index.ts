import type { Core } from '@strapi/strapi';

import { commendationsOpenApi } from '../commendations/openapi';
import { insightsConfig } from '../config';
import { translationsOpenApi } from '../translations/openapi';
import { viewsOpenApi } from '../views/openapi';
import { count, type JsonSchema, type OpenApiPart } from './schema';

/** The plugin's content-api routes, each module's described beside its validation. */
export const insightsOpenApi = (strapi: Core.Strapi): OpenApiPart[] => [
  viewsOpenApi(strapi),
  commendationsOpenApi(strapi),
  translationsOpenApi(strapi),
];

/**
 * Fields the plugin adds to entries of the content API, by content type: `viewCount` on trackable types
 * (views/middlewares.ts puts it on every entry a content-api read returns at the top level).
 */
export const insightsEntryFields = (strapi: Core.Strapi): Map<string, Record<string, JsonSchema>> =>
  new Map(
    Object.values(insightsConfig(strapi).trackableTypes).map((uid) => [
      uid,
      {
        viewCount: { ...count, description: 'Views of this document in its locale (Số lượt xem)' },
      },
    ])
  );

export * from './schema';
