// `npm run test:postgres`: runs the whole Jest suite on PostgreSQL, in a database it creates and drops.
// Connects as PGHOST/PGPORT/PGUSER/PGPASSWORD (default 127.0.0.1:5432, user postgres); extra args go to Jest.
const { spawnSync } = require('node:child_process');
const { Client } = require('pg');

const server = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? '',
};
const database = `hoi_lhpn_test_${process.pid}_${Date.now()}`;

const admin = async (sql) => {
  const client = new Client({ ...server, database: process.env.PGDATABASE ?? 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const main = async () => {
  await admin(`CREATE DATABASE "${database}"`);
  console.log(`created database ${database}`);
  try {
    const jest = spawnSync('npx', ['jest', '--runInBand', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: '',
        DATABASE_HOST: server.host,
        DATABASE_PORT: String(server.port),
        DATABASE_USERNAME: server.user,
        DATABASE_PASSWORD: server.password,
        DATABASE_NAME: database,
        DATABASE_SCHEMA: 'public',
      },
    });
    process.exitCode = jest.status ?? 1;
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    console.log(`dropped database ${database}`);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
