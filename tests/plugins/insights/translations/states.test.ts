import type { Core } from '@strapi/strapi';

import { adminSession } from '../../../helpers/admin';
import { bootStrapi, graphql, http } from '../../../helpers/strapi';

let app: Core.Strapi;
let token: string;
let admin: string;
const ARTICLE = 'api::article.article';
const unique = () => Math.random().toString(36).slice(2, 8);
const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  children: [{ type: 'text' as const, text }],
});

type LocaleState = {
  locale: string;
  state: string;
  changedFields: { field: string; before: string[]; after: string[] }[];
  missingFields: string[];
};

const statesOf = async (documentId: string): Promise<LocaleState[]> => {
  const res = await http(app)
    .get(`/api/insights/translations/article/${documentId}`)
    .set('authorization', token);
  expect(res.status).toBe(200);
  return res.body.data.locales;
};
const enState = async (documentId: string) =>
  (await statesOf(documentId)).find((state) => state.locale === 'en');

/** The stored rows of one locale (draft and published), to show a state change never touches the entry. */
const rowsOf = (documentId: string, locale: string) =>
  app.db.query(ARTICLE).findMany({
    select: ['id', 'updatedAt', 'publishedAt'],
    where: { documentId, locale },
    orderBy: { id: 'asc' },
  });

const viArticle = async () =>
  (
    await app.documents(ARTICLE).create({
      locale: 'vi',
      status: 'published',
      data: {
        title: `Hội nghị sơ kết ${unique()}`,
        summary: 'Sơ kết 6 tháng đầu năm',
        body: [paragraph('Đoạn một.'), paragraph('Đoạn hai.')],
      },
    })
  ).documentId;

const translate = (documentId: string, body = [paragraph('One.'), paragraph('Two.')]) =>
  app.documents(ARTICLE).update({
    documentId,
    locale: 'en',
    status: 'published',
    data: { title: `Review meeting ${unique()}`, summary: 'First half review', body },
  });

bootStrapi(async (booted) => {
  app = booted.app;
  token = booted.token;
  admin = await adminSession(app);
});

