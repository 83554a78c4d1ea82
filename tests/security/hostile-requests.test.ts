import net from 'node:net';
import type { Core, UID } from '@strapi/strapi';

import { bootStrapi, graphql, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

type Answer = {
  status: number;
  headers: Record<string, string>;
  body: { error?: { status?: number; message?: string } };
};
const CALLERS = ['public', 'token'] as const;
type Caller = (typeof CALLERS)[number];

const get = (caller: Caller, path: string) => {
  const req = http(app).get(path);
  return caller === 'token' ? req.set('Authorization', token) : req;
};
const send = (caller: Caller, method: 'post' | 'put', path: string, body: string) => {
  const req = http(app)[method](path).set('Content-Type', 'application/json');
  return (caller === 'token' ? req.set('Authorization', token) : req).send(body);
};

/** A 4xx in Strapi's JSON error shape, with a message matching `message`. */
const expectClientError = (res: Answer, message: RegExp, status = 400) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/json/);
  expect(res.body.error?.status).toBe(status);
  expect(res.body.error?.message).toMatch(message);
};

const rows = (uid: UID.ContentType) => app.db.query(uid).findMany({ orderBy: { id: 'asc' } });

/** The request must be refused with a 400 and leave every row of `uid` as it was. */
const expectRefused = async (
  uid: UID.ContentType,
  request: () => Promise<Answer>,
  message: RegExp
) => {
  const before = await rows(uid);
  expectClientError(await request(), message);
  expect(await rows(uid)).toEqual(before);
};

/** Test names for very long URLs. */
const shorten = (path: string) =>
  path.length > 100 ? `${path.slice(0, 100)}… (${path.length} characters)` : path;

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const QUERY_CASES: [string, RegExp][] = [
  ['/api/articles?filters[id][$between]=a', /filters\[id\]\[\$between\] takes exactly two values/],
  ['/api/articles?filters[id][$between][0]=1', /takes exactly two values/],
  // An operator on a relation itself compares its id; a malformed operand there crashed the query builder.
  [
    '/api/articles?filters[organization][$between][0]=a',
    /filters\[organization\]\[\$between\] takes exactly two values/,
  ],
  ['/api/articles?filters[$or]=1', /filters\[\$or\] takes a list of conditions/],
  ['/api/articles?filters[$and]=x', /filters\[\$and\] takes a list of conditions/],
  ['/api/articles?filters[$or][0]=x', /filters\[\$or\]\[0\] must be an object of conditions/],
  ['/api/articles?filters[$not]=1', /filters\[\$not\] must be an object of conditions/],
  ['/api/articles?_q[$ne]=1', /_q must be a single text value/],
  [
    '/api/articles?filters[title][$jsonSupersetOf]=1',
    /\$jsonSupersetOf cannot be used on a string field/,
  ],
  [
    '/api/articles?filters[publishedDate][$containsi]=2024',
    /\$containsi cannot be used on a datetime field/,
  ],
  ['/api/articles?filters[body][$eq]=x', /\$eq cannot be used on a blocks field/],
  ['/api/meetings?filters[extended][$gt]=true', /\$gt cannot be used on a boolean field/],
  [
    '/api/articles?filters[title][$eq][a]=1',
    /filters\[title\]\[\$eq\] must be a single value, not an object/,
  ],
  ['/api/awards?filters[locale][$and][$eq]=%EF%AA%A6%F0%93%8E%98', /filters\[locale\]/],
  ['/api/meetings/%00', /NUL character/],
  ['/api/articles?filters[title][$eq]=%00', /NUL character/],
  ['/api/articles?filters[title][a]=1', /a must be an operator such as \$eq/],
  ['/api/articles?filters[title][$in][a]=1', /filters\[title\]\[\$in\] takes a list/],
  ['/api/articles?filters[id][$in]=1', /filters\[id\]\[\$in\] takes a list/],
  ['/api/articles?filters[id][$null]=maybe', /takes true or false/],
  ['/api/articles?filters[id][$gt]=abc', /must be a whole number/],
  ['/api/meetings?filters[extended][$eq]=maybe', /must be true or false/],
  ['/api/articles?filters[title][$containsi][0]=a', /must be a single text value, not a list/],
  ['/api/articles?filters[organization]=1', /filters\[organization\] is a relation/],
  [
    '/api/articles?filters[organization][name][$eq][x]=1',
    /filters\[organization\]\[name\]\[\$eq\] must be a single value/,
  ],
  [
    '/api/articles?populate[organization][filters][name][$eq][x]=1',
    /populate\[organization\]\[filters\]\[name\]\[\$eq\] must be a single value/,
  ],
  ['/api/articles?locale[0]=zz', /locale must be a single text value, not a list/],
  ['/api/articles?locale[a]=vi', /locale must be a single text value, not an object/],
  ['/api/articles?status[a]=draft', /status must be a single text value/],
  [`/api/articles?filters${'[a]'.repeat(1000)}=1`, /Query string refused: .*depth/],
  [
    `/api/articles?${Array.from({ length: 150 }, (_, i) => `filters[id][$in][${i}]=${i}`).join('&')}`,
    /Query string refused: Array limit/,
  ],
  [
    `/api/articles?${Array.from({ length: 1100 }, (_, i) => `x${i}=1`).join('&')}`,
    /Query string refused: Parameter limit/,
  ],
];

