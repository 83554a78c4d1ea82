import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Core } from '@strapi/strapi';

import { bootStrapi, graphql, http, sqlDuring } from '../helpers/strapi';
import { browserAgent } from '../helpers/views';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

const articles = () => app.documents('api::article.article');
const units = () => app.documents('api::organization.organization');
const suffix = () => Math.random().toString(36).slice(2, 8);

const queriesDuring = async (run: () => Promise<unknown>) => (await sqlDuring(app, run)).sql.length;

const publishedUnit = async (name: string) =>
  units().create({ locale: 'vi', data: { name, kind: 'womens_union', level: 'commune' } });

describe('REST reads', () => {
  it('answers a repeated public read from the cache with the same strong ETag, and 304 when it matches', async () => {
    const url = `/api/articles?fields[0]=title&sort=publishedDate:desc&x=${suffix()}`.replace(
      /&x=.*/,
      ''
    );
    const path = `${url}&pagination[pageSize]=${3 + Math.floor(Math.random() * 5)}`;
    const first = await http(app).get(path);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=5, stale-while-revalidate=30');
    const second = await http(app).get(path);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toEqual(first.body);
    const revalidated = await http(app).get(path).set('If-None-Match', first.headers.etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    const stale = await http(app).get(path).set('If-None-Match', '"something-else"');
    expect(stale.status).toBe(200);
  });

  it('serves a hit without touching the database', async () => {
    const path = `/api/organizations?pagination[pageSize]=7&sort=name`;
    await http(app).get(path);
    expect(await queriesDuring(() => http(app).get(path))).toBe(0);
  });

  it('makes concurrent misses for one key once', async () => {
    const path = () => `/api/articles?populate=organization&pagination[pageSize]=4&sort=title`;
    const one = await queriesDuring(() => http(app).get(`${path()}&locale=vi`));
    const many = await queriesDuring(() =>
      Promise.all(Array.from({ length: 8 }, () => http(app).get(`${path()}&locale=en`)))
    );
    expect(one).toBeGreaterThan(0);
    expect(many).toBeLessThanOrEqual(one);
  });

  it('purges an article that embeds a unit when the unit changes', async () => {
    const unit = await publishedUnit(`Hội LHPN xã Thử ${suffix()}`);
    const article = await articles().create({
      locale: 'vi',
      data: { title: `Tin ${suffix()}`, organization: unit.documentId },
      status: 'published',
    });
    const path = `/api/articles/${article.documentId}?populate=organization`;
    expect((await http(app).get(path)).body.data.organization.name).toBe(unit.name);
    expect((await http(app).get(path)).headers['x-cache']).toBe('HIT');
    const renamed = `Hội LHPN xã Mới ${suffix()}`;
    await units().update({ documentId: unit.documentId, locale: 'vi', data: { name: renamed } });
    const after = await http(app).get(path);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.organization.name).toBe(renamed);
  });

  it('purges a list filtered through a relation when the related type changes', async () => {
    const unit = await publishedUnit(`Hội LHPN xã Lọc ${suffix()}`);
    const title = `Tin lọc ${suffix()}`;
    await articles().create({
      locale: 'vi',
      data: { title, organization: unit.documentId },
      status: 'published',
    });
    const renamed = `Hội LHPN xã Lọc Mới ${suffix()}`;
    const path = `/api/articles?fields[0]=title&filters[organization][name][$eq]=${encodeURIComponent(renamed)}`;
    expect((await http(app).get(path)).body.data).toEqual([]);
    expect((await http(app).get(path)).headers['x-cache']).toBe('HIT');
    await units().update({ documentId: unit.documentId, locale: 'vi', data: { name: renamed } });
    expect((await http(app).get(path)).body.data.map((a: { title: string }) => a.title)).toEqual([
      title,
    ]);
  });

  it('shows a new article in a cached list at once', async () => {
    const path = '/api/articles?fields[0]=title&sort=createdAt:desc&pagination[pageSize]=1';
    await http(app).get(path);
    const title = `Tin mới ${suffix()}`;
    await articles().create({ locale: 'vi', data: { title }, status: 'published' });
    expect((await http(app).get(path)).body.data[0].title).toBe(title);
  });

  it('keeps viewCount live: a counted view purges the responses that carry it', async () => {
    const article = await articles().create({
      locale: 'vi',
      data: { title: `Tin ${suffix()}` },
      status: 'published',
    });
    const path = `/api/articles/${article.documentId}`;
    expect((await http(app).get(path)).body.data.viewCount).toBe(0);
    expect((await http(app).get(path)).headers['x-cache']).toBe('HIT');
    const hit = await http(app)
      .post('/api/insights/views')
      .set('User-Agent', browserAgent('cache-test'))
      .send({ type: 'article', documentId: article.documentId, locale: 'vi' });
    expect(hit.body.data.counted).toBe(true);
    expect((await http(app).get(path)).body.data.viewCount).toBe(1);
  });

  it('never shares a response between a token holder and the public', async () => {
    const title = `Bản nháp ${suffix()}`;
    await articles().create({ locale: 'vi', data: { title } });
    const path = `/api/articles?status=draft&filters[title][$eq]=${encodeURIComponent(title)}`;
    const withToken = await http(app).get(path).set('Authorization', token);
    expect(withToken.body.data.map((a: { title: string }) => a.title)).toEqual([title]);
    expect(withToken.headers['cache-control']).toBe('private, no-cache');
    const asPublic = await http(app).get(path);
    expect(asPublic.headers['x-cache']).not.toBe('HIT');
    expect(asPublic.text).not.toContain(title);
    expect((await http(app).get(path).set('Authorization', token)).headers['x-cache']).toBe('HIT');
  });

  it('empties the cache when the public role loses a permission', async () => {
    const path = '/api/meetings?pagination[pageSize]=2';
    await http(app).get(path);
    expect((await http(app).get(path)).headers['x-cache']).toBe('HIT');
    const role = await app.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const permission = await app.db
      .query('plugin::users-permissions.permission')
      .findOne({ where: { role: role.id, action: 'api::meeting.meeting.find' } });
    await app.db.query('plugin::users-permissions.permission').update({
      where: { id: permission.id },
      data: { action: permission.action },
    });
    expect((await http(app).get(path)).headers['x-cache']).toBe('MISS');
  });

  it('does not cache refusals or plugin routes that do not opt in', async () => {
    const bad = await http(app).get('/api/articles?pagination[pageSize]=lots');
    expect(bad.status).toBe(400);
    expect(bad.headers['x-cache']).toBeUndefined();
    for (let i = 0; i < 2; i += 1) {
      const ranking = await http(app).get('/api/insights/views/top?type=article');
      expect(ranking.status).toBe(200);
      expect(ranking.headers['x-cache']).toBeUndefined();
    }
  });

  it("keeps a unit's commendation record until an award, unit, official or meeting is written", async () => {
    const unit = await publishedUnit(`Hội LHPN xã Khen ${suffix()}`);
    const path = `/api/insights/units/${unit.documentId}/commendations`;
    const first = await http(app).get(path);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.body.meta.pagination.total).toBe(0);
    const second = await http(app).get(path);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(await queriesDuring(() => http(app).get(path))).toBe(0);
    expect((await http(app).get(path).set('If-None-Match', first.headers.etag)).status).toBe(304);
    await app.documents('api::award.award').create({
      locale: 'vi',
      status: 'published',
      data: {
        title: `Giấy khen ${suffix()}`,
        form: 'certificate_of_commendation',
        awardStatus: 'active',
        countedCollectives: 2,
        countedIndividuals: 0,
        issuer: unit.documentId,
      },
    });
    const after = await http(app).get(path);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.meta.pagination.total).toBe(1);
    await http(app).get(path);
    await app.documents('api::meeting.meeting').create({
      locale: 'vi',
      data: { title: `Hội nghị ${suffix()}`, kind: 'review', extended: false },
    });
    expect((await http(app).get(path)).headers['x-cache']).toBe('MISS');
  });

  it('skips the row count when asked with pagination[withCount]=false', async () => {
    const page = (size: number, withCount: boolean) =>
      http(app).get(
        `/api/articles?fields[0]=title&pagination[pageSize]=${size}&pagination[withCount]=${withCount}`
      );
    const countQuery = (sql: string) => /count\(/i.test(sql);
    const counted = await sqlDuring(app, () => page(11, true));
    expect(counted.sql.filter(countQuery)).toHaveLength(1);
    const res = await page(12, false);
    expect(res.body.meta.pagination.total).toBeUndefined();
    const uncounted = await sqlDuring(app, () => page(13, false));
    expect(uncounted.sql.filter(countQuery)).toEqual([]);
  });
});

