import type { Core } from '@strapi/strapi';

import { RANKED_WINDOW } from '../../src/search/service';
import { bootStrapi, graphql, http } from '../helpers/strapi';

let app: Core.Strapi;
// A word no other test writes, in every query: each test sees only its own entries (the database is shared).
const tag = () =>
  `zq${Array.from({ length: 6 }, () => 'bcdfghjklmnpqrstvx'[Math.floor(Math.random() * 18)]).join('')}`;

type Hit = { type: string; documentId: string; title: string; snippet: string; score: number };
const find = async (q: string, extra: Record<string, string> = {}) => {
  const res = await http(app)
    .get('/api/search')
    .query({ q, ...extra });
  expect(res.status).toBe(200);
  const hits: Hit[] = res.body.data;
  return hits;
};
const titles = async (q: string, extra: Record<string, string> = {}) =>
  (await find(q, extra)).map((hit) => hit.title);

const article = async (data: Record<string, unknown>, locale = 'vi') =>
  (
    await app
      .documents('api::article.article')
      .create({ locale, status: 'published', data: { title: 'untitled', ...data } })
  ).documentId;

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

bootStrapi(async (booted) => {
  app = booted.app;
});

describe('matching ignores case, marks, NFC/NFD, tone placement and đ/d', () => {
  it('finds the seed article "Từ Sơn" however the reader types it', async () => {
    for (const q of ['tu son', 'TỪ SƠN', 'Từ Sơn'.normalize('NFD'), 'từ sơn', 'Tu Son']) {
      const hits = await find(q, { type: 'article' });
      expect(hits[0]?.title).toContain('Từ Sơn');
    }
  });

  it('matches old and new tone placement both ways (hoà / hòa, thuỵ / thụy)', async () => {
    const t = tag();
    await article({ title: `Gia đình hoà thuận ${t}` });
    await article({ title: `Chị Thụy Khuê ${t}` });
    expect(await titles(`hòa ${t}`)).toEqual([`Gia đình hoà thuận ${t}`]);
    expect(await titles(`thuỵ ${t}`)).toEqual([`Chị Thụy Khuê ${t}`]);
    // The exact marks count as exact whatever their placement: full score beside a folded match.
    const [exact] = await find(`hòa ${t}`);
    const [folded] = await find(`hoa ${t}`);
    expect(exact.score).toBeGreaterThan(folded.score);
  });

  it('matches đ as d, and the last word as a prefix', async () => {
    const t = tag();
    await article({ title: `Đường làng ${t}`, body: paragraph('Hội nghị tổng kết năm') });
    expect(await titles(`duong ${t}`)).toEqual([`Đường làng ${t}`]);
    expect(await titles(`${t} hoi ngh`)).toEqual([`Đường làng ${t}`]);
    expect(await titles(`${t} hoi nghx`)).toEqual([]);
  });

  it('still finds a long word with one typo, not a short one', async () => {
    const t = tag();
    await article({ title: `Trường mầm non ${t}` });
    expect(await titles(`truogn ${t}`)).toEqual([`Trường mầm non ${t}`]);
    expect(await titles(`trương ${t}`)).toEqual([`Trường mầm non ${t}`]);
    expect(await titles(`mam nok ${t}`)).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts exact marks above folded ones: "dương" before "đường"', async () => {
    const t = tag();
    await article({ title: `Đường ${t}`, publishedDate: '2025-01-01T00:00:00Z' });
    await article({ title: `Dương ${t}`, publishedDate: '2020-01-01T00:00:00Z' });
    expect(await titles(`dương ${t}`)).toEqual([`Dương ${t}`, `Đường ${t}`]);
    expect(await titles(`đường ${t}`)).toEqual([`Đường ${t}`, `Dương ${t}`]);
  });

  it('puts title matches above body matches, phrases above scattered words', async () => {
    const t = tag();
    await article({ title: `Khởi nghiệp ${t}`, publishedDate: '2020-01-01T00:00:00Z' });
    await article({
      title: `Tin ${t}`,
      body: paragraph('Phụ nữ khởi nghiệp thành công'),
      publishedDate: '2025-01-01T00:00:00Z',
    });
    await article({
      title: `Bài ${t}`,
      body: paragraph('Nghiệp vụ mới, khởi đầu tốt'),
      publishedDate: '2026-01-01T00:00:00Z',
    });
    expect(await titles(`khoi nghiep ${t}`)).toEqual([`Khởi nghiệp ${t}`, `Tin ${t}`, `Bài ${t}`]);
  });

  // More title matches than the ranked window (RANKED_WINDOW): the engine ranks the title tier alone, and must
  // still bring the better hits of the lower tiers.
  const manyArticles = async (count: number, title: (i: number) => string) => {
    for (let i = 0; i < count; i += 1)
      await article({ title: title(i), publishedDate: '2026-01-01T00:00:00Z' });
  };
  const pagination = async (q: string) => {
    const res = await http(app).get('/api/search').query({ q });
    expect(res.status).toBe(200);
    return res.body.meta.pagination;
  };

  it('finds a body-only exact match first among more folded title matches than the window', async () => {
    const t = tag();
    await manyArticles(RANKED_WINDOW + 1, (i) => `Đường ${t} số ${i}`);
    await article({
      title: `Tin ${t}`,
      body: paragraph('Tuyên dương phụ nữ khởi nghiệp'),
      publishedDate: '2020-01-01T00:00:00Z',
    });
    const hits = await find(`dương ${t}`);
    expect(hits[0].title).toBe(`Tin ${t}`);
    expect(hits.slice(1).every((hit) => hit.title.startsWith('Đường'))).toBe(true);
    expect(await pagination(`dương ${t}`)).toMatchObject({
      total: RANKED_WINDOW + 2,
      pageCount: 5,
    });
  });

  it('fills the window with title matches before a body phrase, and counts every match', async () => {
    const t = tag();
    await manyArticles(RANKED_WINDOW + 1, (i) => `Khởi nghiệp ${t} ${i}`);
    await article({
      title: `Tin ${t}`,
      body: paragraph('Phụ nữ khởi nghiệp thành công'),
      publishedDate: '2026-06-01T00:00:00Z',
    });
    const all: string[] = [];
    for (let page = 1; page <= 5; page += 1)
      all.push(...(await titles(`khoi nghiep ${t}`, { page: String(page) })));
    expect(all).toHaveLength(RANKED_WINDOW);
    expect(all.every((title) => title.startsWith('Khởi nghiệp'))).toBe(true);
    expect(await pagination(`khoi nghiep ${t}`)).toMatchObject({ total: RANKED_WINDOW + 2 });
    // Fewer matches than the window: the tiers hold them all, and the total is theirs.
    expect(await pagination(`tin ${t}`)).toMatchObject({ total: 1, pageCount: 1 });
  });

  it('breaks ties by date, newer first', async () => {
    const t = tag();
    await article({ title: `Sơ kết ${t}`, publishedDate: '2021-06-01T00:00:00Z' });
    await article({ title: `Sơ kết ${t}`, publishedDate: '2023-06-01T00:00:00Z' });
    const hits = await find(`so ket ${t}`);
    expect(hits).toHaveLength(2);
    expect(hits[0].score).toBe(hits[1].score);
    const dates = await Promise.all(
      hits.map(async (hit) => {
        const entry = await app
          .documents('api::article.article')
          .findOne({ documentId: hit.documentId, status: 'published' });
        return String(entry?.publishedDate);
      })
    );
    expect(new Date(dates[0]).getTime()).toBeGreaterThan(new Date(dates[1]).getTime());
  });
});

