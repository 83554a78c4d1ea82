import type { Core } from '@strapi/strapi';

import { TRANSLATOR_ROLE } from '../../src/bootstrap/translator-role';
import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
let translator: string;
const ARTICLE = 'api::article.article';
const email = 'translator@test.local';
const password = 'Translator-pass-123';

const articleUrl = (documentId: string, locale: string) =>
  `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=${locale}`;
const stored = async (documentId: string, locale: string) =>
  app.db
    .query(ARTICLE)
    .findOne({ select: ['title'], where: { documentId, locale, publishedAt: null } });

bootStrapi(async (booted) => {
  app = booted.app;
  const role = await app.service('admin::role').findOne({ code: TRANSLATOR_ROLE.code });
  if (!(await app.db.query('admin::user').findOne({ where: { email } })))
    await app.service('admin::user').create({
      email,
      firstname: 'Biên',
      lastname: 'Dịch',
      password,
      isActive: true,
      roles: [role.id],
    });
  const login = await http(app).post('/admin/login').send({ email, password });
  translator = `Bearer ${login.body.data.token}`;
});

describe('the translator role ("Biên dịch viên")', () => {
  it('exists with that name', async () => {
    const role = await app.service('admin::role').findOne({ code: TRANSLATOR_ROLE.code });
    expect(role.name).toBe('Biên dịch viên');
  });

  it('reads vi, writes en, and cannot touch vi', async () => {
    const { documentId } = await app.documents(ARTICLE).create({
      locale: 'vi',
      data: { title: 'Bản tiếng Việt' },
    });
    const read = await http(app).get(articleUrl(documentId, 'vi')).set('authorization', translator);
    expect(read.status).toBe(200);

    const editVi = await http(app)
      .put(articleUrl(documentId, 'vi'))
      .set('authorization', translator)
      .send({ title: 'Sửa bởi người dịch' });
    expect(editVi.status).toBe(403);
    expect((await stored(documentId, 'vi'))?.title).toBe('Bản tiếng Việt');

    const publishVi = await http(app)
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=vi`)
      .set('authorization', translator)
      .send({});
    expect(publishVi.status).toBe(403);

    const createEn = await http(app)
      .put(articleUrl(documentId, 'en'))
      .set('authorization', translator)
      .send({ title: 'English version' });
    expect(createEn.status).toBe(200);
    expect((await stored(documentId, 'en'))?.title).toBe('English version');

    const newViDocument = await http(app)
      .post(`/content-manager/collection-types/${ARTICLE}?locale=vi`)
      .set('authorization', translator)
      .send({ title: 'Bài mới' });
    expect(newViDocument.status).toBe(403);
  });

  it('changes no field shared with vi: a publishedDate sent with an en edit is not stored', async () => {
    const { documentId } = await app.documents(ARTICLE).create({
      locale: 'vi',
      data: { title: 'Có ngày đăng', publishedDate: '2024-01-01T00:00:00.000Z' },
    });
    await http(app)
      .put(articleUrl(documentId, 'en'))
      .set('authorization', translator)
      .send({ title: 'With a date', publishedDate: '2030-01-01T00:00:00.000Z' });
    const vi = await app.db.query(ARTICLE).findOne({
      select: ['publishedDate'],
      where: { documentId, locale: 'vi', publishedAt: null },
    });
    expect(new Date(vi?.publishedDate).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});
