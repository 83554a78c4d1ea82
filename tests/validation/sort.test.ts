import type { Core } from '@strapi/strapi';

import { bootStrapi, graphql, http } from '../helpers/strapi';

let app: Core.Strapi;
bootStrapi((booted) => ({ app } = booted));

let documentId = '';
beforeAll(async () => {
  const article = await app
    .documents('api::article.article')
    .create({ locale: 'vi', data: { title: `Tin sắp xếp ${Date.now()}` }, status: 'published' });
  documentId = article.documentId;
});

// Each passed Strapi's own validation and failed in its query builder: a 500 before src/validation/rest-query.ts.
const MALFORMED: [string, Record<string, string>][] = [
  ['a lone dot', { sort: '.' }],
  ['two dots', { sort: '..' }],
  ['a trailing dot', { sort: 'title.' }],
  ['a step past a field', { sort: 'title.x' }],
  ['a step past a field, with an order', { sort: 'publishedDate.foo:desc' }],
  ['a step past a related field', { sort: 'organization.name.x:asc' }],
  ['a step past a component field', { sort: 'gallery.caption.x' }],
  ['an empty step in a list of sorts', { sort: 'title:asc,.' }],
  ['an empty step in an array', { 'sort[0]': '.' }],
  ['an object under a field', { 'sort[title][x]': 'asc' }],
  ['an object under a field, in an array', { 'sort[0][title][x]': 'asc' }],
  ['an object under a related field', { 'sort[0][organization][name][x]': 'asc' }],
  ['a sort through localizations', { sort: 'localizations.title:asc' }],
  ['a step past a field in a populated relation', { 'populate[meetings][sort]': 'title.x' }],
  [
    'an object under a field in a populated relation',
    { 'populate[meetings][sort][title][x]': 'asc' },
  ],
  ['an empty step in a populated relation', { 'populate[meetings][sort]': '.' }],
  [
    'a step past a field two populates down',
    { 'populate[organization][populate][parent][sort]': 'name.x' },
  ],
];

describe('a malformed sort', () => {
  it.each(MALFORMED)('%s is a 400 naming the sort on a list', async (_, query) => {
    const res = await http(app).get('/api/articles').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/^Invalid sort "/),
      details: { param: 'sort' },
    });
  });

  it('is a 400 on a single entry and on other types', async () => {
    const one = await http(app).get(`/api/articles/${documentId}`).query({ sort: 'title.x' });
    expect(one.status).toBe(400);
    for (const type of ['organizations', 'meetings', 'awards', 'officials']) {
      const res = await http(app).get(`/api/${type}`).query({ sort: 'name.x' });
      expect(res.status).toBe(400);
    }
  });

  it.each([
    '{ articles(sort: "title.x") { title } }',
    '{ articles(sort: ".") { title } }',
    '{ articles(sort: ["title:asc", "organization.name.x:desc"]) { title } }',
  ])('is a GraphQL BAD_USER_INPUT: %s', async (query) => {
    const res = await graphql(app, query);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^Invalid sort "/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
  it('is a BAD_USER_INPUT on a nested relation (a field error: HTTP 200, as for filters)', async () => {
    const res = await graphql(app, '{ articles { title meetings(sort: "title.x") { title } } }');
    expect(res.body.errors.length).toBeGreaterThan(0);
    for (const error of res.body.errors)
      expect(error).toMatchObject({
        message: expect.stringMatching(/^Invalid sort "title\.x"/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
  });
});

describe('a well-formed sort', () => {
  it.each([
    { sort: 'publishedDate:desc' },
    { 'sort[0]': 'title:asc' },
    { sort: 'title:asc,publishedDate:desc' },
    { 'sort[title]': 'desc' },
    { sort: 'organization.name:asc', 'populate[organization][fields][0]': 'name' },
    { 'sort[0][organization][name]': 'desc' },
    { sort: '' },
    { 'populate[meetings][sort]': 'title:asc' },
  ])('still reads: %o', async (query) => {
    expect((await http(app).get('/api/articles').query(query)).status).toBe(200);
  });

  it('still reads over GraphQL, nested relations included', async () => {
    const res = await graphql(
      app,
      '{ articles(sort: ["publishedDate:desc", "organization.name:asc"]) { title meetings(sort: "title:asc") { title } } }'
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});
