import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';

const appDir = path.join(__dirname, '..', '..');

/** Boots the compiled app on the test database and mounts its routes (without mount() every route is 404). */
export const startStrapi = async (): Promise<Core.Strapi> => {
  const app = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    serveAdminPanel: false,
  }).load();
  app.server.mount();
  return app;
};

/**
 * Resolves once the database has run no query for `quietMs` (at most `maxMs`). Strapi reads a written entry again
 * for its events after the write commits, without awaiting it: counting a request's queries, or closing the pool,
 * must wait for those reads (closing under them aborts them: an unhandled "aborted" on PostgreSQL).
 */
export const databaseQuiet = (app: Core.Strapi, quietMs = 300, maxMs = 5000) =>
  new Promise<void>((resolve) => {
    const knex = app.db.connection;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(limit);
      knex.off('query', bump);
      resolve();
    };
    let timer = setTimeout(done, quietMs);
    const limit = setTimeout(done, maxMs);
    const bump = () => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    };
    knex.on('query', bump);
  });

export const stopStrapi = async (app: Core.Strapi | undefined) => {
  if (!app) return;
  await databaseQuiet(app);
  await app.destroy();
};

export const http = (app: Core.Strapi) => request(app.server.httpServer);

/**
 * The SQL of every query the database runs while `run` does its work, once it has been quiet for `quietMs` (see
 * databaseQuiet), with what `run` answered.
 */
export const sqlDuring = async <T>(app: Core.Strapi, run: () => PromiseLike<T>, quietMs = 100) => {
  await databaseQuiet(app, quietMs);
  const sql: string[] = [];
  const note = (query: { sql: string }) => sql.push(query.sql.trim());
  app.db.connection.on('query', note);
  try {
    return { sql, result: await run() };
  } finally {
    app.db.connection.off('query', note);
  }
};

/** Runs a GraphQL operation as the public role. */
export const graphql = async (
  app: Core.Strapi,
  query: string,
  variables: Record<string, unknown> = {}
) => http(app).post('/graphql').send({ query, variables });

/** A full-access API token's bearer header, for requests an editor's tooling would make. */
export const fullAccessToken = async (
  app: Core.Strapi,
  name = `test-${Date.now()}-${Math.random()}`
) => {
  const token = await app.service('admin::api-token').create({
    name,
    type: 'full-access',
    lifespan: null,
    description: 'integration test',
  });
  return `Bearer ${token.accessKey}`;
};

export type Booted = { app: Core.Strapi; token: string };

const BOOT_TIMEOUT_MS = 240_000;

/**
 * The boot block of an integration test file: starts the app before the file's tests and hands it, with a
 * full-access API token, to `ready` (which keeps them in the file's variables and makes fixtures); after the
 * tests, runs `cleanup` and stops the app. `restart()` stops the app and starts it again (a new start's
 * bootstrap), and the harness stops that one at the end.
 */
export const bootStrapi = (
  ready: (booted: Booted) => unknown,
  cleanup: () => Promise<unknown> = async () => undefined
) => {
  let app: Core.Strapi | undefined;
  // A run's first boot imports the seed (and a PostgreSQL one creates every table): longer than a test's minute.
  beforeAll(async () => {
    app = await startStrapi();
    await ready({ app, token: await fullAccessToken(app) });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await cleanup();
    await stopStrapi(app);
  }, BOOT_TIMEOUT_MS);
  return {
    async restart() {
      await stopStrapi(app);
      app = undefined;
      app = await startStrapi();
      return app;
    },
  };
};
