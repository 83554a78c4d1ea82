import type { Core } from '@strapi/strapi';

import { RANK_PERIODS } from '../clock';
import { includeParam } from '../commendations/openapi';
import { INCLUDES } from '../commendations/validation';
import { insightsConfig } from '../config';
import {
  count,
  day,
  documentId,
  documentIdParam,
  integer,
  locale,
  localeParam,
  nullable,
  object,
  oneOfValues,
  queryParam,
  ref,
  text,
  type JsonSchema,
  type OpenApiPart,
} from '../openapi/schema';
import { DEFAULT_RANKING_LIMIT, MAX_DAILY_RANGE_DAYS, MAX_RANKING_LIMIT } from './validation';

/** The view routes of /api/insights, described from the constants their validation (validation.ts) reads. */

/** One entry of a ranking (services/rankings.ts RankedEntry). */
const rankedEntry = object({
  documentId,
  locale,
  title: text,
  slug: nullable(text),
  publishedDate: nullable({ type: 'string', format: 'date-time' }),
  cover: nullable(
    object({
      url: text,
      alternativeText: nullable(text),
      width: nullable(count),
      height: nullable(count),
    })
  ),
  organization: nullable(object({ documentId, name: text, slug: nullable(text) })),
  views: count,
});

export const viewsOpenApi = (strapi: Core.Strapi): OpenApiPart => {
  const types = Object.keys(insightsConfig(strapi).trackableTypes);
  const type: JsonSchema = { ...oneOfValues(types), default: types[0] };
  const typeParam = queryParam('type', 'Trackable type name', type);
  return {
    schemas: {
      RankedEntry: rankedEntry,
      ViewHit: {
        type: 'object',
        properties: { type: oneOfValues(types), documentId, locale },
        required: ['type', 'documentId'],
        additionalProperties: false,
      },
    },
    operations: [
      {
        method: 'post',
        path: '/insights/views',
        operationId: 'trackView',
        summary:
          'Counts one page view (a beacon; JSON or text body). Bots are answered counted: false.',
        tag: 'Views',
        access: 'public',
        parameters: [],
        requestBody: ref('ViewHit'),
        response: object({ data: object({ counted: { type: 'boolean' }, views: count }) }),
        errors: [400, 404, 413, 429],
      },
      {
        method: 'get',
        path: '/insights/views/top',
        operationId: 'topViewed',
        summary: 'Most viewed published documents of a period (portal time) or of all time',
        tag: 'Views',
        access: 'public',
        parameters: [
          typeParam,
          queryParam(
            'period',
            'Current calendar period, a rolling window (24h, 7d, 30d), or all time',
            {
              ...oneOfValues(RANK_PERIODS),
              default: 'week',
            }
          ),
          localeParam,
          queryParam('organization', 'Only documents of this unit (documentId)', documentId),
          includeParam,
          queryParam('limit', `At most this many entries (1 to ${MAX_RANKING_LIMIT})`, {
            ...integer(1, MAX_RANKING_LIMIT),
            default: DEFAULT_RANKING_LIMIT,
          }),
        ],
        response: object({
          data: { type: 'array', items: ref('RankedEntry') },
          meta: object({
            type: text,
            period: oneOfValues(RANK_PERIODS),
            locale,
            organization: nullable(documentId),
            include: { type: 'array', items: oneOfValues(INCLUDES) },
          }),
        }),
        errors: [400],
      },
      {
        method: 'get',
        path: '/insights/views/{documentId}/daily',
        operationId: 'dailyViews',
        summary: `Views per day of a published document, zero-filled, at most ${MAX_DAILY_RANGE_DAYS} days (default: the last 30)`,
        tag: 'Views',
        access: 'public',
        parameters: [
          documentIdParam('document'),
          typeParam,
          queryParam('from', 'First day, YYYY-MM-DD', day),
          queryParam('to', 'Last day, YYYY-MM-DD (default: today)', day),
          localeParam,
        ],
        response: object({
          data: { type: 'array', items: object({ day, views: count }) },
          meta: object({ type: text, documentId, locale, from: day, to: day, total: count }),
        }),
        errors: [400, 404],
      },
    ],
  };
};
