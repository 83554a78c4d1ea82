import { PERMISSIONS, requires } from '../../permissions';

const readViews = requires(PERMISSIONS.readViews);

/** View routes under /insights for the admin panel (plugin page, homepage widget, list view column). */
export default [
  // Which types are counted, for the list view column; asked before login too, so not behind admin auth.
  { method: 'GET', path: '/views/types', handler: 'views.types', config: { auth: false } },
  { method: 'GET', path: '/views/top', handler: 'views.ranking', config: readViews },
  { method: 'GET', path: '/views/counts', handler: 'views.counts', config: readViews },
  {
    method: 'GET',
    path: '/views/:documentId/daily',
    handler: 'views.dailyAnyState',
    config: readViews,
  },
];