/** The bytes as sent, undecoded (supertest would decompress them). */
const rawGet = (path: string, acceptEncoding: string) =>
  new Promise<{ encoding?: string; bytes: Buffer }>((resolve, reject) => {
    const server = app.server.httpServer;
    const listening = server.listening ? server : server.listen(0);
    const address = listening.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    get({ port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) })
      );
    }).on('error', reject);
  });

describe('compression', () => {
  const path = '/api/articles?pagination[pageSize]=5';

  it('compresses responses over 1 KB with gzip or br as the client asks', async () => {
    const plain = await http(app).get(path).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Buffer.byteLength(plain.text)).toBeGreaterThan(1024);
    for (const [encoding, decode] of [
      ['gzip', gunzipSync],
      ['br', brotliDecompressSync],
    ] as const) {
      const res = await rawGet(path, encoding);
      expect(res.encoding).toBe(encoding);
      expect(res.bytes.length).toBeLessThan(Buffer.byteLength(plain.text) / 2);
      expect(JSON.parse(decode(res.bytes).toString())).toEqual(plain.body);
    }
  });

  it('leaves small responses alone', async () => {
    const res = await http(app)
      .get('/api/articles?fields[0]=title&pagination[pageSize]=1')
      .set('Accept-Encoding', 'gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('GraphQL', () => {
  const query = `query { articles(pagination: { pageSize: 2 }, sort: "createdAt:desc") { documentId title } }`;

  it('answers a repeated query from the cache, and a write purges it', async () => {
    const first = await graphql(app, query);
    expect(first.status).toBe(200);
    expect((await graphql(app, query)).headers['x-cache']).toBe('HIT');
    const title = `Tin GraphQL ${suffix()}`;
    await articles().create({ locale: 'vi', data: { title }, status: 'published' });
    const after = await graphql(app, query);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.articles[0].title).toBe(title);
  });

  it('does not cache mutations or answers with errors', async () => {
    const broken = await graphql(app, 'query { articles { noSuchField } }');
    expect(broken.headers['x-cache']).toBeUndefined();
    const mutation = await graphql(
      app,
      'mutation { createArticle(data: { title: "x" }) { documentId } }'
    );
    expect(mutation.headers['x-cache']).toBeUndefined();
  });
});
