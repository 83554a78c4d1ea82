// The PostgreSQL server the test and benchmark runs create their throw-away databases on
// (PGHOST/PGPORT/PGUSER/PGPASSWORD, default 127.0.0.1:5432, user postgres), and the app's settings for one.
const { Client } = require('pg');

const server = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? '',
};

/** Runs one statement on the server's maintenance database (CREATE / DROP DATABASE). */
const adminQuery = async (sql) => {
  const client = new Client({ ...server, database: process.env.PGDATABASE ?? 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** The app's DATABASE_* variables for a database on this server. */
const appDatabaseEnv = (database) => ({
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL: '',
  DATABASE_HOST: server.host,
  DATABASE_PORT: String(server.port),
  DATABASE_USERNAME: server.user,
  DATABASE_PASSWORD: server.password,
  DATABASE_NAME: database,
  DATABASE_SCHEMA: 'public',
});

module.exports = { server, adminQuery, appDatabaseEnv };
