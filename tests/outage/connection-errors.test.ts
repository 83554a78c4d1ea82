import { isConnectionError } from '../../src/outage/connection-errors';

const withCode = (code: string, message = 'driver error') =>
  Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset socket', withCode('ECONNRESET')],
    [
      'PostgreSQL shutting down (57P01 admin_shutdown)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    [
      'PostgreSQL starting up (57P03 cannot_connect_now)',
      withCode('57P03', 'the database system is starting up'),
    ],
    ['a PostgreSQL connection exception (class 08)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['SQLite busy', withCode('SQLITE_BUSY')],
    ['SQLite file that cannot be opened', withCode('SQLITE_CANTOPEN')],
    ['node-postgres on a dropped socket', new Error('Connection terminated unexpectedly')],
    [
      'knex with no free connection',
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
        name: 'KnexTimeoutError',
      }),
    ],
    [
      'a wrapped cause',
      Object.assign(new Error('query failed'), { cause: withCode('ECONNREFUSED') }),
    ],
    [
      "Apollo's originalError",
      Object.assign(new Error('Internal Server Error'), { originalError: withCode('57P01') }),
    ],
    [
      'the errors of an AggregateError (one per address tried)',
      Object.assign(new Error('connect failed'), {
        errors: [new Error('other'), withCode('ECONNREFUSED')],
      }),
    ],
  ])('recognises %s', (_label, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601')],
    ['a plain error', new Error('Cannot read properties of undefined')],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('does not take %s for an outage', (_label, error) => {
    expect(isConnectionError(error)).toBe(false);
  });

  it('stops on an error that is its own cause', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    expect(isConnectionError(error)).toBe(false);
  });
});
