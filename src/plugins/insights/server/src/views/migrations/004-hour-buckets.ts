import type { Migration } from '.';

/**
 * Hour buckets (period `hour`, starts_on `YYYY-MM-DDTHH`) for the rolling 24-hour ranking: starts_on grows from
 * 10 to 13 characters. SQLite does not enforce a varchar's length, so only PostgreSQL's column changes.
 */
const hourBuckets: Migration = {
  name: '004-hour-buckets',
  async up(knex) {
    if (knex.client.dialect !== 'postgresql') return;
    await knex.raw('ALTER TABLE insights_view_buckets ALTER COLUMN starts_on TYPE varchar(13)');
  },
};

export default hourBuckets;
