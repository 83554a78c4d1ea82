// Fixed, non-secret values so tests run on a fresh clone without a .env file.
const defaults: Record<string, string> = {
  NODE_ENV: 'test',
  APP_KEYS: 'test-key-1,test-key-2',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key',
  DATABASE_FILENAME: '.tmp/test.db',
  STRAPI_TELEMETRY_DISABLED: 'true',
  LOG_LEVEL: 'warn',
};
for (const [key, value] of Object.entries(defaults)) process.env[key] ??= value;
