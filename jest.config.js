/** Integration tests boot a real Strapi per file on a real database (SQLite by default, PostgreSQL with DATABASE_CLIENT=postgres). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Browser tests need the built admin panel and Chromium: `npm run test:browser`.
  testPathIgnorePatterns: process.env.BROWSER_TESTS
    ? ['/node_modules/']
    : ['/node_modules/', '/tests/browser/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  globalSetup: '<rootDir>/tests/global-setup.ts',
  setupFiles: ['<rootDir>/tests/env.ts'],
  testTimeout: 60000,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
