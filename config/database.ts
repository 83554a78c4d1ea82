import path from 'path';
import type { Core } from '@strapi/strapi';

import { unicodeLower } from '../src/search/sqlite-lower';
import { boolean, integer, oneOf, optionalText, text } from './lib/settings';

/**
 * knex prints its warnings with console.log, past LOG_LEVEL; one of them per pooled connection the server
 * drops. The outage itself is logged once (src/outage), so those go to Strapi's logger at debug level.
 */
const knexLog = {
  warn: (message: unknown) =>
    String(message).startsWith('Connection Error')
      ? strapi.log.debug(`knex: ${message}`)
      : strapi.log.warn(`knex: ${message}`),
  error: (message: unknown) => strapi.log.error(`knex: ${message}`),
  deprecate: (method: string, alternative: string) =>
    strapi.log.warn(`knex: ${method} is deprecated, use ${alternative}`),
  debug: (message: unknown) => strapi.log.debug(`knex: ${message}`),
};

const postgresSsl = () =>
  boolean('DATABASE_SSL', false) && {
    key: optionalText('DATABASE_SSL_KEY'),
    cert: optionalText('DATABASE_SSL_CERT'),
    ca: optionalText('DATABASE_SSL_CA'),
    capath: optionalText('DATABASE_SSL_CAPATH'),
    cipher: optionalText('DATABASE_SSL_CIPHER'),
    rejectUnauthorized: boolean('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
  };

const connection = (client: 'sqlite' | 'postgres'): Core.Config.Database['connection'] =>
  client === 'postgres'
    ? {
        client: 'postgres',
        connection: {
          connectionString: optionalText('DATABASE_URL'),
          host: text('DATABASE_HOST', 'localhost'),
          port: integer('DATABASE_PORT', 5432, 1, 65535),
          database: text('DATABASE_NAME', 'strapi'),
          user: text('DATABASE_USERNAME', 'strapi'),
          password: text('DATABASE_PASSWORD', ''),
          ssl: postgresSsl(),
          schema: text('DATABASE_SCHEMA', 'public'),
        },
        pool: {
          min: integer('DATABASE_POOL_MIN', 2, 0, 1000),
          max: integer('DATABASE_POOL_MAX', 10, 1, 1000),
        },
      }
    : {
        client: 'sqlite',
        connection: {
          filename: path.join(__dirname, '..', '..', text('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
        // Unicode lower() for `$containsi` on Vietnamese capitals (src/search/sqlite-lower.ts).
        pool: { afterCreate: unicodeLower },
      };

const config = (): Core.Config.Database => ({
  connection: {
    ...connection(oneOf('DATABASE_CLIENT', ['sqlite', 'postgres'], 'sqlite')),
    log: knexLog,
    // How long a query waits for a pool connection. Short, so that when the database is unreachable the first
    // requests of an outage fail (503) within seconds instead of a minute.
    acquireConnectionTimeout: integer('DATABASE_CONNECTION_TIMEOUT', 10000, 1),
  },
});

export default config;