describe.each(CALLERS)('REST query filters, as %s', (caller) => {
  it.each(QUERY_CASES.map(([path, message]) => [shorten(path), path, message] as const))(
    '%s is a 400',
    async (_, path, message) => {
      expectClientError(await get(caller, path), message);
    }
  );

  it.each([
    '/api/articles?filters[publishedDate][$gt]=2024-13-01',
    '/api/articles?filters[publishedDate][$eq]=0000-00-00',
    '/api/articles?filters[publishedDate][$lt]=2024-02-30T10:00:00Z',
    '/api/articles?filters[publishedDate][$between][0]=2024-01-01&filters[publishedDate][$between][1]=2024-02-30',
    '/api/organizations?filters[validFrom][$eq]=2024-02-30',
    '/api/organizations?filters[validTo][$in][0]=2024-13-01',
    '/api/awards?filters[decisionDate][$gte]=0000-00-00',
    '/api/officials?filters[positions][startDate][$lte]=2023-02-29',
    '/api/articles?filters[organization][validFrom][$lt]=2024-02-30',
  ])('an impossible date in %s is a 400', async (path) => {
    expectClientError(await get(caller, path), /real date|Invalid date|expected/);
  });

  it.each([
    '/api/articles?filters[id][$between][0]=1&filters[id][$between][1]=99999',
    '/api/articles?filters[organization][$between][0]=1&filters[organization][$between][1]=99999',
    '/api/articles?filters[$or][0][title][$containsi]=hội&filters[$or][1][slug][$eq]=x',
    '/api/articles?filters[$not][title][$null]=true',
    '/api/articles?filters[title][$not][$eq]=x',
    '/api/articles?filters[publishedDate][$gte]=2024-01-01&filters[publishedDate][$lt]=2024-02-29T23:59:59%2B07:00',
    '/api/articles?filters[organization][name][$notNull]=true',
    '/api/articles?filters[organization][$null]=false',
    '/api/articles?filters[id][$in][0]=1&filters[id][$in][1]=2',
    '/api/articles?filters[title]=x',
    '/api/meetings?filters[extended][$eq]=false&filters[termNumber][$gte]=1',
    '/api/organizations?filters[validFrom][$lte]=2024-02-29',
    '/api/articles?populate[organization][filters][name][$containsi]=hội',
    '/api/articles?locale=en&_q=union',
  ])('a well-formed query still works: %s', async (path) => {
    const res = await get(caller, path);
    expect(res.status).toBe(200);
  });
});

describe('the filter is applied, not dropped', () => {
  it('returns only the matching articles', async () => {
    const all = await http(app).get('/api/articles');
    const title: string = all.body.data[0].title;
    const res = await http(app).get(
      `/api/articles?filters[title][$eq]=${encodeURIComponent(title)}`
    );
    expect(res.body.data.map((article: { title: string }) => article.title)).toEqual([title]);
  });
});

