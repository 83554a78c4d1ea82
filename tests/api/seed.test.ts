import type { Core } from '@strapi/strapi';

import { readSeedContent } from '../../src/seed';
import { graphql, http, startStrapi, stopStrapi } from '../helpers/strapi';

let app: Core.Strapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(() => stopStrapi(app));

describe('seed smoke', () => {
  it('serves the seeded articles', async () => {
    const res = await http(app).get('/api/articles');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(readSeedContent(app.dirs.app.root).articles).toHaveLength(2);
    const gql = await graphql(app, '{ articles { title } }');
    expect(gql.body.data.articles).toHaveLength(2);
  });
});
