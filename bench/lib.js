// Shared by the benchmarks: a throw-away PostgreSQL database, the app in a child process, autocannon runs.
const { spawn } = require('node:child_process');
const path = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { server, adminQuery, appDatabaseEnv } = require('../scripts/postgres');
const { compileStrapi } = require('@strapi/strapi');

const root = path.join(__dirname, '..');
/** A fresh database for one benchmark run, dropped by `drop()`. */
const createDatabase = async (name) => {
  const database = `${name}_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${database}"`);
  const client = new Client({ ...server, database });
  await client.connect();
  return {
    database,
    client,
    drop: async () => {
      await client.end();
      await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
};

const secrets = {
  APP_KEYS: 'bench-1,bench-2',
  API_TOKEN_SALT: 'bench',
  ADMIN_JWT_SECRET: 'bench',
  TRANSFER_TOKEN_SALT: 'bench',
  JWT_SECRET: 'bench',
  ENCRYPTION_KEY: 'bench',
};

/** Compiles the app and starts it in a child process on the benchmark database, with the benchmark-only routes. */
const startApp = async (database, port, extraEnv = {}) => {
  await compileStrapi({ appDir: root });
  const env = {
    ...process.env,
    ...secrets,
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...appDatabaseEnv(database),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [path.join(__dirname, 'start-app.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) =>
        child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))
      ),
  };
};

/** One bounded autocannon run on loopback. */
const load = (options) =>
  new Promise((resolve, reject) => {
    autocannon({ connections: 20, duration: 10, ...options }, (error, result) =>
      error ? reject(error) : resolve(result)
    );
  });

const summary = (result) => ({
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  ok: result['2xx'],
  errors: result.errors + result.non2xx,
});

/**
 * Runs one benchmark: a fresh database, the app started on it, `run({ db, app })`, then the app stopped and the
 * database dropped whatever happens; a failure prints and exits 1.
 */
const benchmark = (name, port, env, run) => {
  const main = async () => {
    const db = await createDatabase(name);
    const app = await startApp(db.database, port, env);
    try {
      await run({ db, app });
    } finally {
      await app.stop();
      await db.drop();
    }
  };
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
};

module.exports = { benchmark, load, startApp, summary };
