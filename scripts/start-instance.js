// Starts the compiled app in its own process (tests that need a second instance or a process to kill; benchmarks).
// Environment: the test's DATABASE_* variables, PORT. Prints "ready" when it serves.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.join(__dirname, '..');
createStrapi({ appDir, distDir: path.join(appDir, 'dist'), serveAdminPanel: false })
  .start()
  .then(() => process.stdout.write('ready\n'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
