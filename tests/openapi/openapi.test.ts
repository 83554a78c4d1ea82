import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';

import { bootStrapi, http } from '../helpers/strapi';
import { documentErrors, responseValidator, type OpenApiDocument } from '../helpers/openapi';

/**
 * The served OpenAPI document against real answers: every documented operation is called on the booted app with
 * the seed content, once or more for 200 and at least once for an error, and each answer's status must be
 * documented and its body valid against the operation's schema. Every content-api route Strapi registers must be
 * documented (or be one of the Strapi-owned routes listed below), so a route added without its description fails.
 */

// The first boot of a run seeds the database: slow on a shared machine.
jest.setTimeout(300_000);

let app: Core.Strapi;
let token: string;
let document: OpenApiDocument;
let check: ReturnType<typeof responseValidator>;
const seen = new Map<string, Set<'ok' | 'error'>>();

const PLURALS = ['articles', 'meetings', 'organizations', 'officials', 'awards'];
const ids: Record<string, string> = {};
let unit: string;
let official: string;

bootStrapi(async (booted) => {
  app = booted.app;
  token = booted.token;
  const served = await http(app).get('/api/openapi.json');
  expect(served.status).toBe(200);
  document = served.body;
  check = responseValidator(document);
  for (const plural of PLURALS) {
    const list = await http(app).get(`/api/${plural}?pagination[pageSize]=1`);
    ids[plural] = list.body.data[0].documentId;
  }
  const byUnitSlug = await http(app).get(
    '/api/organizations?filters[slug][$eq]=hoi-lhpn-thanh-pho-tu-son'
  );
  unit = byUnitSlug.body.data[0].documentId;
  const byOfficialSlug = await http(app).get('/api/officials?filters[slug][$eq]=nguyen-phuong-mai');
  official = byOfficialSlug.body.data[0].documentId;
});

/** Asserts the answer conforms to the document at (OpenAPI path, method) and records which kind it was. */
const conforms = (res: Response, path: string, method: 'get' | 'post', status: number) => {
  expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({
    status,
    body: 'ok',
  });
  const validate = check(path, method, res.status);
  expect(
    validate ? `${method} ${path} ${res.status}` : `undocumented: ${method} ${path} ${res.status}`
  ).toBe(`${method} ${path} ${res.status}`);
  if (!validate) return;
  expect(validate(res.body) ? [] : validate.errors).toEqual([]);
  const key = `${method} ${path}`;
  seen.set(key, (seen.get(key) ?? new Set()).add(res.status === 200 ? 'ok' : 'error'));
};

const get = (url: string, auth?: string) => {
  const req = http(app).get(url);
  return auth ? req.set('Authorization', auth) : req;
};

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0';

it('is a valid OpenAPI 3.1 document whose schemas compile as JSON Schema 2020-12', () => {
  expect(documentErrors(document)).toEqual([]);
  for (const [path, operations] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(operations))
      for (const status of Object.keys(operation.responses))
        expect(check(path, method, Number(status))).toBeDefined();
});

it('describes documentId as a plain string, viewCount on articles only, servedLocale on entries', () => {
  const { Article, Organization } = document.components.schemas;
  expect(Article.properties?.documentId).toEqual({
    type: 'string',
    pattern: '^[A-Za-z0-9]{1,64}$',
  });
  expect(Article.properties?.viewCount).toMatchObject({ type: 'integer', minimum: 0 });
  expect(Organization.properties?.viewCount).toBeUndefined();
  expect(Article.properties?.servedLocale).toBeDefined();
});

