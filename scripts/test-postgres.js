// `npm run test:postgres`: runs the whole Jest suite on PostgreSQL, in a database it creates and drops.
// Server: see scripts/postgres.js. Extra arguments go to Jest.
const { spawnSync } = require('node:child_process');
const { adminQuery, appDatabaseEnv } = require('./postgres');

const database = `hoi_lhpn_test_${process.pid}_${Date.now()}`;

const main = async () => {
  await adminQuery(`CREATE DATABASE "${database}"`);
  console.log(`created database ${database}`);
  try {
    const jest = spawnSync('npx', ['jest', '--runInBand', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, ...appDatabaseEnv(database) },
    });
    process.exitCode = jest.status ?? 1;
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    console.log(`dropped database ${database}`);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
