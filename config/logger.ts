import { formats, winston } from '@strapi/logger';

import { oneOf } from './lib/settings';

/** winston's levels, most severe first: a transport's `level` is a threshold, so `http` shows error … http. */
const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;

const level = oneOf('LOG_LEVEL', LEVELS, 'http');

export default {
  transports: [
    new winston.transports.Console({
      level,
      format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
    }),
  ],
};
