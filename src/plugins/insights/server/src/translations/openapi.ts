import type { Core } from '@strapi/strapi';

import {
  arrayOf,
  commaList,
  documentId,
  documentIdParam,
  integer,
  locale,
  nullable,
  object,
  oneOfValues,
  pageParams,
  pathParam,
  queryParam,
  ref,
  text,
  type OpenApiPart,
} from '../openapi/schema';
import { service } from '../services';
import { STATES } from './services/states';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './validation';

/** The translation-state routes of /api/insights (API tokens only), from their validation's constants. */
export const translationsOpenApi = (strapi: Core.Strapi): OpenApiPart => {
  const types = Object.keys(service(strapi, 'translationStates').types());
  const state = oneOfValues(STATES);
  const fields = arrayOf(text);
  return {
    schemas: {
      TranslationRow: object({
        type: oneOfValues(types),
        contentType: text,
        documentId,
        locale,
        label: text,
        state,
        changedFields: fields,
        missingFields: fields,
      }),
      TranslationLocaleState: object({
        locale,
        savedAt: nullable(integer(0)),
        state,
        changedFields: arrayOf(object({ field: text, before: fields, after: fields })),
        missingFields: fields,
      }),
    },
    operations: [
      {
        method: 'get',
        path: '/insights/translations',
        operationId: 'translationStates',
        summary: 'Documents whose translation is in the asked states (default: missing, outdated)',
        tag: 'Translations',
        access: 'token',
        parameters: [
          queryParam('type', 'Only this type', oneOfValues(types)),
          queryParam('locale', 'Only this translation locale', locale),
          queryParam('state', `Comma-separated: ${STATES.join(', ')}`, commaList(STATES)),
          ...pageParams(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
        ],
        response: object({
          data: arrayOf(ref('TranslationRow')),
          meta: object({
            pagination: object({ page: integer(1), pageSize: integer(1), total: integer(0) }),
          }),
        }),
        errors: [400, 401, 403],
      },
      {
        method: 'get',
        path: '/insights/translations/{type}/{documentId}',
        operationId: 'documentTranslationStates',
        summary: "A document's state in each translation locale, with what changed",
        tag: 'Translations',
        access: 'token',
        parameters: [
          pathParam('type', 'Type name', oneOfValues(types)),
          documentIdParam('document'),
        ],
        response: object({
          data: object({
            documentId,
            sourceLocale: locale,
            locales: arrayOf(ref('TranslationLocaleState')),
          }),
        }),
        errors: [400, 401, 403, 404],
      },
    ],
  };
};
