// `npm run search:reindex`: compiles the app, loads it without serving, and rebuilds the search index from every
// published entry, printing progress. Safe to run at any time; writes keep the index in step between runs.
const path = require('node:path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  const context = await compileStrapi({ appDir: path.join(__dirname, '..') });
  const app = await createStrapi({ ...context, logLevel: 'warn' }).load();
  try {
    const { reindexAll } = require(path.join(context.distDir, 'src', 'search'));
    const started = Date.now();
    const total = await reindexAll(app, (line) => console.log(line));
    console.log(
      `search: ${total} entries indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
