import { adminOnly } from '../input';

const list = { method: 'GET', path: '/translations', handler: 'translations.list' };
const document = {
  method: 'GET',
  path: '/translations/:type/:documentId',
  handler: 'translations.document',
};

/**
 * Translation states: /insights/... for the admin panel, /api/insights/... for API tokens. The content-api routes
 * are not granted to the public role (the app grants only what readers need), so readers never see them.
 */
export default {
  contentApi: [
    { ...list, config: { policies: [] } },
    { ...document, config: { policies: [] } },
  ],
  admin: [
    { ...list, config: adminOnly },
    { ...document, config: adminOnly },
    {
      method: 'POST',
      path: '/translations/:type/:documentId/:locale/current',
      handler: 'translations.markCurrent',
      config: adminOnly,
    },
  ],
};
