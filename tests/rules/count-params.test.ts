import type { Core } from '@strapi/strapi';

import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
bootStrapi((booted) => ({ app } = booted));

describe("a list page's count", () => {
  it('gets the filters and status, without the sort, fields and populate it cannot use; the total is unchanged', async () => {
    const counted: Record<string, unknown>[] = [];
    // Registered last, so it runs inside every app rule and sees what Strapi's count receives.
    app.documents.use(async (ctx, next) => {
      if (ctx.action === 'count' && ctx.uid === 'api::article.article')
        counted.push({ ...ctx.params });
      return next();
    });
    const title = `Đếm tin ${Date.now()}`;
    for (const n of [1, 2, 3])
      await app
        .documents('api::article.article')
        .create({ locale: 'vi', data: { title: `${title} ${n}` }, status: 'published' });

    const res = await http(app)
      .get('/api/articles')
      .query({
        'filters[title][$startsWith]': title,
        'fields[0]': 'title',
        sort: 'title:desc',
        'populate[organization][fields][0]': 'name',
        'pagination[pageSize]': 2,
      })
      .expect(200);

    expect(res.body.data.map((article: { title: string }) => article.title)).toEqual([
      `${title} 3`,
      `${title} 2`,
    ]);
    expect(res.body.meta.pagination).toMatchObject({ total: 3, pageCount: 2 });
    expect(counted).toHaveLength(1);
    expect(Object.keys(counted[0]).sort()).toEqual(['filters', 'status']);
  });
});
