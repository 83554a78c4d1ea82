import { formats, winston } from '@strapi/logger';

// LOG_LEVEL lets tests and benchmarks run quietly; the format is Strapi's default. `level` keeps that level and
// the more severe ones (LOG_LEVEL=warn: warnings and errors). No levelFilter: it keeps only messages *of* the
// level, which hid every error (the database outage's cause included) behind the default 'http'.
const level = process.env.LOG_LEVEL ?? 'http';

export default {
  transports: [
    new winston.transports.Console({
      level,
      format: formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
    }),
  ],
};
