/** Public routes under /api/insights. Who may call them is set in code by the app's public permissions. */
export default [
  { method: 'POST', path: '/views', handler: 'views.track', config: { policies: [] } },
  { method: 'GET', path: '/views/top', handler: 'views.ranking', config: { policies: [] } },
  { method: 'GET', path: '/views/:documentId/daily', handler: 'views.daily', config: { policies: [] } },
];
