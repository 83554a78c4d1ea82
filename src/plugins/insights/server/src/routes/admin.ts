const adminOnly = { policies: ['admin::isAuthenticatedAdmin'] };

/** Routes under /insights for the admin panel (plugin page, homepage widget, list view column). */
export default [
  { method: 'GET', path: '/views/top', handler: 'views.ranking', config: adminOnly },
  { method: 'GET', path: '/views/counts', handler: 'views.counts', config: adminOnly },
  { method: 'GET', path: '/views/:documentId/daily', handler: 'views.daily', config: adminOnly },
];
