import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Import database/seeds/content.json when the app starts on a database with no organizations. */
  onEmptyDatabase: env.bool('SEED_ON_EMPTY_DATABASE', true),
});

export default config;
