import type { Core } from '@strapi/strapi';

import { PUBLIC_ACTIONS } from '../../src/bootstrap/public-permissions';
import { bootStrapi, graphql, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
let draftArticleId: string;
const harness = bootStrapi(async (booted) => {
  ({ app, token } = booted);
  const draft = await app
    .documents('api::article.article')
    .create({ locale: 'vi', data: { title: 'Bản nháp chưa đăng' } });
  draftArticleId = draft.documentId;
});

const PLURALS = ['articles', 'meetings', 'organizations', 'officials', 'awards'];

describe('public role, set at bootstrap', () => {
  it('holds exactly the read actions and nothing else', async () => {
    const role = await app.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const permissions = await app.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: role.id } });
    expect(permissions.map((p) => p.action).sort()).toEqual([...PUBLIC_ACTIONS].sort());
  });

  it('takes back a permission granted outside the code on the next start', async () => {
    const role = await app.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    await app.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'api::article.article.create', role: role.id } });
    app = await harness.restart();
    const res = await http(app)
      .post('/api/articles')
      .send({ data: { title: 'Không được phép' } });
    expect(res.status).toBe(403);
  });

  it.each(PLURALS)('reads published %s', async (plural) => {
    const res = await http(app).get(`/api/${plural}`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    const one = await http(app).get(`/api/${plural}/${res.body.data[0].documentId}`);
    expect(one.status).toBe(200);
  });

  it.each(PLURALS)('cannot create, update or delete %s', async (plural) => {
    const [first] = (await http(app).get(`/api/${plural}`)).body.data;
    expect(
      (
        await http(app)
          .post(`/api/${plural}`)
          .send({ data: { title: 'x', name: 'x', fullName: 'x' } })
      ).status
    ).toBe(403);
    expect(
      (
        await http(app)
          .put(`/api/${plural}/${first.documentId}`)
          .send({ data: { title: 'x' } })
      ).status
    ).toBe(403);
    expect((await http(app).delete(`/api/${plural}/${first.documentId}`)).status).toBe(403);
    expect((await http(app).get(`/api/${plural}/${first.documentId}`)).status).toBe(200);
  });

  it('cannot register users or ask for password resets', async () => {
    const register = await http(app)
      .post('/api/auth/local/register')
      .send({ username: 'u', email: 'u@x.vn', password: 'Password1' });
    expect(register.status).toBe(403);
    expect(
      (await http(app).post('/api/auth/forgot-password').send({ email: 'u@x.vn' })).status
    ).toBe(403);
  });

  it('cannot upload files', async () => {
    const res = await http(app).post('/api/upload').attach('files', Buffer.from('x'), 'x.txt');
    expect(res.status).toBe(403);
  });
});

describe('drafts', () => {
  it('are not listed, found or counted for the public', async () => {
    const list = await http(app).get('/api/articles?pagination[pageSize]=100');
    expect(list.body.data.map((a: { documentId: string }) => a.documentId)).not.toContain(
      draftArticleId
    );
    expect((await http(app).get(`/api/articles/${draftArticleId}`)).status).toBe(404);
  });

  it('are refused to the public when asked for with status=draft, over REST and GraphQL', async () => {
    const rest = await http(app).get('/api/articles?status=draft');
    expect(rest.status).toBe(403);
    expect(rest.body.error.message).toMatch(/Drafts/);
    const gql = await graphql(app, '{ articles(status: DRAFT) { title } }');
    expect(gql.body.data?.articles ?? null).toBeNull();
    expect(gql.body.errors[0].message).toMatch(/Drafts/);
  });

  it('are readable with an API token (frontend previews)', async () => {
    const res = await http(app)
      .get(`/api/articles/${draftArticleId}?status=draft`)
      .set('Authorization', token);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Bản nháp chưa đăng');
  });

  it('are not reachable through GraphQL mutations for the public', async () => {
    const res = await graphql(
      app,
      'mutation { createArticle(data: { title: "x" }) { documentId } }'
    );
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await app.db.query('api::article.article').count({ where: { title: 'x' } })).toBe(0);
  });
});

describe('GraphQL caps', () => {
  it('refuses queries nested deeper than the depth limit', async () => {
    const res = await graphql(
      app,
      '{ organizations { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } }'
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth/);
  });

  it('caps page sizes at 100', async () => {
    const res = await graphql(
      app,
      '{ organizations_connection(pagination: { pageSize: 1000 }) { pageInfo { pageSize } } }'
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.organizations_connection.pageInfo.pageSize).toBeLessThanOrEqual(100);
  });
});
