import type { Core } from '@strapi/strapi';

import { corsOrigins } from '../../src/security/cors';
import { adminSession } from '../helpers/admin';
import { bootStrapi, graphql, http } from '../helpers/strapi';

const LISTED_ORIGIN = 'https://portal.example.vn';
const UNLISTED_ORIGIN = 'https://evil.example.com';
const USER = 'plugin::users-permissions.user';
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;

let app: Core.Strapi;
let token: string;
const savedOrigins = process.env.CORS_ORIGINS;
// Read by config/middlewares.ts when the app loads (process.env is this file's own copy in Jest).
process.env.CORS_ORIGINS = ` ${LISTED_ORIGIN}/ , ,*`;
bootStrapi(
  (booted) => ({ app, token } = booted),
  async () => {
    process.env.CORS_ORIGINS = savedOrigins;
  }
);

const articles = () => app.documents('api::article.article');
const meetings = () => app.documents('api::meeting.meeting');
const userCount = () => app.db.query(USER).count();

describe('account routes are closed to the public', () => {
  let member: { id: number; email: string };
  beforeAll(async () => {
    // A users-permissions user made by a script, whose password-reset token must stay unset.
    const role = await app.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    const email = `member-${unique()}@test.local`;
    member = await app.plugin('users-permissions').service('user').add({
      username: email,
      email,
      password: 'Member-pass-123',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
  });
  const resetToken = async () =>
    (await app.db.query(USER).findOne({ where: { id: member.id } })).resetPasswordToken;

  it('turns registration off in the users-permissions settings at every start', async () => {
    const advanced = await app
      .store({ type: 'plugin', name: 'users-permissions' })
      .get({ key: 'advanced' });
    expect(advanced).toMatchObject({ allow_register: false });
  });

  const restCalls: [string, string, Record<string, unknown>][] = [
    [
      'post',
      '/api/auth/local/register',
      { username: 'intruder', email: 'intruder@x.vn', password: 'Password-123' },
    ],
    ['post', '/api/auth/local', { identifier: 'member', password: 'Member-pass-123' }],
    ['post', '/api/auth/forgot-password', { email: 'member' }],
    [
      'post',
      '/api/auth/reset-password',
      { code: 'x', password: 'Password-123', passwordConfirmation: 'Password-123' },
    ],
    [
      'post',
      '/api/auth/change-password',
      { currentPassword: 'a', password: 'Password-123', passwordConfirmation: 'Password-123' },
    ],
    ['post', '/api/auth/send-email-confirmation', { email: 'member' }],
    ['get', '/api/auth/email-confirmation?confirmation=x', {}],
    ['get', '/api/connect/github', {}],
    [
      'post',
      '/API/Auth/Local/Register',
      { username: 'intruder3', email: 'intruder3@x.vn', password: 'Password-123' },
    ],
  ];

  it.each(restCalls)('REST %s %s answers 403 and writes nothing', async (method, path, body) => {
    const before = await userCount();
    const withEmail = JSON.parse(
      JSON.stringify(body).replace(/"member"/g, JSON.stringify(member.email))
    );
    const res =
      method === 'post' ? await http(app).post(path).send(withEmail) : await http(app).get(path);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
    expect(await userCount()).toBe(before);
    expect(await resetToken()).toBeNull();
  });

  it('stays closed to API tokens too (no end-user accounts exist in this app)', async () => {
    const res = await http(app)
      .post('/api/auth/forgot-password')
      .set('Authorization', token)
      .send({ email: member.email });
    expect(res.status).toBe(403);
    expect(await resetToken()).toBeNull();
  });

  const mutations: [string, string][] = [
    [
      'register',
      'mutation { register(input: { username: "intruder2", email: "intruder2@x.vn", password: "Password-123" }) { jwt } }',
    ],
    [
      'login',
      'mutation { login(input: { identifier: "MEMBER", password: "Member-pass-123" }) { jwt } }',
    ],
    ['forgotPassword', 'mutation { forgotPassword(email: "MEMBER") { ok } }'],
    [
      'resetPassword',
      'mutation { resetPassword(password: "Password-123", passwordConfirmation: "Password-123", code: "x") { jwt } }',
    ],
    [
      'changePassword',
      'mutation { changePassword(currentPassword: "a", password: "Password-123", passwordConfirmation: "Password-123") { jwt } }',
    ],
    ['emailConfirmation', 'mutation { emailConfirmation(confirmation: "x") { jwt } }'],
  ];

  it.each(mutations)('GraphQL %s answers 400 and writes nothing', async (name, query) => {
    const before = await userCount();
    const res = await graphql(app, query.replace(/MEMBER/g, member.email));
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].message).toContain(`${name}: Public accounts are disabled`);
    expect(await userCount()).toBe(before);
    expect(await resetToken()).toBeNull();
  });

  it('keeps the admin login and API tokens working', async () => {
    const session = await adminSession(app);
    expect((await http(app).get('/admin/users/me').set('Authorization', session)).status).toBe(200);
    expect(
      (await http(app).get('/api/articles?status=draft').set('Authorization', token)).status
    ).toBe(200);
  });
});

