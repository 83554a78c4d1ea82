import type { Core } from '@strapi/strapi';

import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
const ARTICLE = 'api::article.article';
const UNIT = 'api::organization.organization';
const tag = Math.random().toString(36).slice(2, 8);
const ids: Record<string, string> = {};

type Served = { documentId: string; title?: string; name?: string; servedLocale: string };

bootStrapi(async (booted) => {
  app = booted.app;
  const units = app.documents(UNIT);
  ids.translatedUnit = (
    await units.create({
      locale: 'vi',
      data: { name: `Hội LHPN xã A ${tag}`, kind: 'womens_union', level: 'commune' },
    })
  ).documentId;
  await units.update({
    documentId: ids.translatedUnit,
    locale: 'en',
    data: { name: `Commune A union ${tag}` },
  });
  ids.viOnlyUnit = (
    await units.create({
      locale: 'vi',
      data: { name: `Hội LHPN xã B ${tag}`, kind: 'womens_union', level: 'commune' },
    })
  ).documentId;

  const articles = app.documents(ARTICLE);
  const article = async (key: string, title: string, organization: string) => {
    ids[key] = (
      await articles.create({
        locale: 'vi',
        status: 'published',
        data: { title: `${title} ${tag}`, organization },
      })
    ).documentId;
  };
  await article('translated', 'Bài đã dịch', ids.translatedUnit);
  await articles.update({
    documentId: ids.translated,
    locale: 'en',
    status: 'published',
    data: { title: `Translated article ${tag}` },
  });
  await article('viOnly', 'Bài chưa dịch', ids.viOnlyUnit);
  // An en draft that was never published: a published read must not show it, nor hide the vi version.
  await article('enDraft', 'Bài có bản nháp tiếng Anh', ids.translatedUnit);
  await articles.update({
    documentId: ids.enDraft,
    locale: 'en',
    data: { title: `English draft ${tag}` },
  });
  // A vi draft only: never served.
  ids.draftOnly = (
    await articles.create({ locale: 'vi', data: { title: `Bản nháp ${tag}` } })
  ).documentId;
});

const list = async (query: string) => {
  const res = await http(app).get(`/api/articles?filters[title][$contains]=${tag}&${query}`);
  expect(res.status).toBe(200);
  return res.body.data as Served[];
};

