import fs from 'node:fs';
import path from 'node:path';
import { compileStrapi } from '@strapi/strapi';

import './env';

/** Compiles the app once and starts from an empty database, which the first boot seeds. */
export default async function globalSetup() {
  const appDir = path.join(__dirname, '..');
  if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite') {
    const file = path.join(appDir, process.env.DATABASE_FILENAME ?? '.tmp/test.db');
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(`${file}${suffix}`, { force: true });
  }
  await compileStrapi({ appDir });
}
