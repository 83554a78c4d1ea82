import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';

import { createCluster, type Cluster } from '../helpers/postgres-cluster';
import { graphql, http, startStrapi, stopStrapi } from '../helpers/strapi';
import { storedViews } from '../helpers/views';

// The app runs on its own throw-away PostgreSQL cluster, whatever DATABASE_CLIENT the suite runs with, so the
// test can stop and start the database server without touching the machine's shared one.
const CLUSTER_PORT = 15432;
const DATABASE = 'outage';
jest.setTimeout(300_000);

let cluster: Cluster | undefined;
let app: Core.Strapi;
const database = () => {
  if (!cluster) throw new Error('the cluster did not start');
  return cluster;
};
const savedEnv = { ...process.env };

beforeAll(async () => {
  cluster = await createCluster(CLUSTER_PORT);
  await cluster.sql(`CREATE DATABASE ${DATABASE}`);
  Object.assign(process.env, {
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: '',
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(CLUSTER_PORT),
    DATABASE_NAME: DATABASE,
    DATABASE_USERNAME: 'postgres',
    DATABASE_PASSWORD: '',
    DATABASE_SCHEMA: 'public',
    SEED_ON_EMPTY_DATABASE: 'false',
  });
  app = await startStrapi();
});

afterAll(async () => {
  load.running = false;
  load.paused = false;
  await visitors;
  try {
    // A failed test may leave the database stopped; Strapi shuts down cleanly only with it running.
    if (cluster && !(await cluster.running())) await cluster.start();
    await stopStrapi(app);
  } finally {
    await cluster?.destroy();
    process.env = savedEnv;
  }
});

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0 outage-test';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let documentId = '';

const hit = (agent: string) =>
  http(app)
    .post('/api/insights/views')
    .set('User-Agent', `${BROWSER}/${agent}`)
    .send({ type: 'article', documentId });
const readArticles = () => http(app).get('/api/articles?fields[0]=title');
const readArticlesGraphql = () => graphql(app, 'query { articles { documentId title } }');
const storedViewsNow = () => storedViews(app, documentId);

const expectUnavailable = (res: Response) => {
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toMatch(/^\d+$/);
  expect(res.body).toEqual({
    data: null,
    error: {
      status: 503,
      name: 'ServiceUnavailableError',
      message: expect.any(String),
      details: { retryAfterSeconds: Number(res.headers['retry-after']) },
    },
  });
};

/** Visitors sending hits all along, each hit from a new visitor (so each is counted once acknowledged). */
const load = {
  running: true,
  paused: false,
  inFlight: 0,
  sent: 0,
  acknowledged: 0,
  unavailable: 0,
  unexpected: [] as string[],
};
const visitor = async (worker: number) => {
  for (let n = 0; load.running; n += 1) {
    while (load.paused) await pause(20);
    load.sent += 1;
    load.inFlight += 1;
    let res: Response;
    try {
      res = await hit(`${worker}-${n}`);
    } finally {
      load.inFlight -= 1;
    }
    if (res.status === 200 && res.body.data.counted) load.acknowledged += 1;
    else if (res.status === 503 && res.headers['retry-after']) load.unavailable += 1;
    else load.unexpected.push(`${res.status} ${JSON.stringify(res.body)}`);
    await pause(20);
  }
};
let visitors: Promise<void[]> = Promise.resolve([]);
const waitFor = async (what: string, done: () => boolean | Promise<boolean>) => {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (await done()) return;
    await pause(100);
  }
  throw new Error(`gave up waiting for ${what}`);
};

const surfaces = () => [
  readArticles(),
  readArticlesGraphql(),
  http(app).get('/api/insights/views/top?type=article'),
  http(app).get(`/api/articles/${documentId}`).set('Authorization', 'Bearer not-a-valid-jwt'),
  hit('during-outage'),
];
/**
 * Sent together with no other traffic, these all reach the database before the app knows it is down: each
 * failure must become a 503 where it surfaces (a thrown error, users-permissions' 401, Apollo's
 * INTERNAL_SERVER_ERROR, a failed batch of hits). Then, knowing, the app refuses without trying the database.
 */
const firstRequestsOfTheOutage = async () => {
  (await Promise.all(surfaces())).forEach(expectUnavailable);
  (await Promise.all(surfaces())).forEach(expectUnavailable);
};

describe('a database outage', () => {
  it('serves reads and counts hits while the database is up', async () => {
    documentId = (
      await app
        .documents('api::article.article')
        .create({ locale: 'vi', data: { title: 'Tin trong lúc mất điện' }, status: 'published' })
    ).documentId;
    expect((await readArticles()).status).toBe(200);
    const gql = await readArticlesGraphql();
    expect(gql.status).toBe(200);
    expect(gql.body.data.articles).toEqual([{ documentId, title: 'Tin trong lúc mất điện' }]);
    expect((await http(app).get('/_ready')).body).toEqual({ status: 'ready', database: 'up' });

    visitors = Promise.all([1, 2, 3, 4].map(visitor));
    await waitFor('acknowledged hits', () => load.acknowledged >= 20);
  });

  it('answers 503 + Retry-After on REST, GraphQL, plugin routes and the beacon, never 401 or 500', async () => {
    load.paused = true;
    try {
      await waitFor('hits in flight', () => load.inFlight === 0);
      await database().stop('immediate');
      await firstRequestsOfTheOutage();
    } finally {
      load.paused = false;
    }

    const ready = await http(app).get('/_ready');
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toMatch(/^\d+$/);
    expect(ready.body).toEqual({ status: 'unavailable', database: 'down' });
    expect((await http(app).get('/_health')).status).toBe(204);

    const before = load.unavailable;
    await waitFor('hits refused during the outage', () => load.unavailable >= before + 10);
    expect(load.unexpected).toEqual([]);
  });

  it('recovers by itself when the database returns, with every acknowledged hit stored', async () => {
    await database().start();
    await waitFor('readiness', async () => (await http(app).get('/_ready')).status === 200);

    expect((await readArticles()).status).toBe(200);
    expect((await readArticlesGraphql()).body.data.articles).toHaveLength(1);
    const afterOutage = load.acknowledged;
    await waitFor('hits counted again', () => load.acknowledged >= afterOutage + 20);
    load.running = false;
    await visitors;

    expect(load.unexpected).toEqual([]);
    const stored = await storedViewsNow();
    // A hit whose batch committed just as the connection broke may be stored without having been acknowledged.
    expect(stored).toBeGreaterThanOrEqual(load.acknowledged);
    expect(stored).toBeLessThanOrEqual(load.sent);
    expect(load.unavailable).toBeGreaterThanOrEqual(10);
  });
});