describe('fallback reads (locale=en&fallbackLocale=vi)', () => {
  it('a list serves en where it exists and vi otherwise, saying which, and no draft', async () => {
    const served = await list('locale=en&fallbackLocale=vi&sort=documentId');
    const byId = new Map(served.map((entry) => [entry.documentId, entry]));
    expect(byId.size).toBe(3);
    expect(byId.get(ids.translated)).toMatchObject({
      title: `Translated article ${tag}`,
      servedLocale: 'en',
    });
    expect(byId.get(ids.viOnly)).toMatchObject({
      title: `Bài chưa dịch ${tag}`,
      servedLocale: 'vi',
    });
    expect(byId.get(ids.enDraft)).toMatchObject({ servedLocale: 'vi' });
    expect(byId.has(ids.draftOnly)).toBe(false);
  });

  it('without the fallback, en serves en only', async () => {
    const served = await list('locale=en');
    expect(served.map((entry) => entry.documentId)).toEqual([ids.translated]);
  });

  it('pages over both locales', async () => {
    const first = await list('locale=en&fallbackLocale=vi&sort=documentId&pagination[pageSize]=2');
    const second = await list(
      'locale=en&fallbackLocale=vi&sort=documentId&pagination[pageSize]=2&pagination[page]=2'
    );
    expect([...first, ...second].map((entry) => entry.documentId).sort()).toEqual(
      [ids.translated, ids.viOnly, ids.enDraft].sort()
    );
  });

  it("counts what it pages over: the page's total and page count include the fallback entries", async () => {
    const res = await http(app).get(
      `/api/articles?filters[title][$contains]=${tag}&locale=en&fallbackLocale=vi&pagination[pageSize]=2`
    );
    expect(res.body.meta.pagination).toMatchObject({ total: 3, pageCount: 2 });
  });

  it('a single entry falls back, and a draft-only document stays a 404', async () => {
    const one = await http(app).get(`/api/articles/${ids.viOnly}?locale=en&fallbackLocale=vi`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ documentId: ids.viOnly, servedLocale: 'vi' });
    const translated = await http(app).get(
      `/api/articles/${ids.translated}?locale=en&fallbackLocale=vi`
    );
    expect(translated.body.data).toMatchObject({ servedLocale: 'en' });
    expect((await http(app).get(`/api/articles/${ids.viOnly}?locale=en`)).status).toBe(404);
    expect(
      (await http(app).get(`/api/articles/${ids.draftOnly}?locale=en&fallbackLocale=vi`)).status
    ).toBe(404);
  });

  it('populated relations fall back per target', async () => {
    const served = await list(
      'locale=en&fallbackLocale=vi&populate[organization][fields][0]=name&populate[organization][fields][1]=locale'
    );
    const byId = new Map(
      served.map((entry) => [entry.documentId, entry as Served & { organization: Served }])
    );
    expect(byId.get(ids.translated)?.organization).toMatchObject({
      name: `Commune A union ${tag}`,
      servedLocale: 'en',
    });
    expect(byId.get(ids.viOnly)?.organization).toMatchObject({
      name: `Hội LHPN xã B ${tag}`,
      servedLocale: 'vi',
    });
  });

  it('GraphQL: lists and single entries with servedLocale', async () => {
    const res = await http(app)
      .post('/graphql?fallbackLocale=vi')
      .send({
        query: `query ($tag: String!, $id: ID!) {
          articles(locale: "en", filters: { title: { contains: $tag } }) { documentId title servedLocale }
          article(documentId: $id, locale: "en") { title servedLocale }
        }`,
        variables: { tag, id: ids.viOnly },
      });
    expect(res.body.errors).toBeUndefined();
    const byId = new Map(
      res.body.data.articles.map((entry: Served) => [entry.documentId, entry.servedLocale])
    );
    expect(Object.fromEntries(byId)).toEqual({
      [ids.translated]: 'en',
      [ids.viOnly]: 'vi',
      [ids.enDraft]: 'vi',
    });
    expect(res.body.data.article).toEqual({ title: `Bài chưa dịch ${tag}`, servedLocale: 'vi' });
  });

  it('each entry carries the views of the locale it is served in, whatever fields are asked', async () => {
    const hit = (documentId: string, locale: string, agent: string) =>
      http(app)
        .post('/api/insights/views')
        .set('user-agent', `Mozilla/5.0 (X11; Linux x86_64) Firefox/${agent}`)
        .send({ type: 'article', documentId, locale })
        .expect(200);
    await hit(ids.viOnly, 'vi', '120.0');
    await hit(ids.viOnly, 'vi', '121.0');
    await hit(ids.translated, 'en', '122.0');
    for (const fields of ['fields[0]=title', 'fields[0]=title&fields[1]=locale', '']) {
      const views = Object.fromEntries(
        (await list(`locale=en&fallbackLocale=vi&${fields}`)).map((entry) => [
          entry.documentId,
          (entry as Served & { viewCount: number }).viewCount,
        ])
      );
      expect(views).toMatchObject({ [ids.viOnly]: 2, [ids.translated]: 1 });
    }
    const one = await http(app).get(
      `/api/articles/${ids.viOnly}?locale=en&fallbackLocale=vi&fields[0]=title`
    );
    expect(one.body.data).toMatchObject({ servedLocale: 'vi', viewCount: 2 });
  });

  it('refuses a bad fallback with a 400', async () => {
    expect((await http(app).get('/api/articles?locale=en&fallbackLocale=zz')).status).toBe(400);
    expect((await http(app).get('/api/articles?locale=en&fallbackLocale[0]=vi')).status).toBe(400);
  });
});
