/**
 * View routes under /api/insights. The beacon is public by its own config: it is the hot path, and the
 * users-permissions check (a permissions query and an ability per anonymous request) would halve its
 * throughput. The reads are granted to the public role by the app's permissions code.
 */
export default [
  { method: 'POST', path: '/views', handler: 'views.track', config: { auth: false } },
  { method: 'GET', path: '/views/top', handler: 'views.ranking', config: { policies: [] } },
  {
    method: 'GET',
    path: '/views/:documentId/daily',
    handler: 'views.daily',
    config: { policies: [] },
  },
];
