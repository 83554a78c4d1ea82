import { boolean } from './lib/settings';

const config = () => ({
  /** Import database/seeds/content.json when the app starts on a database with no organizations. */
  onEmptyDatabase: boolean('SEED_ON_EMPTY_DATABASE', true),
});

export default config;
