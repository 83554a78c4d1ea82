import type { Core } from '@strapi/strapi';

import {
  arrayOf,
  commaList,
  count,
  counts,
  day,
  documentId,
  documentIdParam,
  localeParam,
  nullable,
  object,
  oneOfValues,
  pageParams,
  pagination,
  queryParam,
  ref,
  text,
  integer,
  type JsonSchema,
  type OpenApiPart,
  type Operation,
} from '../openapi/schema';
import { formsOf } from './model';
import type { Direction, Relation } from './records';
import { INCLUDES, MAX_PAGE_SIZE, SORTS, STATUSES } from './validation';

/** The commendation routes of /api/insights, described from their validation's constants (validation.ts). */

// Written as records of the types so a value added to a type and not here fails to compile.
const DIRECTIONS = Object.keys({ issued: true, received: true } satisfies Record<Direction, true>);
const RELATIONS = Object.keys({
  issued: true,
  collective: true,
  individual_member: true,
  counted: true,
} satisfies Record<Relation, true>);

const DEFAULT_PAGE_SIZE = 25;
const unitRef = nullable(object({ documentId, name: text }));
const recipients = object({ collectives: count, individuals: count });
const year = integer(1900, 2200);

/** What every record entry says of its award (records.ts describe()). */
const award = (forms: JsonSchema) => ({
  documentId,
  title: text,
  slug: nullable(text),
  form: forms,
  decisionNumber: nullable(text),
  decisionDate: nullable(day),
  decisionDatePrecision: text,
  year: nullable(integer()),
  day: nullable(day),
  awardStatus: text,
  revoked: { type: 'boolean' },
  issuer: unitRef,
  collectiveCount: count,
  individualCount: count,
});

const sideCounts = { decisions: count, collectives: count, individuals: count, byForm: counts };
const side = object(sideCounts);

const filters = (forms: readonly string[]) => [
  queryParam('from', 'From this year (YYYY)', year),
  queryParam('to', 'Up to this year (YYYY)', year),
  queryParam('form', 'Only this form of commendation', oneOfValues(forms)),
  queryParam('status', 'Active, revoked or all decisions', {
    ...oneOfValues(STATUSES),
    default: 'active',
  }),
  queryParam('sort', 'Order of the entries', { ...oneOfValues(SORTS), default: 'date:desc' }),
  ...pageParams(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  localeParam,
];

export const includeParam = queryParam(
  'include',
  `Also the unit's sub-tree and/or the units merged into it: comma-separated ${INCLUDES.join(', ')}`,
  commaList(INCLUDES)
);

const unitRoute = (
  path: string,
  operationId: string,
  summary: string,
  response: JsonSchema,
  forms: readonly string[]
): Operation => ({
  method: 'get',
  path,
  operationId,
  summary,
  tag: 'Commendations',
  access: 'public',
  parameters: [documentIdParam('unit (organization)'), includeParam, ...filters(forms)],
  response,
  errors: [400, 404],
});

export const commendationsOpenApi = (strapi: Core.Strapi): OpenApiPart => {
  const forms = formsOf(strapi);
  const form = oneOfValues(forms);
  return {
    schemas: {
      CommendationTotals: object({
        received: side,
        issued: side,
        byForm: counts,
        byYear: counts,
        notCommendations: count,
      }),
      UnitCommendation: object({
        ...award(form),
        direction: oneOfValues(DIRECTIONS),
        relations: arrayOf(oneOfValues(RELATIONS)),
        members: arrayOf(
          object({ official: documentId, fullName: text, position: text, unit: documentId })
        ),
        recipients,
      }),
      PersonCommendation: object({
        ...award(form),
        direction: oneOfValues(['received']),
        recipients,
        positions: arrayOf(object({ title: text, unit: unitRef })),
      }),
    },
    operations: [
      unitRoute(
        '/insights/units/{documentId}/commendations',
        'unitCommendations',
        "A unit's commendations record, one page, with totals over all of it",
        object({
          data: arrayOf(ref('UnitCommendation')),
          meta: object({ units: count, pagination, totals: ref('CommendationTotals') }),
        }),
        forms
      ),
      unitRoute(
        '/insights/units/{documentId}/summary',
        'unitSummary',
        "Received and issued commendations of a unit, and the views of the unit's articles",
        object({
          data: object({
            received: object({ total: count, ...sideCounts }),
            issued: object({ total: count, ...sideCounts }),
            views: object({ total: count, last30Days: count }),
          }),
          meta: object({ units: count }),
        }),
        forms
      ),
      {
        method: 'get',
        path: '/insights/officials/{documentId}/commendations',
        operationId: 'personCommendations',
        summary: "A person's own commendations, with the positions held on each award's dates",
        tag: 'Commendations',
        access: 'public',
        parameters: [documentIdParam('official'), ...filters(forms)],
        response: object({
          data: arrayOf(ref('PersonCommendation')),
          meta: object({ pagination, totals: ref('CommendationTotals') }),
        }),
        errors: [400, 404],
      },
    ],
  };
};
