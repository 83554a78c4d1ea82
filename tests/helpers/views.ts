import type { Core } from '@strapi/strapi';

/** The stored view total of a document in one locale, read straight from the plugin's table (0 when none). */
export const storedViews = async (app: Core.Strapi, documentId: string, locale = 'vi') => {
  const row = await app.db
    .connection('insights_view_totals')
    .where({ document_id: documentId, locale })
    .first('views');
  return Number(row?.views ?? 0);
};

let agents = 0;
/**
 * A browser's User-Agent unique to one test visitor. The unique part is digits: a random alphanumeric one sometimes
 * held a word isbot reads as a crawler's ("url", "rss", "bot", "feed"), and the hit was then not counted.
 */
export const browserAgent = (tag: string) =>
  `Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0 ${tag}/${Date.now()}${(agents += 1)}`;
