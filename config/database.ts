import path from 'path';
import type { Core } from '@strapi/strapi';

import { boolean, integer, oneOf, optionalText, text } from './lib/settings';

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
        pool: { min: integer('DATABASE_POOL_MIN', 2, 0, 1000), max: integer('DATABASE_POOL_MAX', 10, 1, 1000) },
      }
    : {
        client: 'sqlite',
        connection: {
          filename: path.join(__dirname, '..', '..', text('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
      };

const config = (): Core.Config.Database => ({
  connection: {
    ...connection(oneOf('DATABASE_CLIENT', ['sqlite', 'postgres'], 'sqlite')),
    acquireConnectionTimeout: integer('DATABASE_CONNECTION_TIMEOUT', 60000, 1),
  },
});

export default config;