describe('hits', () => {
  it('lists every type in one list, with type, documentId, slug, a highlighted snippet and a score', async () => {
    const hits = await find('krong ana');
    expect(new Set(hits.map((hit) => hit.type))).toEqual(
      new Set(['article', 'meeting', 'organization', 'award'])
    );
    const officials = await find('nguyen phuong mai', { type: 'official' });
    expect(officials[0]).toMatchObject({ type: 'official', title: 'Nguyễn Phương Mai' });
    for (const hit of hits) {
      expect(hit).toEqual({
        type: expect.any(String),
        documentId: expect.any(String),
        locale: 'vi',
        title: expect.any(String),
        slug: expect.any(String),
        snippet: expect.any(String),
        score: expect.any(Number),
      });
    }
    const [article] = await find('krong ana', { type: 'article' });
    expect(article.snippet).toMatch(/<mark>Krông<\/mark> <mark>Ana<\/mark>/);
  });

  it('escapes HTML in snippets', async () => {
    const t = tag();
    await article({ title: `Mã ${t}`, summary: `<script>alert(1)</script> ${t}` });
    const [hit] = await find(t);
    expect(hit.snippet).toContain('&lt;script&gt;');
    expect(hit.snippet).not.toContain('<script>');
  });

  it('answers GraphQL with the same hits', async () => {
    const res = await graphql(
      app,
      'query ($q: String!) { search(q: $q, type: ["article"]) { hits { type documentId title snippet score } pagination { total } } }',
      { q: 'tu son' }
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.search.hits[0].title).toContain('Từ Sơn');
    expect(res.body.data.search.pagination.total).toBeGreaterThan(0);
  });
});

