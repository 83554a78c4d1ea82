import type { Core } from '@strapi/strapi';

/**
 * Emitted (on strapi.eventHub) after view counts of documents changed and were committed, with
 * `{ documentIds: string[] }`, and awaited before the hits are acknowledged: whoever keeps copies of responses
 * carrying `viewCount` (the app's response cache) drops them first.
 */
export const VIEWS_COUNTED = 'insights::views.counted';

export const announceCounted = async (strapi: Core.Strapi, documentIds: string[]) => {
  if (documentIds.length > 0)
    await strapi.eventHub.emit(VIEWS_COUNTED, { documentIds: [...new Set(documentIds)] });
};
