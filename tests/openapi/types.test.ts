import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { bootStrapi, http } from '../helpers/strapi';

/**
 * The committed document (types/api/openapi.json) and the TypeScript generated from it (types/api/openapi.d.ts)
 * must equal what the booted app serves and what openapi-typescript makes of it now. `npm run openapi:types`
 * runs this file with OPENAPI_WRITE=1, which writes both instead of comparing.
 */

const dir = path.join(__dirname, '..', '..', 'types', 'api');
const files = { document: path.join(dir, 'openapi.json'), types: path.join(dir, 'openapi.d.ts') };
const generator = path.join(__dirname, '..', '..', 'scripts', 'openapi-types.mjs');

// The first boot of a run seeds the database: slow on a shared machine.
jest.setTimeout(300_000);

let served: unknown;

bootStrapi(async ({ app }) => {
  served = (await http(app).get('/api/openapi.json')).body;
});

it('types/api/openapi.json is the served document and types/api/openapi.d.ts its generation', () => {
  const document = `${JSON.stringify(served, null, 2)}\n`;
  const types = execFileSync(process.execPath, [generator], { input: document, encoding: 'utf8' });
  if (process.env.OPENAPI_WRITE === '1') {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(files.document, document);
    fs.writeFileSync(files.types, types);
  }
  expect(fs.readFileSync(files.document, 'utf8')).toBe(document);
  expect(fs.readFileSync(files.types, 'utf8')).toBe(types);
});