describe('the index follows publish, unpublish, update and delete in every locale', () => {
  it('never finds drafts; finds what is published, in its own locale only', async () => {
    const t = tag();
    const documents = app.documents('api::article.article');
    const { documentId } = await documents.create({
      locale: 'vi',
      data: { title: `Bản nháp ${t}` },
    });
    expect(await titles(t)).toEqual([]);
    await documents.publish({ documentId, locale: 'vi' });
    expect(await titles(t)).toEqual([`Bản nháp ${t}`]);

    await documents.update({ documentId, locale: 'vi', data: { title: `Bản sửa ${t}` } });
    expect(await titles(t)).toEqual([`Bản nháp ${t}`]);
    await documents.publish({ documentId, locale: 'vi' });
    expect(await titles(t)).toEqual([`Bản sửa ${t}`]);
    expect(await titles(`nhap ${t}`)).toEqual([]);

    await documents.update({
      documentId,
      locale: 'en',
      status: 'published',
      data: { title: `Draft ${t}` },
    });
    expect(await titles(t, { locale: 'en' })).toEqual([`Draft ${t}`]);
    expect(await titles(t)).toEqual([`Bản sửa ${t}`]);

    await documents.unpublish({ documentId, locale: 'vi' });
    expect(await titles(t)).toEqual([]);
    expect(await titles(t, { locale: 'en' })).toEqual([`Draft ${t}`]);

    await documents.delete({ documentId, locale: '*' });
    expect(await titles(t, { locale: 'en' })).toEqual([]);
  });

  it('follows writes through REST too, and a refused write leaves the index as it was', async () => {
    const t = tag();
    const documentId = await article({ title: `Trước ${t}` });
    const refused = await http(app)
      .put(`/api/articles/${documentId}`)
      .set('Authorization', await tokenHeader())
      .send({ data: { title: `Sau ${t}`, body: [{ type: 'nonsense' }] } });
    expect(refused.status).toBe(400);
    expect(await titles(t)).toEqual([`Trước ${t}`]);
  });
});

let token: string | undefined;
const tokenHeader = async () => {
  token ??= `Bearer ${(await app.service('admin::api-token').create({ name: `search-${tag()}`, type: 'full-access', lifespan: null, description: 'search test' })).accessKey}`;
  return token;
};

describe('bad input is a 400 with a message', () => {
  it.each([
    ['no q', {}],
    ['empty q', { q: '   ' }],
    ['q without words', { q: '!!!' }],
    ['a 500-character q', { q: 'a'.repeat(500) }],
    ['an unknown type', { q: 'tu son', type: 'article,recipe' }],
    ['page 0', { q: 'tu son', page: '0' }],
    ['page -1', { q: 'tu son', page: '-1' }],
    ['pageSize 51', { q: 'tu son', pageSize: '51' }],
    ['pageSize 1.5', { q: 'tu son', pageSize: '1.5' }],
    ['an unknown locale', { q: 'tu son', locale: 'zz' }],
    ['an unknown parameter', { q: 'tu son', sort: 'title' }],
    ['q given twice', { q: ['a', 'b'] }],
  ])('%s', async (_, query) => {
    const res = await http(app).get('/api/search').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  it('GraphQL too', async () => {
    const res = await graphql(app, '{ search(q: "tu son", page: 0) { hits { title } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/page/);
  });
});

describe("Strapi's own $containsi", () => {
  it('matches Vietnamese capitals', async () => {
    for (const value of ['TỪ SƠN', 'từ sơn', 'Từ SƠN']) {
      const res = await http(app)
        .get('/api/organizations')
        .query({ filters: { name: { $containsi: value } } });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
    }
  });
});
