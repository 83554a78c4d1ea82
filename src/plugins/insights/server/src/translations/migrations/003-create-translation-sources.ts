import type { Migration } from '../../views/migrations';

/**
 * What the source locale said when each translation was last saved (its text units per field, JSON), keyed by
 * documentId + locale: row ids change across publish. Apart from the entries, so keeping it never flips an
 * entry's status.
 */
const createTranslationSources: Migration = {
  name: '003-create-translation-sources',
  async up(knex) {
    await knex.schema.createTable('insights_translation_sources', (table) => {
      table.string('content_type', 120).notNullable();
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('source_locale', 16).notNullable();
      table.text('source_text').notNullable();
      table.bigInteger('saved_at').notNullable();
      table.primary(['content_type', 'document_id', 'locale']);
    });
  },
};

export default createTranslationSources;
