import Ajv2020, { type JSONSchemaType } from 'ajv/dist/2020';

/**
 * A GraphQL client in plain fetch: one POST to /graphql, and the answer's `data` checked against a JSON Schema
 * written as `JSONSchemaType<T>`, so the compiler holds the schema to the result type and the check holds the
 * answer to the schema.
 */

const ajv = new Ajv2020({ allErrors: true });

export const graphqlClient = (origin: string) => {
  const run = async <T>(
    query: string,
    variables: Record<string, unknown>,
    schema: JSONSchemaType<T>
  ): Promise<T> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body: unknown = await response.json();
    const validate = ajv.compile<{ data: T }>({
      type: 'object',
      properties: { data: schema },
      required: ['data'],
    });
    if (validate(body)) return body.data;
    throw new Error(`GraphQL answer (${response.status}): ${JSON.stringify(body).slice(0, 500)}`);
  };
  return { run };
};

export type GraphqlClient = ReturnType<typeof graphqlClient>;
