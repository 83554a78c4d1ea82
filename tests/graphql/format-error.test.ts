import { errors } from '@strapi/utils';
import { GraphQLError } from 'graphql';

import { formatGraphqlError } from '../../src/graphql/format-error';

/** formatGraphqlError is pure but for its logger: fed what Apollo hands it, a resolver's error wrapped. */
const format = (original: Error) => {
  const logged: string[] = [];
  const formatted = formatGraphqlError(() => ({ error: (line) => logged.push(line) }))(
    { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    new GraphQLError(original.message, { originalError: original, path: ['articles'] })
  );
  return { formatted, logged };
};

describe('GraphQL error formatting', () => {
  it('an internal error reaches the caller as a bare "Internal server error", logged with its stack', () => {
    const { formatted, logged } = format(
      new Error('select "t0".* from "articles" - connection reset')
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/connection reset[\s\S]*format-error\.test\.ts/);
  });

  it("keeps the message, code and details of Strapi's errors meant for the caller", () => {
    const { formatted, logged } = format(
      new errors.ValidationError('type must be one of: article', { param: 'type' })
    );
    expect(formatted).toMatchObject({
      message: 'type must be one of: article',
      extensions: {
        code: 'BAD_USER_INPUT',
        error: { name: 'ValidationError', details: { param: 'type' } },
      },
    });
    expect(logged).toEqual([]);
  });
});