describe('impossible dates in written data', () => {
  const DATES = ['2024-13-01', '0000-00-00', '2024-02-30'];
  const unique = () => Math.random().toString(36).slice(2, 8);
  const post = (path: string, data: Record<string, unknown>) =>
    http(app).post(path).set('Authorization', token).send({ data });
  const CASES: [string, UID.ContentType, string, (date: string) => Record<string, unknown>][] = [
    [
      'organization validFrom',
      'api::organization.organization',
      '/api/organizations',
      (validFrom) => ({ name: `Đơn vị ${unique()}`, kind: 'other', level: 'commune', validFrom }),
    ],
    [
      'organization validTo',
      'api::organization.organization',
      '/api/organizations',
      (validTo) => ({ name: `Đơn vị ${unique()}`, kind: 'other', level: 'commune', validTo }),
    ],
    [
      'position startDate (component)',
      'api::official.official',
      '/api/officials',
      (startDate) => ({
        fullName: `Lê Thị ${unique()}`,
        positions: [{ title: 'Ủy viên', startDate }],
      }),
    ],
    [
      'position endDate (component)',
      'api::official.official',
      '/api/officials',
      (endDate) => ({ fullName: `Lê Thị ${unique()}`, positions: [{ title: 'Ủy viên', endDate }] }),
    ],
    [
      'meeting startDate',
      'api::meeting.meeting',
      '/api/meetings',
      (startDate) => ({ title: `Hội nghị ${unique()}`, kind: 'other', startDate }),
    ],
    [
      'award decisionDate',
      'api::award.award',
      '/api/awards',
      (decisionDate) => ({
        title: `Giấy khen ${unique()}`,
        form: 'other',
        countedIndividuals: 1,
        decisionDate,
      }),
    ],
    [
      'award revokedDate',
      'api::award.award',
      '/api/awards',
      (revokedDate) => ({
        title: `Giấy khen ${unique()}`,
        form: 'other',
        countedIndividuals: 1,
        revokedDate,
      }),
    ],
    [
      'article publishedDate',
      'api::article.article',
      '/api/articles',
      (publishedDate) => ({ title: `Tin ${unique()}`, publishedDate }),
    ],
    [
      'article publishedDate with a time',
      'api::article.article',
      '/api/articles',
      (day) => ({ title: `Tin ${unique()}`, publishedDate: `${day}T08:00:00Z` }),
    ],
  ];
  it.each(
    CASES.flatMap(([name, uid, path, data]) =>
      DATES.map((date) => [name, date, uid, path, data] as const)
    )
  )('%s %s is a 400 and stores nothing', async (_name, date, uid, path, data) => {
    await expectRefused(uid, () => post(path, data(date)), /date|expected/i);
  });

  it('an impossible date in an update is a 400 and changes nothing', async () => {
    const created = await post('/api/organizations', {
      name: `Đơn vị ${unique()}`,
      kind: 'other',
      level: 'commune',
      validFrom: '2024-02-29',
    });
    expect(created.status).toBe(201);
    const path = `/api/organizations/${created.body.data.documentId}`;
    await expectRefused(
      'api::organization.organization',
      () =>
        http(app)
          .put(path)
          .set('Authorization', token)
          .send({ data: { validFrom: '2023-02-29' } }),
      /date/i
    );
  });

  it.each([
    'from=0000-00-00',
    'from=2024-13-01',
    'from=2024-02-30',
    'to=2024-02-30',
    'to=2023-02-29&from=2023-01-01',
  ])('the daily view series refuses %s', async (query) => {
    const article = (await http(app).get('/api/articles')).body.data[0].documentId;
    expectClientError(
      await get('public', `/api/insights/views/${article}/daily?${query}`),
      /must be a date written YYYY-MM-DD/
    );
  });
});

describe('GraphQL fragments', () => {
  it.each([
    [
      'a self-including fragment',
      'query { articles { ...A } } fragment A on Article { ...A }',
      /Cannot spread fragment "A" within itself/,
    ],
    [
      'a fragment cycle',
      'query { articles { ...A } } fragment A on Article { ...B } fragment B on Article { ...A }',
      /Cannot spread fragment "A" within itself via "B"/,
    ],
    [
      'a cycle through a field',
      'query { organizations { ...O } } fragment O on Organization { parent { ...O } }',
      /Cannot spread fragment "O" within itself/,
    ],
    ['an unknown fragment', 'query { articles { ...Nope } }', /Unknown fragment "Nope"/],
    [
      'a subscription (the schema serves none)',
      'subscription { articles { title } }',
      /does not serve subscription operations/,
    ],
  ])('%s is a 400 with the GraphQL validation error', async (_, query, message) => {
    const res = await graphql(app, query);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(message);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still enforces the depth limit through fragments', async () => {
    const nest = (depth: number): string =>
      depth === 0 ? 'name' : `parent { ${nest(depth - 1)} }`;
    const res = await graphql(
      app,
      `query { organizations { ...O } } fragment O on Organization { ${nest(10)} }`
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth of 8/);
  });
});

