import {
  arrayOf,
  commaList,
  documentId,
  locale,
  localeParam,
  nullable,
  object,
  oneOfValues,
  pageParams,
  pagination,
  queryParam,
  ref,
  text,
  type OpenApiPart,
} from '../plugins/insights/server/src/openapi';
import { SEARCH_TYPES } from './documents';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH } from './input';

/** GET /api/search, described from the constants its validation (input.ts) reads. */
export const searchOpenApi = (): OpenApiPart => {
  const types = Object.keys(SEARCH_TYPES);
  return {
    schemas: {
      SearchHit: object({
        type: oneOfValues(types),
        documentId,
        locale,
        title: text,
        slug: nullable(text),
        snippet: { type: 'string', description: 'HTML-escaped text, matched words in <mark>' },
        score: { type: 'number' },
      }),
    },
    operations: [
      {
        method: 'get',
        path: '/search',
        operationId: 'search',
        summary: 'One ranked list of published content matching every word of q',
        tag: 'Search',
        access: 'public',
        parameters: [
          {
            ...queryParam('q', 'The words to search for', {
              type: 'string',
              minLength: 1,
              maxLength: MAX_QUERY_LENGTH,
            }),
            required: true,
          },
          queryParam(
            'type',
            `Comma-separated: ${types.join(', ')} (default all)`,
            commaList(types)
          ),
          localeParam,
          ...pageParams(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, MAX_PAGE),
        ],
        response: object({ data: arrayOf(ref('SearchHit')), meta: object({ pagination }) }),
        errors: [400],
      },
    ],
  };
};
