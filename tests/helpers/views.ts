import type { Core } from '@strapi/strapi';

/** The stored view total of a document in one locale, read straight from the plugin's table (0 when none). */
export const storedViews = async (app: Core.Strapi, documentId: string, locale = 'vi') => {
  const row = await app.db
    .connection('insights_view_totals')
    .where({ document_id: documentId, locale })
    .first('views');
  return Number(row?.views ?? 0);
};