describe('GraphQL errors', () => {
  it('filter operands follow the REST rules: between takes two values, at any depth', async () => {
    for (const bounds of ['["a"]', '["a", "b", "c"]']) {
      const res = await graphql(
        app,
        `{ articles(filters: { title: { between: ${bounds} } }) { title } }`
      );
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        message: expect.stringMatching(/filters\[title\]\[\$between\] takes exactly two values/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const viaVariables = await graphql(
      app,
      'query ($at: [DateTime]) { articles(filters: { publishedDate: { between: $at } }) { title } }',
      { at: ['2020-01-01T00:00:00Z'] }
    );
    expect(viaVariables.status).toBe(400);
    const nested = await graphql(
      app,
      '{ organizations { name children(filters: { name: { between: ["a"] } }) { name } } }'
    );
    expect(nested.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(nested.body)).not.toMatch(/INTERNAL_SERVER_ERROR|whereBetween/);
    const fine = await graphql(
      app,
      '{ articles(filters: { publishedDate: { between: ["2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z"] }, title: { containsi: "hội" } }) { title } }'
    );
    expect(fine.status).toBe(200);
    expect(fine.body.data.articles.length).toBeGreaterThan(0);
  });

  it('keeps the message of errors meant for the caller', async () => {
    const locale = await graphql(app, '{ topViewed(type: "meeting") { title } }');
    expect(locale.status).toBe(400);
    expect(locale.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/type must be one of/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const draft = await graphql(app, '{ articles(status: DRAFT) { title } }');
    expect(draft.status).toBe(403);
    expect(draft.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/Drafts are only readable/),
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe.each(CALLERS)('request bodies, as %s', (caller) => {
  const ARTICLE = 'api::article.article';
  const HOSTILE = [
    [
      'constructor.prototype',
      '{"data":{"title":"Tin","constructor":{"prototype":{"polluted":1}}}}',
      /forbidden key "constructor"/,
    ],
    [
      '__proto__',
      '{"data":{"title":"Tin","__proto__":{"polluted":1}}}',
      /forbidden prototype property/,
    ],
    [
      'prototype',
      '{"data":{"title":"Tin","gallery":[{"prototype":{"polluted":1}}]}}',
      /forbidden key "prototype"/,
    ],
    ['arrays 5000 deep', `{"data":{"title":${deepArray(5000)}}}`, /nests deeper than 100 levels/],
    ['a top-level array 5000 deep', deepArray(5000), /nests deeper than 100 levels/],
  ] as const;

  it.each(HOSTILE)(
    'POST /api/articles with %s is a 400 and stores nothing',
    async (_, body, message) => {
      await expectRefused(ARTICLE, () => send(caller, 'post', '/api/articles', body), message);
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  );

  it.each(HOSTILE)(
    'PUT /api/articles/:id with %s is a 400 and changes nothing',
    async (_, body, message) => {
      const article = (await http(app).get('/api/articles')).body.data[0].documentId;
      await expectRefused(
        ARTICLE,
        () => send(caller, 'put', `/api/articles/${article}`, body),
        message
      );
    }
  );

  it.each(HOSTILE)('the view beacon with %s is a 4xx and counts nothing', async (_, body) => {
    const before = await app.db.connection('insights_view_totals').select('*');
    const res = await send(caller, 'post', '/api/insights/views', body.replace('"data"', '"type"'));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(await app.db.connection('insights_view_totals').select('*')).toEqual(before);
  });
});

describe('bodies the JSON parser cannot read', () => {
  const UNREADABLE = [
    ['malformed JSON', '{"data": {title: 1}}'],
    ['a cut-off body', '{"data": {"title": "Tin'],
    ['a __proto__ key', '{"type":"article","__proto__":{"polluted":1}}'],
  ] as const;
  const PATHS = ['/api/articles', '/api/insights/views', '/graphql'];

  it.each(PATHS.flatMap((path) => UNREADABLE.map(([name, body]) => [path, name, body])))(
    'POST %s with %s is a 400 with details, and logs no error',
    async (path, _, body) => {
      const logged = jest.spyOn(app.log, 'error');
      try {
        const res = await send('token', 'post', path, body);
        expectClientError(res, /^Request body could not be read: ./);
        expect(res.body.error).toHaveProperty('details', { param: 'body' });
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    }
  );
});

describe('requests Node cannot parse', () => {
  /** The raw answer to `request` written on a socket: Node refuses these before Koa, so supertest cannot send them. */
  const rawAnswer = async (request: string) => {
    const server = app.server.httpServer;
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const socket = net.connect(port, '127.0.0.1');
    socket.write(request);
    const chunks: Buffer[] = [];
    for await (const chunk of socket) chunks.push(Buffer.from(chunk));
    const [head, body] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
    const headers = head.split('\r\n');
    return { status: Number(headers[0].split(' ')[1]), headers, body: JSON.parse(body) };
  };

  it('a URL past 16 KB is a 431 with a JSON message', async () => {
    const res = await rawAnswer(
      `GET /api/articles?filters[title][$eq]=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`
    );
    expect(res.status).toBe(431);
    expect(res.headers).toContain('Content-Type: application/json; charset=utf-8');
    expect(res.body.error).toMatchObject({ status: 431, message: expect.stringMatching(/16 KB/) });
  });

  it('a malformed request line is a 400 with a JSON message', async () => {
    const res = await rawAnswer('NOT HTTP AT ALL\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, message: 'The request is not valid HTTP' });
  });
});