describe.each(PLURALS)('/api/%s', (plural) => {
  const list = `/${plural}`;
  const one = `/${plural}/{documentId}`;
  it('lists published entries, with every relation, medium and component one level deep', async () => {
    conforms(await get(`/api/${plural}`), list, 'get', 200);
    conforms(await get(`/api/${plural}?populate=*&pagination[pageSize]=100`), list, 'get', 200);
    conforms(await get(`/api/${plural}?locale=en&fallbackLocale=vi`), list, 'get', 200);
    conforms(await get(`/api/${plural}?pagination[start]=0&pagination[limit]=2`), list, 'get', 200);
  });
  it('reads one entry', async () => {
    conforms(await get(`/api/${plural}/${ids[plural]}?populate=*`), one, 'get', 200);
    conforms(
      await get(`/api/${plural}/${ids[plural]}?locale=en&fallbackLocale=vi`),
      one,
      'get',
      200
    );
  });
  it('answers bad input, drafts and missing entries with the documented errors', async () => {
    conforms(await get(`/api/${plural}?locale=zz`), list, 'get', 400);
    conforms(await get(`/api/${plural}?status=draft`), list, 'get', 403);
    conforms(await get(`/api/${plural}/${ids[plural]}?locale=zz`), one, 'get', 400);
    conforms(await get(`/api/${plural}/${ids[plural]}?status=draft`), one, 'get', 403);
    conforms(await get(`/api/${plural}/doesnotexist0000000000000`), one, 'get', 404);
  });
});

it('GET /api/articles with deep populate (gallery images, unit parents, meetings) conforms', async () => {
  const url =
    '/api/articles?populate[gallery][populate]=image&populate[cover]=true' +
    '&populate[organization][populate][parent][populate]=parent&populate[meetings][populate]=attendees' +
    '&populate[officials][populate][positions][populate]=organization&populate[awards][populate]=recipients';
  const res = await get(url);
  conforms(res, '/articles', 'get', 200);
  expect(
    res.body.data.every((entry: { viewCount?: unknown }) => typeof entry.viewCount === 'number')
  ).toBe(true);
});

describe('views', () => {
  const hit = (body: object, userAgent = BROWSER) =>
    http(app).post('/api/insights/views').set('user-agent', userAgent).send(body);
  it('POST /api/insights/views', async () => {
    const path = '/insights/views';
    conforms(
      await hit({ type: 'article', documentId: ids.articles, locale: 'vi' }),
      path,
      'post',
      200
    );
    conforms(await hit({ type: 'recipe', documentId: ids.articles }), path, 'post', 400);
    conforms(
      await hit({ type: 'article', documentId: 'doesnotexist0000000000000' }),
      path,
      'post',
      404
    );
    conforms(await hit({ type: 'article', documentId: 'x'.repeat(5000) }), path, 'post', 413);
    const flooder = `${BROWSER} openapi-test-${Date.now()}`;
    let last: Response | undefined;
    for (let i = 0; i < 80 && last?.status !== 429; i += 1)
      last = await hit({ type: 'article', documentId: ids.articles }, flooder);
    if (!last) throw new Error('no hit sent');
    conforms(last, path, 'post', 429);
  });
  it('GET /api/insights/views/top', async () => {
    const path = '/insights/views/top';
    conforms(await get('/api/insights/views/top'), path, 'get', 200);
    conforms(
      await get(
        `/api/insights/views/top?type=article&period=all&locale=vi&organization=${unit}&limit=5`
      ),
      path,
      'get',
      200
    );
    conforms(await get('/api/insights/views/top?period=fortnight'), path, 'get', 400);
  });
  it('GET /api/insights/views/{documentId}/daily', async () => {
    const path = '/insights/views/{documentId}/daily';
    conforms(await get(`/api/insights/views/${ids.articles}/daily`), path, 'get', 200);
    conforms(
      await get(`/api/insights/views/${ids.articles}/daily?from=2026-13-01`),
      path,
      'get',
      400
    );
    conforms(await get('/api/insights/views/doesnotexist0000000000000/daily'), path, 'get', 404);
  });
});

describe('commendations', () => {
  it.each([
    ['/insights/units/{documentId}/commendations', 'units', 'commendations'],
    ['/insights/units/{documentId}/summary', 'units', 'summary'],
  ])('%s', async (path, base, leaf) => {
    const url = (id: string, query = '') => `/api/insights/${base}/${id}/${leaf}${query}`;
    conforms(await get(url(unit)), path, 'get', 200);
    conforms(
      await get(url(unit, '?include=descendants,predecessors&status=all&pageSize=100')),
      path,
      'get',
      200
    );
    conforms(await get(url(unit, '?status=lost')), path, 'get', 400);
    conforms(await get(url('doesnotexist0000000000000')), path, 'get', 404);
  });
  it('/insights/officials/{documentId}/commendations', async () => {
    const path = '/insights/officials/{documentId}/commendations';
    const url = (id: string, query = '') => `/api/insights/officials/${id}/commendations${query}`;
    conforms(await get(url(official, '?status=all')), path, 'get', 200);
    conforms(await get(url(official, '?status=lost')), path, 'get', 400);
    conforms(await get(url('doesnotexist0000000000000')), path, 'get', 404);
  });
});

