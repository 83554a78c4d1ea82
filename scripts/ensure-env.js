// Writes .env from .env.example with fresh random secrets, once: a fresh clone then starts without manual steps.
// `node scripts/ensure-env.js [file]` writes another file instead (tests start the app from the shipped example).
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const root = path.join(__dirname, '..');
const target = path.resolve(process.argv[2] ?? path.join(root, '.env'));
if (fs.existsSync(target)) {
  console.log(`${path.basename(target)} exists, left as it is`);
  process.exit(0);
}
const secret = () => crypto.randomBytes(24).toString('base64');
const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
const filled = example
  .replace(/^APP_KEYS=.*$/m, `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`)
  .replace(
    /^(API_TOKEN_SALT|ADMIN_JWT_SECRET|TRANSFER_TOKEN_SALT|JWT_SECRET|ENCRYPTION_KEY)=.*$/gm,
    (_, key) => `${key}=${secret()}`
  );
fs.writeFileSync(target, filled, { mode: 0o600 });
console.log(`${path.basename(target)} written with fresh secrets`);
