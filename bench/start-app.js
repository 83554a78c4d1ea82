// Starts the compiled app for a benchmark, with two routes that exist only here (never in the shipped app):
//   GET|POST /api/bench/noop        the floor: the app's middleware stack and a JSON answer, nothing else
//   POST     /api/bench/naive-views the read-then-update counter most Strapi guides show, to compare the beacon with
//   GET      /api/bench/queries     how many database queries the app has run since it started (queries per request)
// Environment: as scripts/start-instance.js. Prints "ready" when it serves.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.join(__dirname, '..');
const TOTALS = 'insights_view_totals';

const noop = (ctx) => {
  ctx.body = { data: { ok: true } };
};

/** Deliberately naive: read the count, add one in JavaScript, write it back. Loses updates under concurrency. */
const naiveViews = (strapi) => async (ctx) => {
  const documentId =
    typeof ctx.request.body?.documentId === 'string' ? ctx.request.body.documentId : '';
  if (!documentId) return ctx.badRequest('documentId is required');
  const knex = strapi.db.connection;
  const key = { content_type: 'bench::naive', document_id: documentId, locale: 'vi' };
  const current = await knex(TOTALS).where(key).first('views');
  if (current)
    await knex(TOTALS)
      .where(key)
      .update({ views: Number(current.views) + 1 });
  else
    await knex(TOTALS)
      .insert({ ...key, views: 1 })
      .onConflict(['content_type', 'document_id', 'locale'])
      .ignore();
  ctx.body = { data: { counted: true } };
};

const main = async () => {
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    serveAdminPanel: false,
  }).load();
  let queries = 0;
  strapi.db.connection.on('query', () => (queries += 1));
  const open = { auth: false };
  strapi.server.routes([
    { method: 'GET', path: '/api/bench/noop', handler: noop, config: open },
    { method: 'POST', path: '/api/bench/noop', handler: noop, config: open },
    { method: 'POST', path: '/api/bench/naive-views', handler: naiveViews(strapi), config: open },
    {
      method: 'GET',
      path: '/api/bench/queries',
      handler: (ctx) => (ctx.body = { queries }),
      config: open,
    },
  ]);
  await strapi.listen();
  process.stdout.write('ready\n');
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
