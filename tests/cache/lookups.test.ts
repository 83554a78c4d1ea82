import type { Core } from '@strapi/strapi';

import { bootStrapi, http, sqlDuring } from '../helpers/strapi';

let app: Core.Strapi;
bootStrapi((booted) => ({ app } = booted));

const suffix = () => Math.random().toString(36).slice(2, 8);
/** A page size no earlier request used, so the response cache misses. */
let pageSize = 1;
const fresh = () => `pagination[pageSize]=${(pageSize += 1)}`;
const TRANSACTION = /^(begin|commit|rollback|savepoint|release)\b/i;

/** The statements (transaction control left out) the database runs while `run` does its work. */
const statementsDuring = async (run: () => Promise<unknown>) =>
  (await sqlDuring(app, run)).sql.filter((sql) => !TRANSACTION.test(sql));

/** A list read no earlier request made: the response cache misses and Strapi runs the read. */
const uncachedList = (extra = '') =>
  `/api/articles?fields[0]=title&sort=publishedDate:desc&${fresh()}${extra}`;

beforeAll(async () => {
  await app.documents('api::article.article').create({
    locale: 'vi',
    data: { title: `Tin đếm truy vấn ${suffix()}` },
    status: 'published',
  });
  await http(app).get(uncachedList());
});

describe('an uncached public read', () => {
  it('runs the page, its count and the view counts: no permission or default-locale lookup', async () => {
    let body: { data?: unknown[] } = {};
    const sql = await statementsDuring(async () => {
      const response = await http(app).get(uncachedList());
      expect(response.headers['x-cache']).toBe('MISS');
      body = response.body;
    });
    expect(body.data?.length).toBeGreaterThan(0);
    expect(sql).toHaveLength(3);
    // PostgreSQL names the schema: from "public"."articles".
    expect(sql.filter((q) => /from ([`"]public[`"]\.)?[`"]articles[`"]/.test(q))).toHaveLength(2);
    expect(sql.filter((q) => /insights_view_totals/.test(q))).toHaveLength(1);
  });

  it('without the count (withCount=false) runs two', async () => {
    const sql = await statementsDuring(() =>
      http(app).get(uncachedList('&pagination[withCount]=false'))
    );
    expect(sql).toHaveLength(2);
  });

  // patches/@strapi+core+5.54.0.patch: Strapi wrapped each Document Service read in BEGIN … COMMIT.
  it('opens no transaction, for the page nor the count, over REST and GraphQL', async () => {
    const rest = await sqlDuring(app, () => http(app).get(uncachedList()));
    const graphql = await sqlDuring(app, () =>
      http(app)
        .post('/graphql')
        .send({ query: `{ articles(pagination: { pageSize: ${(pageSize += 1)} }) { title } }` })
    );
    for (const { sql } of [rest, graphql]) {
      expect(sql.length).toBeGreaterThan(0);
      expect(sql.filter((q) => TRANSACTION.test(q))).toEqual([]);
    }
  });

  it('while a write still runs in one', async () => {
    const { sql } = await sqlDuring(app, () =>
      app.documents('api::article.article').create({
        locale: 'vi',
        data: { title: `Tin ghi trong giao dịch ${suffix()}` },
      })
    );
    expect(sql.find((q) => TRANSACTION.test(q))).toMatch(/^begin/i);
  });
});

describe("the public role's ability", () => {
  it('is built once, not on every read, and built again when the role changes', async () => {
    let evaluated = 0;
    // Called for each permission of every ability the content API builds.
    app.contentAPI.permissions.engine.on('before-evaluate.permission', () => {
      evaluated += 1;
    });
    const read = async () => expect((await http(app).get(uncachedList())).status).toBe(200);
    await read();
    await read();
    expect(evaluated).toBe(0);

    const permissions = app.db.query('plugin::users-permissions.permission');
    const action = 'api::meeting.meeting.find';
    const granted = await permissions.findOne({
      where: { action, role: { type: 'public' } },
      populate: ['role'],
    });
    await permissions.delete({ where: { id: granted.id } });
    try {
      await read();
      expect(evaluated).toBeGreaterThan(0);
    } finally {
      await permissions.create({ data: { action, role: granted.role.id } });
    }
  });
});

describe('the remembered lookups follow changes made here', () => {
  it('a new default locale holds for the next read', async () => {
    const locales = app.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('vi');
    await locales.setDefaultLocale({ code: 'en' });
    try {
      expect(await locales.getDefaultLocale()).toBe('en');
      const response = await http(app).get(`/api/articles?fields[0]=locale&${fresh()}`);
      expect(response.status).toBe(200);
      for (const entry of response.body.data) expect(entry.locale).toBe('en');
    } finally {
      await locales.setDefaultLocale({ code: 'vi' });
    }
    expect(await locales.getDefaultLocale()).toBe('vi');
  });

  it('a permission taken from the public role refuses the next read, and given back allows it', async () => {
    const permissions = app.db.query('plugin::users-permissions.permission');
    const action = 'api::organization.organization.find';
    const granted = await permissions.findOne({
      where: { action, role: { type: 'public' } },
      populate: ['role'],
    });
    expect(granted).toBeTruthy();
    expect((await http(app).get(`/api/organizations?${fresh()}`)).status).toBe(200);
    await permissions.delete({ where: { id: granted.id } });
    try {
      expect((await http(app).get(`/api/organizations?${fresh()}`)).status).toBe(403);
    } finally {
      await permissions.create({ data: { action, role: granted.role.id } });
    }
    expect((await http(app).get(`/api/organizations?${fresh()}`)).status).toBe(200);
  });
});
