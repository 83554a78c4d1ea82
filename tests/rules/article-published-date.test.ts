import type { Core } from '@strapi/strapi';

import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

const articles = () => app.documents('api::article.article');
const publishedDateOf = async (documentId: string, locale = 'vi') =>
  (await articles().findOne({ documentId, locale, status: 'published' }))?.publishedDate;

describe('publishedDate ("Đăng lúc")', () => {
  it('is set by the first publish and kept by later publishes', async () => {
    const draft = await articles().create({ locale: 'vi', data: { title: 'Tin đăng lần đầu' } });
    expect(draft.publishedDate).toBeNull();
    const before = Date.now();
    await articles().publish({ documentId: draft.documentId, locale: 'vi' });
    const first = await publishedDateOf(draft.documentId);
    expect(new Date(String(first)).getTime()).toBeGreaterThanOrEqual(before - 1000);

    await articles().update({
      documentId: draft.documentId,
      locale: 'vi',
      data: { summary: 'Sửa tóm tắt' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await articles().publish({ documentId: draft.documentId, locale: 'vi' });
    expect(await publishedDateOf(draft.documentId)).toEqual(first);
  });

  it('keeps the time an editor sets for imported news', async () => {
    const res = await http(app)
      .post('/api/articles')
      .set('Authorization', token)
      .send({ data: { title: 'Tin nhập từ cổng cũ', publishedDate: '2022-03-08T08:00:00+07:00' } });
    expect(res.status).toBe(201);
    expect(res.body.data.publishedDate).toBe('2022-03-08T01:00:00.000Z');
  });

  it('is set when an entry is created already published over REST, and shared by the en version', async () => {
    const res = await http(app)
      .post('/api/articles')
      .set('Authorization', token)
      .send({ data: { title: 'Tin đăng ngay' } });
    expect(res.status).toBe(201);
    expect(res.body.data.publishedDate).not.toBeNull();
    const en = await http(app)
      .put(`/api/articles/${res.body.data.documentId}?locale=en`)
      .set('Authorization', token)
      .send({ data: { title: 'Published at once' } });
    expect(en.body.data.publishedDate).toBe(res.body.data.publishedDate);
  });
});
