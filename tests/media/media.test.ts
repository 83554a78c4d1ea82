import type { Core } from '@strapi/strapi';
import request from 'supertest';

import { freePort, startInstance, type Instance } from '../helpers/instance';
import { bootStrapi, http } from '../helpers/strapi';

// A 1×1 PNG.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);
const PUBLIC_URL = 'https://phunu.example.vn';

let app: Core.Strapi;
let token: string;
let file: { id: number; url: string };
let articleId: string;
let withPublicUrl: Instance;
bootStrapi(
  async (booted) => {
    ({ app, token } = booted);
    const upload = await http(app)
      .post('/api/upload')
      .set('Authorization', token)
      .attach('files', PIXEL, { filename: `anh-${Date.now()}.png`, contentType: 'image/png' });
    [file] = upload.body;
    const article = await app.documents('api::article.article').create({
      locale: 'vi',
      data: { title: `Tin có ảnh ${Date.now()}`, cover: file.id },
      status: 'published',
    });
    articleId = article.documentId;
  },
  () => withPublicUrl?.stop() ?? Promise.resolve()
);
// A second process of the app on the same database, started with PUBLIC_URL (slow on a loaded machine).
beforeAll(async () => {
  withPublicUrl = await startInstance(await freePort(), { PUBLIC_URL });
}, 180_000);

describe('uploaded files', () => {
  it('are served with a long max-age and validators, and 304 when they match', async () => {
    const res = await http(app).get(file.url);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('max-age=604800');
    expect(res.headers.etag).toMatch(/^W\/"[0-9a-f.]+-[0-9a-f.]+"$/);
    expect(res.headers['last-modified']).toBeDefined();
    const byTag = await http(app).get(file.url).set('If-None-Match', res.headers.etag);
    expect(byTag.status).toBe(304);
    const byDate = await http(app)
      .get(file.url)
      .set('If-Modified-Since', res.headers['last-modified']);
    expect(byDate.status).toBe(304);
    expect((await http(app).get(file.url).set('If-None-Match', 'W/"other"')).status).toBe(200);
  });
});

describe('media URLs', () => {
  it('stay relative when PUBLIC_URL is not set', async () => {
    const res = await http(app).get(`/api/articles/${articleId}?populate=cover`);
    expect(res.body.data.cover.url).toBe(file.url);
  });

  it('are absolute over REST when PUBLIC_URL is set, formats included', async () => {
    const res = await request(withPublicUrl.url).get(`/api/articles/${articleId}?populate=cover`);
    expect(res.body.data.cover.url).toBe(`${PUBLIC_URL}${file.url}`);
    for (const format of Object.values<{ url: string }>(res.body.data.cover.formats ?? {})) {
      expect(format.url.startsWith(`${PUBLIC_URL}/uploads/`)).toBe(true);
    }
  });

  it("are absolute in a ranking's cards when PUBLIC_URL is set", async () => {
    // A unit of its own: the ranking filtered by it holds only this article, whatever else a run has counted.
    const unit = await app.documents('api::organization.organization').create({
      locale: 'vi',
      data: { name: `Hội LHPN xã Ảnh ${Date.now()}`, kind: 'womens_union', level: 'commune' },
    });
    const article = await app.documents('api::article.article').create({
      locale: 'vi',
      data: {
        title: `Tin có ảnh bìa ${Date.now()}`,
        cover: file.id,
        organization: unit.documentId,
      },
      status: 'published',
    });
    const hit = await request(withPublicUrl.url)
      .post('/api/insights/views')
      .set('User-Agent', `Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0 media-test/${Date.now()}`)
      .send({ type: 'article', documentId: article.documentId, locale: 'vi' });
    expect(hit.status).toBe(200);
    const ranking = `/api/insights/views/top?type=article&period=all&organization=${unit.documentId}`;
    const absolute = await request(withPublicUrl.url).get(ranking);
    expect(absolute.body.data).toHaveLength(1);
    expect(absolute.body.data[0].cover.url).toBe(`${PUBLIC_URL}${file.url}`);
    expect((await http(app).get(ranking)).body.data[0].cover.url).toBe(file.url);
  });

  it('are absolute over GraphQL when PUBLIC_URL is set', async () => {
    const res = await request(withPublicUrl.url)
      .post('/graphql')
      .send({ query: `query { article(documentId: "${articleId}") { cover { url } } }` });
    expect(res.body.data.article.cover.url).toBe(`${PUBLIC_URL}${file.url}`);
  });
});