describe('draft text is out of reach of public filters', () => {
  const marker = unique();
  const draftEnSummary = `ban-nhap-en-${marker}`;
  const draftMeetingSummary = `hop-chua-dang-${marker}`;
  const publishedMeetingSummary = `hop-da-dang-${marker}`;
  const modifiedMeetingSummary = `hop-sua-chua-dang-${marker}`;
  let articleId: string;

  beforeAll(async () => {
    const draftMeeting = await meetings().create({
      locale: 'vi',
      data: {
        title: `Họp nháp ${marker}`,
        kind: 'other',
        extended: false,
        summary: draftMeetingSummary,
      },
    });
    const shownMeeting = await meetings().create({
      locale: 'vi',
      status: 'published',
      data: {
        title: `Họp ${marker}`,
        kind: 'other',
        extended: false,
        summary: publishedMeetingSummary,
      },
    });
    // Published, then edited: the edit is a draft the public must not find.
    await meetings().update({
      documentId: shownMeeting.documentId,
      locale: 'vi',
      data: { summary: modifiedMeetingSummary },
    });
    const article = await articles().create({
      locale: 'vi',
      status: 'published',
      data: {
        title: `Tin ${marker}`,
        meetings: [draftMeeting.documentId, shownMeeting.documentId],
      },
    });
    articleId = article.documentId;
    // A published article whose English translation is a draft only (no meetings: those exist in vi only).
    const translated = await articles().create({
      locale: 'vi',
      status: 'published',
      data: { title: `Tin dịch ${marker}` },
    });
    await articles().update({
      documentId: translated.documentId,
      locale: 'en',
      data: { title: `News ${marker}`, summary: draftEnSummary },
    });
  });

  const restIds = async (query: string) => {
    const res = await http(app).get(`/api/articles?${query}`);
    expect(res.status).toBe(200);
    return res.body.data.map((entry: { documentId: string }) => entry.documentId);
  };

  it('does not show a draft translation through populated or queried localizations', async () => {
    const rest = await http(app).get(
      '/api/articles?populate[localizations][fields][0]=summary&pagination[pageSize]=100'
    );
    expect(rest.status).toBe(200);
    expect(JSON.stringify(rest.body)).not.toContain(draftEnSummary);
    const gql = await graphql(
      app,
      '{ articles(pagination: { limit: 100 }) { localizations { summary } } }'
    );
    expect(gql.body.errors).toBeUndefined();
    expect(JSON.stringify(gql.body)).not.toContain(draftEnSummary);
  });

  it('refuses filters on localizations over REST (400), also nested under $or and inside relations', async () => {
    for (const query of [
      `filters[localizations][summary][$contains]=${draftEnSummary}`,
      `filters[$or][0][localizations][summary][$contains]=${draftEnSummary}`,
      `filters[meetings][localizations][summary][$contains]=${draftMeetingSummary}`,
      `populate[meetings][filters][localizations][summary][$contains]=${draftMeetingSummary}`,
    ]) {
      const res = await http(app).get(`/api/articles?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/localizations/);
    }
  });

  it('refuses filters on localizations over GraphQL (400), at the root and on nested relations', async () => {
    const root = await graphql(
      app,
      `{ articles(filters: { localizations: { summary: { contains: "${draftEnSummary}" } } }) { documentId } }`
    );
    expect(root.status).toBe(400);
    const nested = await graphql(
      app,
      `{ articles { meetings(filters: { localizations: { summary: { contains: "${draftMeetingSummary}" } } }) { title } } }`
    );
    expect(nested.status).toBe(400);
    const byVariable = await graphql(
      app,
      'query ($f: ArticleFiltersInput) { articles(filters: $f) { documentId } }',
      {
        f: { localizations: { summary: { contains: draftEnSummary } } },
      }
    );
    expect(byVariable.status).toBe(400);
  });

  it('matches relations through published rows only, over REST', async () => {
    expect(
      await restIds(`filters[meetings][summary][$contains]=${publishedMeetingSummary}`)
    ).toEqual([articleId]);
    expect(await restIds(`filters[meetings][summary][$contains]=${draftMeetingSummary}`)).toEqual(
      []
    );
    expect(
      await restIds(`filters[meetings][summary][$contains]=${modifiedMeetingSummary}`)
    ).toEqual([]);
    expect(
      await restIds(
        `filters[$or][0][meetings][summary][$contains]=${modifiedMeetingSummary}&filters[$or][1][title][$eq]=none`
      )
    ).toEqual([]);
    expect(
      await restIds(
        `filters[$not][meetings][summary][$contains]=${publishedMeetingSummary}&filters[title][$eq]=Tin ${marker}`
      )
    ).toEqual([]);
  });

  it('does not match through a draft row even when a published row links to one (data written past the Document Service)', async () => {
    const secret = `lien-ket-nhap-${marker}`;
    const draftRow = await app.db.query('api::meeting.meeting').create({
      data: {
        documentId: `draftlink${marker}`.slice(0, 24),
        locale: 'vi',
        title: `Nháp ${marker}`,
        kind: 'other',
        extended: false,
        summary: secret,
        publishedAt: null,
      },
    });
    const article = await articles().create({
      locale: 'vi',
      status: 'published',
      data: { title: `Tin liên kết ${marker}` },
    });
    const publishedRow = await app.db.query('api::article.article').findOne({
      where: { documentId: article.documentId, locale: 'vi', publishedAt: { $notNull: true } },
    });
    await app.db
      .query('api::article.article')
      .update({ where: { id: publishedRow.id }, data: { meetings: [draftRow.id] } });
    const linked = await app.db
      .query('api::article.article')
      .findOne({ where: { id: publishedRow.id }, populate: { meetings: true } });
    expect(linked.meetings.map((m: { summary: string }) => m.summary)).toEqual([secret]);

    expect(await restIds(`filters[meetings][summary][$contains]=${secret}`)).toEqual([]);
    const gql = await graphql(
      app,
      'query ($s: String) { articles(filters: { meetings: { summary: { contains: $s } } }) { documentId } }',
      { s: secret }
    );
    expect(gql.body.data.articles).toEqual([]);
    // The same filter with an API token (previews, tooling) is left as Strapi answers it.
    const withToken = await http(app)
      .get(`/api/articles?filters[meetings][summary][$contains]=${secret}`)
      .set('Authorization', token);
    expect(withToken.body.data.map((entry: { documentId: string }) => entry.documentId)).toEqual([
      article.documentId,
    ]);
  });

  it('matches populate filters through published rows only, over REST', async () => {
    const res = await http(app).get(
      `/api/articles/${articleId}?populate[meetings][filters][summary][$contains]=${modifiedMeetingSummary}&populate[meetings][fields][0]=summary`
    );
    expect(res.status).toBe(200);
    expect(res.body.data.meetings).toEqual([]);
  });

  it('matches relations through published rows only, over GraphQL (root and nested)', async () => {
    const ids = async (summary: string) => {
      const res = await graphql(
        app,
        'query ($s: String) { articles(filters: { meetings: { summary: { contains: $s } } }) { documentId } }',
        { s: summary }
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data.articles.map((entry: { documentId: string }) => entry.documentId);
    };
    expect(await ids(publishedMeetingSummary)).toEqual([articleId]);
    expect(await ids(draftMeetingSummary)).toEqual([]);
    expect(await ids(modifiedMeetingSummary)).toEqual([]);
    const nested = await graphql(
      app,
      'query ($id: ID, $s: String) { articles(filters: { documentId: { eq: $id } }) { meetings(filters: { summary: { contains: $s } }) { summary } } }',
      { id: articleId, s: modifiedMeetingSummary }
    );
    expect(nested.body.data.articles).toEqual([{ meetings: [] }]);
  });

  it('refuses publicationFilter and hasPublishedVersion to the public (403), over REST and GraphQL', async () => {
    for (const query of [
      'publicationFilter=modified',
      'publicationFilter=never-published',
      'hasPublishedVersion=true',
    ]) {
      const res = await http(app).get(`/api/articles?${query}`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/only for the admin panel and API tokens/);
    }
    const gql = await graphql(app, '{ articles(publicationFilter: MODIFIED) { documentId } }');
    expect(gql.status).toBe(403);
    expect(gql.body.data?.articles ?? null).toBeNull();
    expect(gql.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(gql.body.errors[0].message).toMatch(/publicationFilter/);
  });

  it('leaves publicationFilter and localizations filters to API tokens', async () => {
    const modified = await http(app)
      .get('/api/articles?status=draft&publicationFilter=modified')
      .set('Authorization', token);
    expect(modified.status).toBe(200);
    const localized = await http(app)
      .get(
        `/api/articles?status=draft&locale=vi&filters[localizations][summary][$contains]=${draftEnSummary}`
      )
      .set('Authorization', token);
    expect(localized.status).toBe(200);
  });
});

describe('daily view series', () => {
  it('answers 404 for a draft-only article to the public, like the article itself', async () => {
    const draft = await articles().create({ locale: 'vi', data: { title: `Nháp ${unique()}` } });
    expect((await http(app).get(`/api/articles/${draft.documentId}`)).status).toBe(404);
    const res = await http(app).get(`/api/insights/views/${draft.documentId}/daily`);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    // Editors still see the (empty) series of a draft in the admin panel.
    const session = await adminSession(app);
    expect(
      (
        await http(app)
          .get(`/insights/views/${draft.documentId}/daily`)
          .set('Authorization', session)
      ).status
    ).toBe(200);
  });

  it('answers 200 for a published article', async () => {
    const published = await articles().create({
      locale: 'vi',
      status: 'published',
      data: { title: `Đã đăng ${unique()}` },
    });
    expect((await http(app).get(`/api/insights/views/${published.documentId}/daily`)).status).toBe(
      200
    );
  });
});

describe('GraphQL alias and cost limits', () => {
  const aliased = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: organizations { commendations(include: ["descendants", "predecessors"]) { title } }`).join(' ')} }`;

  it('refuses 300 aliases of a costly field with 400 before running it', async () => {
    const spy = jest.spyOn(app.plugin('insights').service('commendations'), 'forUnits');
    // 300 aliases are over 5,000 tokens: the parser stops at GRAPHQL_MAX_TOKENS, before any validation walk.
    const res = await graphql(app, aliased(300));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Document contains more th[ae][nt] 2000 tokens/);
    // 50 aliases fit in the token budget; the alias rule refuses them.
    const fifty = await graphql(app, aliased(50));
    expect(fifty.status).toBe(400);
    expect(fifty.body.errors[0].message).toMatch(/Aliases limit of 15 exceeded, found 50/);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('refuses an operation whose fields × page sizes cost too much with 400, variables included', async () => {
    const nested =
      'query ($outer: Int, $inner: Int) { organizations(pagination: { limit: $outer }) { name children(pagination: { limit: $inner }) { name } } }';
    const refused = await graphql(app, nested, { outer: 100, inner: 100 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/^Query cost \d+ is over the limit of 20000/);
    expect(refused.body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_COSTLY');
    const smaller = await graphql(app, nested, { outer: 100, inner: 10 });
    expect(smaller.status).toBe(200);
    expect(smaller.body.errors).toBeUndefined();
  });

  it('still answers ordinary queries: aliases, the README example, introspection', async () => {
    const spy = jest.spyOn(app.plugin('insights').service('commendations'), 'forUnits');
    const aliasedArticles = await graphql(
      app,
      `{ vi: articles(locale: "vi") { title } en: articles(locale: "en") { title } ${aliased(2).slice(1, -1)} }`
    );
    // The spy sees the commendations resolver, so its silence on the refused query above means something.
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(aliasedArticles.status).toBe(200);
    expect(aliasedArticles.body.errors).toBeUndefined();
    expect(aliasedArticles.body.data.vi.length).toBeGreaterThan(0);
    const readme = await graphql(
      app,
      `
        query {
          articles(sort: "publishedDate:desc", locale: "vi") {
            documentId
            title
            publishedDate
            organization {
              name
              parent {
                name
              }
            }
            meetings {
              title
              sessionNumber
              termNumber
              termStartYear
              termEndYear
              extended
            }
            awards {
              title
              form
              collectiveCount
              individualCount
              issuer {
                name
              }
            }
          }
        }
      `
    );
    expect(readme.status).toBe(200);
    expect(readme.body.errors).toBeUndefined();
    const introspection = await graphql(
      app,
      '{ __schema { types { name fields { name args { name type { name } } } } } }'
    );
    expect(introspection.status).toBe(200);
    expect(introspection.body.data.__schema.types.length).toBeGreaterThan(0);
  });
});

describe('a method a path does not take', () => {
  it.each([
    ['put', '/api/articles'],
    ['delete', '/api/insights/views'],
    ['patch', '/api/organizations'],
  ] as const)("%s %s is a 405 in Strapi's error shape, with Allow", async (method, path) => {
    const res = await http(app)[method](path);
    expect(res.status).toBe(405);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers.allow).toBeTruthy();
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 405,
        name: 'MethodNotAllowedError',
        message: `${method.toUpperCase()} is not allowed on ${path}`,
        details: {},
      },
    });
  });
});

describe('security headers', () => {
  it('are sent on REST, GraphQL and view-beacon answers, errors included', async () => {
    const answers = await Promise.all([
      http(app).get('/api/articles'),
      http(app).get('/api/articles?locale=zz'),
      http(app).post('/graphql').send({ query: '{ articles { title } }' }),
      http(app).post('/api/insights/views').send({ type: 'article', documentId: 'khongcobainay' }),
      http(app).post('/api/insights/views').send({ type: 'bogus' }),
    ]);
    expect(answers.map((res) => res.status)).toEqual([200, 400, 200, 404, 400]);
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });
});

describe('CORS allow-list', () => {
  // The view beacon is answered before routing (plugins/insights/.../beacon.ts), inside the CORS middleware all the same.
  const beaconHit = { type: 'article', documentId: 'khongcobainay', locale: 'vi' };
  const requests = (origin: string) => [
    http(app).get('/api/articles').set('Origin', origin),
    http(app).post('/graphql').set('Origin', origin).send({ query: '{ articles { title } }' }),
    http(app).post('/api/insights/views').set('Origin', origin).send(beaconHit),
    http(app)
      .options('/api/articles')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'GET'),
    http(app)
      .options('/graphql')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST'),
    http(app)
      .options('/api/insights/views')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST'),
  ];

  it('does not reflect an unlisted Origin, nor allow credentials, on /api and /graphql', async () => {
    for (const res of await Promise.all(requests(UNLISTED_ORIGIN))) {
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('allows a listed Origin with credentials on /api and /graphql', async () => {
    for (const res of await Promise.all(requests(LISTED_ORIGIN))) {
      expect(res.headers['access-control-allow-origin']).toBe(LISTED_ORIGIN);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
    }
  });

  it('sends no CORS headers to a request without Origin (curl, servers), errors included, and keeps Vary: Origin', async () => {
    const answers = await Promise.all([
      http(app).get('/api/articles'),
      http(app).get('/api/articles?locale=zz'),
      http(app).post('/graphql').send({ query: '{ articles { title } }' }),
      http(app).post('/api/insights/views').send(beaconHit),
    ]);
    expect(answers.map((res) => res.status)).toEqual([200, 400, 200, 404]);
    for (const res of answers) {
      expect(res.headers).not.toHaveProperty('access-control-allow-origin');
      expect(res.headers).not.toHaveProperty('access-control-allow-credentials');
      expect(res.headers.vary).toMatch(/\bOrigin\b/);
    }
  });

  it('reads CORS_ORIGINS without blanks or wildcards, and falls back to PUBLIC_URL', () => {
    expect(corsOrigins([''], '')).toEqual([]);
    expect(corsOrigins(undefined, undefined)).toEqual([]);
    expect(corsOrigins(['', ' '], 'https://cms.example.vn/admin')).toEqual([
      'https://cms.example.vn',
    ]);
    expect(
      corsOrigins(
        ['*', 'https://a.example.vn/', 'https://a.example.vn', 'not a url'],
        'https://cms.example.vn'
      )
    ).toEqual(['https://a.example.vn']);
  });
});