describe('translation states (API tokens)', () => {
  it('/insights/translations', async () => {
    const path = '/insights/translations';
    conforms(await get('/api/insights/translations', token), path, 'get', 200);
    conforms(
      await get('/api/insights/translations?state=missing,outdated,current&pageSize=100', token),
      path,
      'get',
      200
    );
    conforms(await get('/api/insights/translations?state=lost', token), path, 'get', 400);
    conforms(await get('/api/insights/translations'), path, 'get', 403);
    conforms(await get('/api/insights/translations', 'Bearer not-a-token'), path, 'get', 401);
  });
  it('/insights/translations/{type}/{documentId}', async () => {
    const path = '/insights/translations/{type}/{documentId}';
    const url = `/api/insights/translations/article/${ids.articles}`;
    conforms(await get(url, token), path, 'get', 200);
    conforms(
      await get(`/api/insights/translations/recipe/${ids.articles}`, token),
      path,
      'get',
      400
    );
    conforms(
      await get('/api/insights/translations/article/doesnotexist0000000000000', token),
      path,
      'get',
      404
    );
    conforms(await get(url), path, 'get', 403);
    conforms(await get(url, 'Bearer not-a-token'), path, 'get', 401);
  });
});

it('/search', async () => {
  conforms(await get('/api/search?q=tu+son'), '/search', 'get', 200);
  conforms(
    await get('/api/search?q=women&type=article,meeting&locale=en&pageSize=5'),
    '/search',
    'get',
    200
  );
  conforms(await get('/api/search'), '/search', 'get', 400);
  conforms(await get('/api/search?q=tu&pageSize=51'), '/search', 'get', 400);
});

it('/openapi.json', async () => {
  conforms(await get('/api/openapi.json'), '/openapi.json', 'get', 200);
});

it('called every documented operation, for a success and for each kind of error it documents', () => {
  const missing = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => {
      const kinds = seen.get(`${method} ${path}`) ?? new Set();
      const wantsError = Object.keys(operation.responses).some((status) => status !== '200');
      return [
        ...(kinds.has('ok') ? [] : [`${method} ${path}: no 200`]),
        ...(wantsError && !kinds.has('error') ? [`${method} ${path}: no error`] : []),
      ];
    })
  );
  expect(missing).toEqual([]);
});

/**
 * Content-api routes other plugins of Strapi own (login, users, uploads, locales) and the content types' writes
 * (editors' tooling with API tokens): not part of the frontends' document.
 */
const NOT_DOCUMENTED = [
  /^\/api\/(auth|users|roles|permissions|connect|upload|i18n|users-permissions|content-type-builder|email)(\/|$)/,
];
const isWrite = (method: string) => !['GET', 'HEAD'].includes(method);

it('documents every content-api route Strapi registers', () => {
  const documented = new Set(
    Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map(
        (method) => `${method.toUpperCase()} /api${path.replace(/\{[^}]+\}/g, ':')}`
      )
    )
  );
  const written = new Set(PLURALS.flatMap((plural) => [`/api/${plural}`, `/api/${plural}/:`]));
  const undocumented = app.server
    .listRoutes()
    .filter((layer) => layer.path.startsWith('/api/'))
    .flatMap((layer) =>
      layer.methods
        .filter((method: string) => method !== 'HEAD')
        .map((method: string) => ({ method, path: layer.path.replace(/:[A-Za-z_]+/g, ':') }))
    )
    .filter(({ path }) => !NOT_DOCUMENTED.some((pattern) => pattern.test(path)))
    .filter(({ method, path }) => !(isWrite(method) && written.has(path)))
    .map(({ method, path }) => `${method} ${path}`)
    .filter((route) => !documented.has(route));
  expect(undocumented).toEqual([]);
});