describe('translation states', () => {
  it('a document without an en version is missing in en', async () => {
    const documentId = await viArticle();
    expect(await enState(documentId)).toMatchObject({ state: 'missing', changedFields: [] });
  });

  it('a new en version is current; an edit of the vi text makes it outdated, naming the changed paragraph', async () => {
    const documentId = await viArticle();
    await translate(documentId);
    expect(await enState(documentId)).toMatchObject({ state: 'current', changedFields: [] });
    const enRows = await rowsOf(documentId, 'en');

    await app.documents(ARTICLE).update({
      documentId,
      locale: 'vi',
      data: { body: [paragraph('Đoạn một.'), paragraph('Đoạn hai, đã sửa.')] },
    });
    const outdated = await enState(documentId);
    expect(outdated?.state).toBe('outdated');
    expect(outdated?.changedFields).toEqual([
      {
        field: 'body',
        before: ['Đoạn một.', 'Đoạn hai.'],
        after: ['Đoạn một.', 'Đoạn hai, đã sửa.'],
      },
    ]);
    // Publishing the vi edit changes nothing for en: the edit was already counted.
    await app.documents(ARTICLE).publish({ documentId, locale: 'vi' });
    expect((await enState(documentId))?.state).toBe('outdated');
    // Keeping the state never wrote the en entry.
    expect(await rowsOf(documentId, 'en')).toEqual(enRows);
  });

  it('saving the en text makes it current again; a vi edit of a field that is not translated does not outdate it', async () => {
    const documentId = await viArticle();
    await translate(documentId);
    await app.documents(ARTICLE).update({ documentId, locale: 'vi', data: { summary: 'Mới' } });
    expect((await enState(documentId))?.changedFields.map(({ field }) => field)).toEqual([
      'summary',
    ]);
    await translate(documentId);
    expect((await enState(documentId))?.state).toBe('current');
    await app.documents(ARTICLE).update({
      documentId,
      locale: 'vi',
      data: { publishedDate: '2024-01-02T03:04:05.000Z', slug: `moi-${unique()}` },
    });
    expect((await enState(documentId))?.state).toBe('current');
  });

  it('an en version that leaves out text the vi version has is missing, naming the fields', async () => {
    const documentId = await viArticle();
    await translate(documentId, []);
    expect(await enState(documentId)).toMatchObject({ state: 'missing', missingFields: ['body'] });
  });

  it('unpublishing keeps the state; deleting the en version makes it missing and forgets its source', async () => {
    const documentId = await viArticle();
    await translate(documentId);
    await app.documents(ARTICLE).unpublish({ documentId, locale: 'en' });
    await app.documents(ARTICLE).unpublish({ documentId, locale: 'vi' });
    expect((await enState(documentId))?.state).toBe('current');
    await app.documents(ARTICLE).delete({ documentId, locale: 'en' });
    expect((await enState(documentId))?.state).toBe('missing');
    const kept = await app.db
      .connection('insights_translation_sources')
      .where({ document_id: documentId });
    expect(kept).toEqual([]);
  });

  it('a translator marks an outdated translation current without touching the entry', async () => {
    const documentId = await viArticle();
    await translate(documentId);
    await app.documents(ARTICLE).update({ documentId, locale: 'vi', data: { title: 'Sửa dấu' } });
    const enRows = await rowsOf(documentId, 'en');
    const res = await http(app)
      .post(`/insights/translations/article/${documentId}/en/current`)
      .set('authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body.data.locales).toEqual([
      expect.objectContaining({ locale: 'en', state: 'current' }),
    ]);
    expect(await rowsOf(documentId, 'en')).toEqual(enRows);
  });

  it('marking current needs an en version, a known type and locale (4xx, nothing stored)', async () => {
    const documentId = await viArticle();
    const post = (path: string) => http(app).post(path).set('authorization', admin);
    expect((await post(`/insights/translations/article/${documentId}/en/current`)).status).toBe(
      404
    );
    expect((await post(`/insights/translations/article/${documentId}/zz/current`)).status).toBe(
      400
    );
    expect((await post(`/insights/translations/article/${documentId}/vi/current`)).status).toBe(
      400
    );
    expect((await post(`/insights/translations/widget/${documentId}/en/current`)).status).toBe(400);
    const stored = await app.db
      .connection('insights_translation_sources')
      .where({ document_id: documentId });
    expect(stored).toEqual([]);
  });

  it('keeps nothing for an update of a document that does not exist (404)', async () => {
    const res = await http(app)
      .put('/api/articles/nosuchdocument1?locale=en')
      .set('authorization', token)
      .send({ data: { title: 'Nothing' } });
    expect(res.status).toBe(404);
    const stored = await app.db
      .connection('insights_translation_sources')
      .where({ document_id: 'nosuchdocument1' });
    expect(stored).toEqual([]);
  });

  it('lists what needs work per type and locale, filterable, for API tokens and the admin only', async () => {
    const missing = await viArticle();
    const outdated = await viArticle();
    await translate(outdated);
    await app
      .documents(ARTICLE)
      .update({ documentId: outdated, locale: 'vi', data: { summary: 'x' } });
    const list = async (query: string, auth = token, prefix = '/api/insights') =>
      http(app).get(`${prefix}/translations?${query}`).set('authorization', auth);
    type Row = { documentId: string; state: string };
    /** Every page of a list: other files of a run add articles too, more than a page of them. */
    const listAll = async (query: string, auth = token, prefix = '/api/insights') => {
      const rows: Row[] = [];
      for (let page = 1; ; page += 1) {
        const { body } = await list(`${query}&pageSize=100&page=${page}`, auth, prefix);
        rows.push(...body.data);
        if (body.data.length === 0 || rows.length >= body.meta.pagination.total) return rows;
      }
    };
    const byId = new Map(
      (await listAll('type=article&locale=en')).map((row) => [row.documentId, row])
    );
    expect(byId.get(missing)).toMatchObject({ type: 'article', locale: 'en', state: 'missing' });
    expect(byId.get(outdated)).toMatchObject({ state: 'outdated', changedFields: ['summary'] });
    const onlyOutdated = await listAll('type=article&state=outdated', admin, '/insights');
    expect(onlyOutdated.every((row) => row.state === 'outdated')).toBe(true);
    expect(onlyOutdated.map((row) => row.documentId)).toContain(outdated);

    expect((await http(app).get('/api/insights/translations')).status).toBe(403);
    expect((await http(app).get(`/api/insights/translations/article/${missing}`)).status).toBe(403);
    expect((await list('state=old')).status).toBe(400);
    expect((await list('pageSize=1000')).status).toBe(400);
    expect((await list('type=widget')).status).toBe(400);
  });

  it('GraphQL gives the states to API tokens, not to the public', async () => {
    const documentId = await viArticle();
    await translate(documentId);
    const query = `query ($id: String!) { translationStates(type: "article", documentId: $id) {
      sourceLocale locales { locale state changedFields { field before after } } } }`;
    const res = await http(app)
      .post('/graphql')
      .set('authorization', token)
      .send({ query, variables: { id: documentId } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.translationStates).toEqual({
      sourceLocale: 'vi',
      locales: [{ locale: 'en', state: 'current', changedFields: [] }],
    });
    const pub = await graphql(app, query, { id: documentId });
    expect(pub.body.data).toBeNull();
    expect(pub.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("the seed's English articles are complete: body, captions and byline translated, so current", async () => {
    const seeded = await app.db.query(ARTICLE).findMany({
      select: ['documentId'],
      where: {
        locale: 'vi',
        publishedAt: null,
        slug: {
          $in: [
            'hoi-lhpn-thanh-pho-tu-son-trien-khai-nhiem-vu-cong-tac-hoi-nam-2024',
            'hoi-va-phong-trao-6-thang-dau-nam-phuong-huong-nhiem-vu-6-thang-cuoi-nam-2023',
          ],
        },
      },
    });
    expect(seeded).toHaveLength(2);
    for (const { documentId } of seeded)
      expect(await enState(documentId)).toMatchObject({
        state: 'current',
        missingFields: [],
        changedFields: [],
      });
  });
});
