// `npm run seed`: compiles the app, loads it without serving, and imports database/seeds/content.json.
// The first start on an empty database runs the same import from bootstrap.
const path = require('node:path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  const context = await compileStrapi({ appDir: path.join(__dirname, '..') });
  const app = await createStrapi({ ...context, logLevel: 'warn' }).load();
  try {
    const { importSeed } = require(path.join(context.distDir, 'src', 'seed'));
    const keys = await importSeed(app, (line) => console.log(line));
    console.log(`seed: ${keys.size} documents in place`);
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
