import type { Core } from '@strapi/strapi';

import {
  insightsEntryFields,
  insightsOpenApi,
  type ErrorStatus,
  type Json,
  type JsonSchema,
  type OpenApiPart,
  type Operation,
} from '../plugins/insights/server/src/openapi';
import { searchOpenApi } from '../search/openapi';
import { contentTypesOpenApi } from './content-types';

/**
 * The OpenAPI 3.1 document of the content API, served at GET /api/openapi.json: the content types' reads
 * (generated from their schemas), the insights plugin's routes and search (each described beside its
 * validation), and this route. tests/openapi checks real responses of every route against it.
 */

const ERRORS: Record<ErrorStatus, string> = {
  400: 'Bad input: the message names the field (details)',
  401: 'Missing or invalid API token',
  403: 'Not allowed for this caller (the public, or a token without the permission)',
  404: 'No such published document',
  413: 'Body too large',
  429: 'Too many requests; Retry-After says when to try again',
};

/** Strapi's error body. */
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599 },
        name: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object' },
      },
      required: ['status', 'name', 'message'],
      additionalProperties: false,
    },
  },
  required: ['data', 'error'],
  additionalProperties: false,
};

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const documentRoute: OpenApiPart = {
  schemas: {},
  operations: [
    {
      method: 'get',
      path: '/openapi.json',
      operationId: 'openApiDocument',
      summary: 'This document',
      tag: 'OpenAPI',
      access: 'public',
      parameters: [],
      response: {
        type: 'object',
        properties: {
          openapi: { const: '3.1.0' },
          info: { type: 'object' },
          servers: { type: 'array' },
          paths: { type: 'object' },
          components: { type: 'object' },
        },
        required: ['openapi', 'info', 'paths', 'components'],
        additionalProperties: false,
      },
      errors: [],
    },
  ],
};

const operationObject = (operation: Operation): Json => ({
  operationId: operation.operationId,
  summary: operation.summary,
  tags: [operation.tag],
  security: operation.access === 'token' ? [{ apiToken: [] }] : [],
  parameters: operation.parameters,
  ...(operation.requestBody
    ? { requestBody: { required: true, content: json(operation.requestBody) } }
    : {}),
  responses: {
    200: { description: 'OK', content: json(operation.response) },
    ...Object.fromEntries(
      operation.errors.map((status) => [status, { $ref: `#/components/responses/${status}` }])
    ),
  },
});

/** Every part of the document, in its order. */
export const openApiParts = (strapi: Core.Strapi): OpenApiPart[] => [
  contentTypesOpenApi(strapi, insightsEntryFields(strapi)),
  ...insightsOpenApi(strapi),
  searchOpenApi(),
  documentRoute,
];

export const openApiDocument = (strapi: Core.Strapi) => {
  const parts = openApiParts(strapi);
  const paths: Record<string, Record<string, Json>> = {};
  for (const operation of parts.flatMap((part) => part.operations))
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: operationObject(operation),
    };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hội LHPN portal content API',
      version: '1',
      description:
        'Public reads of published content, view beacons, commendations, search; translation states for API tokens.',
    },
    servers: [{ url: strapi.config.get('api.rest.prefix', '/api') }],
    paths,
    components: {
      schemas: Object.assign({ Error: ERROR_SCHEMA }, ...parts.map((part) => part.schemas)),
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [
          status,
          { description, content: json({ $ref: '#/components/schemas/Error' }) },
        ])
      ),
      securitySchemes: { apiToken: { type: 'http', scheme: 'bearer' } },
    },
  };
};
