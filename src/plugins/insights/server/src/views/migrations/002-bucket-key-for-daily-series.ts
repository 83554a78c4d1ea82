import type { Migration } from '.';

const BUCKETS = 'insights_view_buckets';

/**
 * Bucket key ordered for the daily series (one document's days) instead of the rank order, which has its own
 * index; with it the separate document index and the marks' expiry index (the sweep scans one window of visits)
 * are only extra writes per hit. Re-keying a table that already has this key changes nothing.
 */
const bucketKeyForDailySeries: Migration = {
  name: '002-bucket-key-for-daily-series',
  async up(knex) {
    await knex.raw('DROP INDEX IF EXISTS insights_view_buckets_document');
    await knex.raw('DROP INDEX IF EXISTS insights_visitor_marks_expiry');
    await knex.schema.alterTable(BUCKETS, (table) => {
      table.dropPrimary();
      table.primary(['content_type', 'document_id', 'locale', 'period', 'starts_on']);
    });
  },
};

export default bucketKeyForDailySeries;
