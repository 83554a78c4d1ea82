/** GET /api/openapi.json: the content API's OpenAPI document. Public: it describes only public and token routes. */
export default {
  routes: [
    { method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: { auth: false } },
  ],
};
