import { formats, winston } from '@strapi/logger';

// LOG_LEVEL lets tests and benchmarks run quietly; the format is Strapi's default.
const level = process.env.LOG_LEVEL ?? 'http';

export default {
  transports: [
    new winston.transports.Console({
      level,
      format: winston.format.combine(formats.levelFilter(level), formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
};
