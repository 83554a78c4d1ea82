import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';

import { adminQuery } from '../../scripts/postgres';

import {
  changedTables,
  snapshotDatabase,
  stopBackgroundWriters,
  type DatabaseSnapshot,
} from '../helpers/db-snapshot';
import { fullAccessToken, http, startStrapi, stopStrapi } from '../helpers/strapi';
import { COLLECTIONS, hostileRequest, type HostileRequest, type Targets } from './hostile-inputs';

/**
 * Property: whatever a client sends (REST, GraphQL, the insights routes; as the public or with a full-access
 * token), the answer is never a server error, and a write that is refused leaves every table of the database
 * as it was. HOSTILE_SEED and HOSTILE_RUNS replay or widen a run.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261122);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);

let app: Core.Strapi;
let token: string;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const publishedIds = async (plural: string) => {
  const uid = `api::${plural.replace(/s$/, '')}.${plural.replace(/s$/, '')}`;
  const rows = await app.db
    .query(uid)
    .findMany({ select: ['documentId'], where: { locale: 'vi' } });
  return [...new Set(rows.map((row) => String(row.documentId)))];
};

/** Units and officials that awards name as issuer, presenter or recipient. */
const referencedByAwards = async () => {
  const awards: Record<string, unknown>[] = await app.db.query('api::award.award').findMany({
    populate: {
      issuer: true,
      presenter: true,
      recipients: { populate: { organization: true, official: true } },
    },
  });
  const idOf = (value: unknown) =>
    isRecord(value) && typeof value.documentId === 'string' ? [value.documentId] : [];
  const recipients = awards.flatMap((award) =>
    Array.isArray(award.recipients) ? award.recipients : []
  );
  return {
    organizations: [
      ...new Set([
        ...awards.flatMap((award) => idOf(award.issuer)),
        ...recipients.flatMap((item) => (isRecord(item) ? idOf(item.organization) : [])),
      ]),
    ],
    officials: [
      ...new Set([
        ...awards.flatMap((award) => idOf(award.presenter)),
        ...recipients.flatMap((item) => (isRecord(item) ? idOf(item.official) : [])),
      ]),
    ],
  };
};

const loadTargets = async (): Promise<Targets> => {
  const documents = Object.fromEntries(
    await Promise.all(
      COLLECTIONS.map(async ({ plural }) => [plural, await publishedIds(plural)] as const)
    )
  );
  const viOnly = await app.documents('api::organization.organization').create({
    locale: 'vi',
    data: { name: 'Chi hội chỉ có tiếng Việt', kind: 'womens_union', level: 'branch' },
  });
  return { documents, referenced: await referencedByAwards(), viOnlyUnit: viOnly.documentId };
};

type Answer = { status: number; body: unknown };

const send = async (req: HostileRequest): Promise<Answer> => {
  let call = http(app)[req.method](req.path);
  if (req.token) call = call.set('Authorization', token);
  if (req.userAgent !== undefined) call = call.set('User-Agent', req.userAgent);
  try {
    if (req.raw !== undefined) call = call.set('Content-Type', 'text/plain').send(req.raw);
    else if (req.body !== undefined)
      call = call.set('Content-Type', 'application/json').send(JSON.stringify(req.body));
    const res = await call;
    return { status: res.status, body: res.body };
  } catch (error) {
    // No answer at all (a reset connection) counts as a failure, like a 5xx.
    return { status: 0, body: String(error) };
  }
};

const graphqlErrors = (body: unknown): Record<string, unknown>[] =>
  isRecord(body) && Array.isArray(body.errors) ? body.errors.filter(isRecord) : [];
const errorCode = (error: Record<string, unknown>) =>
  isRecord(error.extensions) ? String(error.extensions.code) : '';
const errorMessage = (body: unknown) => {
  if (isRecord(body) && isRecord(body.error)) return String(body.error.message);
  const [first] = graphqlErrors(body);
  return first
    ? `${errorCode(first)}: ${String(first.message)}`
    : typeof body === 'string'
      ? body.slice(0, 200)
      : '';
};

/** A GraphQL answer's errors that stand for a server failure (what REST would answer with a 5xx). */
const isServerError = (answer: Answer) =>
  answer.status === 0 ||
  answer.status >= 500 ||
  graphqlErrors(answer.body).some((error) => errorCode(error) === 'INTERNAL_SERVER_ERROR');

const isWrite = (req: HostileRequest) =>
  req.area === 'rest-write' || req.area === 'plugin-write' || req.area === 'graphql-mutation';

