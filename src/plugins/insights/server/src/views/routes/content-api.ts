/**
 * View routes under /api/insights, granted to the public role by the app's permissions code. The beacon
 * (POST /views) has no route: it is the hot path, answered by the beacon middleware before routing (beacon.ts),
 * without the users-permissions check, which would be a permissions query and an ability per anonymous hit.
 */
export default [
  { method: 'GET', path: '/views/top', handler: 'views.ranking', config: { policies: [] } },
  {
    method: 'GET',
    path: '/views/:documentId/daily',
    handler: 'views.daily',
    config: { policies: [] },
  },
];
