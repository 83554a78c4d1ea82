/** GET /api/search: one ranked list of published content (granted to the public role in code). */
export default {
  routes: [{ method: 'GET', path: '/search', handler: 'search.find', config: { policies: [] } }],
};