/** Refused: a 4xx, or (GraphQL answers 200 with errors) a mutation that came back with errors. */
const isRefused = (req: HostileRequest, answer: Answer) =>
  (answer.status >= 400 && answer.status < 500) ||
  (req.area === 'graphql-mutation' && graphqlErrors(answer.body).length > 0);

type Failure = {
  kind: 'server error' | 'refused write changed tables';
  req: HostileRequest;
  status: number;
  detail: string;
};

const describeRequest = (req: HostileRequest) => {
  const body =
    req.raw !== undefined
      ? `raw ${JSON.stringify(req.raw).slice(0, 200)}`
      : req.body !== undefined
        ? JSON.stringify(req.body).slice(0, 400)
        : '';
  return `${req.token ? 'token' : 'public'} ${req.method.toUpperCase()} ${req.path.slice(0, 300)} ${body}`;
};

/**
 * The run writes (accepted hostile writes change seeded entries), so it gets a database of its own, seeded on
 * its first start, and the other test files keep theirs as they expect it.
 */
const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const ownDatabase = `${process.env.DATABASE_NAME ?? 'hoi_lhpn_test'}_hostile_${process.pid}`;
const ownSqliteFile = path.join('.tmp', `hostile-${process.pid}.db`);

const dropOwnDatabase = async () => {
  if (isPostgres) await adminQuery(`DROP DATABASE IF EXISTS "${ownDatabase}" WITH (FORCE)`);
  else
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(path.join(__dirname, '..', '..', `${ownSqliteFile}${suffix}`), { force: true });
};

beforeAll(async () => {
  await dropOwnDatabase();
  if (isPostgres) {
    await adminQuery(`CREATE DATABASE "${ownDatabase}"`);
    process.env.DATABASE_NAME = ownDatabase;
  } else {
    process.env.DATABASE_FILENAME = ownSqliteFile;
  }
  app = await startStrapi();
  token = await fullAccessToken(app);
  stopBackgroundWriters(app);
  // The first request with a token stamps its lastUsedAt; done here so it is not taken for a write's change.
  await http(app).get('/api/articles').set('Authorization', token);
});
afterAll(async () => {
  await stopStrapi(app);
  await dropOwnDatabase();
});

it(
  `answers ${RUNS} hostile inputs without a server error, and refused writes change no table`,
  async () => {
    const targets = await loadTargets();
    const counts = {
      inputs: 0,
      '2xx': 0,
      '3xx': 0,
      '4xx': 0,
      '5xx': 0,
      refusedWrites: 0,
      unchanged: 0,
    };
    const failures: Failure[] = [];
    // The state after the last write; reads change nothing, so it stands for the state before the next write.
    let known: DatabaseSnapshot | null = null;

    console.log(
      `hostile inputs: seed ${SEED}, ${RUNS} runs (HOSTILE_SEED / HOSTILE_RUNS to change)`
    );
    await fc.assert(
      fc.asyncProperty(hostileRequest(targets), async (req) => {
        const write = isWrite(req);
        const before = write ? (known ?? (await snapshotDatabase(app))) : null;
        const answer = await send(req);
        counts.inputs += 1;
        const bucket =
          answer.status >= 500 || answer.status === 0
            ? '5xx'
            : answer.status >= 400
              ? '4xx'
              : answer.status >= 300
                ? '3xx'
                : '2xx';
        counts[bucket] += 1;
        if (isServerError(answer))
          failures.push({
            kind: 'server error',
            req,
            status: answer.status,
            detail: errorMessage(answer.body),
          });
        if (!before) return;
        const after = await snapshotDatabase(app);
        known = after;
        if (!isRefused(req, answer)) return;
        counts.refusedWrites += 1;
        const changed = changedTables(before, after);
        if (changed.length === 0) counts.unchanged += 1;
        else
          failures.push({
            kind: 'refused write changed tables',
            req,
            status: answer.status,
            detail: `${changed.join(', ')} (${errorMessage(answer.body)})`,
          });
      }),
      { seed: SEED, numRuns: RUNS }
    );

    console.log(
      `hostile inputs: ${counts.inputs} inputs, ${counts['2xx']} 2xx, ${counts['3xx']} 3xx, ${counts['4xx']} 4xx, ${counts['5xx']} 5xx, ` +
        `${failures.filter((failure) => failure.kind === 'server error').length} server errors (GraphQL included), ` +
        `${counts.unchanged}/${counts.refusedWrites} refused writes left every table unchanged (seed ${SEED})`
    );
    const report = failures.map(
      (failure) =>
        `${failure.kind} [${failure.req.area}] ${failure.status}: ${failure.detail}\n    ${describeRequest(failure.req)}`
    );
    expect(report).toEqual([]);
    expect(counts.inputs).toBe(RUNS);
  },
  30 * 60_000
);
