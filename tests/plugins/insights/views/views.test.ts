import { request } from 'node:http';
import type { Core } from '@strapi/strapi';

import { isRecord } from '../../../../src/rules/document-params';
import { adminSession } from '../../../helpers/admin';
import { bootStrapi, graphql, http, sqlDuring } from '../../../helpers/strapi';

let app: Core.Strapi;
bootStrapi((booted) => ({ app } = booted));

const TU_SON = 'hoi-lhpn-thanh-pho-tu-son-trien-khai-nhiem-vu-cong-tac-hoi-nam-2024';
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
let uaCounter = 0;
const visitorAgent = () => `${BROWSER} visitor/${(uaCounter += 1)}`;

const articles = () => app.documents('api::article.article');
const publishedArticle = async (title = `Tin ${Math.random().toString(36).slice(2, 8)}`) => {
  const created = await articles().create({ locale: 'vi', data: { title }, status: 'published' });
  return created.documentId;
};
const hit = (body: unknown, userAgent = BROWSER, headers: Record<string, string> = {}) => {
  const req = http(app).post('/api/insights/views').set('User-Agent', userAgent);
  Object.entries(headers).forEach(([key, value]) => req.set(key, value));
  return typeof body === 'string'
    ? req.set('Content-Type', 'text/plain').send(body)
    : req.send(body as object);
};
const storedRows = async () => {
  const knex = app.db.connection;
  return Promise.all(
    ['insights_view_totals', 'insights_view_buckets', 'insights_visitor_marks'].map((table) =>
      knex(table).count({ n: '*' }).first()
    )
  );
};
const setConfig = (key: string, value: unknown) => app.config.set(`plugin::insights.${key}`, value);

describe('seed', () => {
  it("imports the Từ Sơn article's 19 historical views as its vi starting count", async () => {
    const res = await http(app).get(`/api/articles?filters[slug][$eq]=${TU_SON}&fields[0]=title`);
    expect(res.body.data[0].viewCount).toBe(19);
    const en = await http(app).get(`/api/articles/${res.body.data[0].documentId}?locale=en`);
    expect(en.body.data.viewCount).toBe(0);
  });
});

describe('counting', () => {
  it('counts a published article once per visitor within the window, again after it', async () => {
    const documentId = await publishedArticle();
    const agent = visitorAgent();
    const first = await hit({ type: 'article', documentId, locale: 'vi' }, agent);
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({ counted: true, views: 1 });
    const refresh = await hit({ type: 'article', documentId }, agent);
    expect(refresh.body.data).toEqual({ counted: false, views: 1 });
    expect((await hit({ type: 'article', documentId }, visitorAgent())).body.data).toEqual({
      counted: true,
      views: 2,
    });

    await app.db.connection('insights_visitor_marks').update({ expires_at: Date.now() - 1 });
    expect((await hit({ type: 'article', documentId }, agent)).body.data).toEqual({
      counted: true,
      views: 3,
    });
  });

  it('accepts the text/plain JSON that navigator.sendBeacon sends', async () => {
    const documentId = await publishedArticle();
    const res = await hit(JSON.stringify({ type: 'article', documentId }), visitorAgent());
    expect(res.body.data).toEqual({ counted: true, views: 1 });
  });

  it('counts each locale separately, and a new locale starts at 0', async () => {
    const documentId = await publishedArticle();
    await hit({ type: 'article', documentId, locale: 'vi' }, visitorAgent());
    await articles().update({
      documentId,
      locale: 'en',
      data: { title: 'English version' },
      status: 'published',
    });
    const en = await http(app).get(`/api/articles/${documentId}?locale=en`);
    expect(en.body.data.viewCount).toBe(0);
    expect(
      (await hit({ type: 'article', documentId, locale: 'en' }, visitorAgent())).body.data
    ).toEqual({ counted: true, views: 1 });
    expect((await http(app).get(`/api/articles/${documentId}?locale=vi`)).body.data.viewCount).toBe(
      1
    );
  });

  it('starts a duplicate at 0', async () => {
    const documentId = await publishedArticle();
    await hit({ type: 'article', documentId }, visitorAgent());
    const cloneId =
      (await articles().clone({ documentId, locale: 'vi', data: { title: 'Bản sao' } }))
        ?.documentId ?? '';
    await articles().publish({ documentId: cloneId, locale: 'vi' });
    expect((await http(app).get(`/api/articles/${cloneId}`)).body.data.viewCount).toBe(0);
  });

  it('answers bots and crawlers counted: false, decided on the server', async () => {
    const documentId = await publishedArticle();
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 HeadlessChrome/124.0',
      'curl/8.5.0',
      '',
    ]) {
      const res = await hit({ type: 'article', documentId }, agent);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ counted: false, views: 0 });
    }
  });

  it('does not believe X-Forwarded-For from an untrusted address', async () => {
    const documentId = await publishedArticle();
    const agent = visitorAgent();
    const a = await hit({ type: 'article', documentId }, agent, {
      'X-Forwarded-For': '203.0.113.1',
    });
    const b = await hit({ type: 'article', documentId }, agent, {
      'X-Forwarded-For': '203.0.113.2',
    });
    expect([a.body.data.counted, b.body.data.counted]).toEqual([true, false]);
  });

  it('believes X-Forwarded-For from a configured trusted proxy', async () => {
    const documentId = await publishedArticle();
    const agent = visitorAgent();
    setConfig('trustedProxies', ['loopback']);
    try {
      const a = await hit({ type: 'article', documentId }, agent, {
        'X-Forwarded-For': '203.0.113.1',
      });
      const b = await hit({ type: 'article', documentId }, agent, {
        'X-Forwarded-For': '203.0.113.2',
      });
      expect([a.body.data.counted, b.body.data.counted]).toEqual([true, true]);
    } finally {
      setConfig('trustedProxies', []);
    }
  });

  it('answers a visitor that floods with 429', async () => {
    const documentId = await publishedArticle();
    const agent = visitorAgent();
    setConfig('rateLimit', { windowSeconds: 60, maxHits: 3 });
    try {
      const answers = [];
      for (let i = 0; i < 5; i += 1)
        answers.push(await hit({ type: 'article', documentId }, agent));
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 429, 429]);
      expect(answers[3].headers['retry-after']).toMatch(/^\d+$/);
      expect(answers[3].body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
      expect((await hit({ type: 'article', documentId }, visitorAgent())).status).toBe(200);
    } finally {
      setConfig('rateLimit', { windowSeconds: 60, maxHits: 60 });
    }
  });

  it('stores no IP address or user agent', async () => {
    const documentId = await publishedArticle();
    await hit({ type: 'article', documentId }, 'Mozilla/5.0 UniqueAgentMarker/1.0', {
      'X-Forwarded-For': '198.51.100.77',
    });
    const knex = app.db.connection;
    for (const table of [
      'insights_view_totals',
      'insights_view_buckets',
      'insights_visitor_marks',
      'insights_salts',
    ]) {
      const dump = JSON.stringify(await knex(table).select('*'));
      expect(dump).not.toMatch(/UniqueAgentMarker|127\.0\.0\.1|198\.51\.100\.77|::ffff/);
    }
  });
});

describe('one client IP rotating its user agent', () => {
  let ipCounter = 0;
  /** A fresh client address per test (believed from the loopback proxy), so the IP budgets start empty. */
  const freshIp = () => `198.18.0.${(ipCounter += 1)}`;
  const totalOf = async (documentId: string) =>
    Number(
      (
        await app.db
          .connection('insights_view_totals')
          .where({ document_id: documentId })
          .sum({ n: 'views' })
          .first()
      )?.n ?? 0
    );
  const retryAfter = (res: { headers: Record<string, string> }) =>
    Number(res.headers['retry-after']);

  beforeEach(() => setConfig('trustedProxies', ['loopback']));
  afterEach(() => {
    setConfig('trustedProxies', []);
    setConfig('ipLimit', {
      perDocument: { windowSeconds: 1800, maxHits: 300 },
      overall: { windowSeconds: 60, maxHits: 1200 },
    });
  });

  it('stops being counted at the per-document cap, with 429 and Retry-After', async () => {
    setConfig('ipLimit', {
      perDocument: { windowSeconds: 1800, maxHits: 3 },
      overall: { windowSeconds: 60, maxHits: 1200 },
    });
    const [documentId, other] = [await publishedArticle(), await publishedArticle()];
    const ip = { 'X-Forwarded-For': freshIp() };
    const answers = [];
    for (let i = 0; i < 6; i += 1)
      answers.push(await hit({ type: 'article', documentId }, visitorAgent(), ip));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 429, 429, 429]);
    for (const refused of answers.slice(3)) {
      expect(retryAfter(refused)).toBeGreaterThan(0);
      expect(retryAfter(refused)).toBeLessThanOrEqual(1800);
      expect(refused.body.error.message).toMatch(/Too many view hits/);
    }
    expect(await totalOf(documentId)).toBe(3);
    // Other documents, and other addresses, still count.
    expect(
      (await hit({ type: 'article', documentId: other }, visitorAgent(), ip)).body.data
    ).toEqual({ counted: true, views: 1 });
    expect(
      (await hit({ type: 'article', documentId }, visitorAgent(), { 'X-Forwarded-For': freshIp() }))
        .body.data
    ).toEqual({ counted: true, views: 4 });
  });

  it('stops being counted at the overall cap, across documents', async () => {
    setConfig('ipLimit', {
      perDocument: { windowSeconds: 1800, maxHits: 300 },
      overall: { windowSeconds: 60, maxHits: 4 },
    });
    const ids = [];
    for (let i = 0; i < 6; i += 1) ids.push(await publishedArticle());
    const ip = { 'X-Forwarded-For': freshIp() };
    const answers = [];
    for (const documentId of ids)
      answers.push(await hit({ type: 'article', documentId }, visitorAgent(), ip));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 429, 429]);
    expect(retryAfter(answers[4])).toBeGreaterThan(0);
    expect(retryAfter(answers[4])).toBeLessThanOrEqual(60);
    expect(await Promise.all(ids.map(totalOf))).toEqual([1, 1, 1, 1, 0, 0]);
  });
});

describe('body size', () => {
  /** Sends a body in chunks (Transfer-Encoding: chunked, no Content-Length), as a client may. */
  const postChunked = (chunks: string[]) =>
    new Promise<{ status: number; body: { data?: unknown; error?: { message: string } } }>(
      (resolve, reject) => {
        const server = app.server.httpServer;
        const send = () => {
          const address = server.address();
          if (!address || typeof address === 'string')
            return reject(new Error('server is not listening'));
          const req = request({
            host: '127.0.0.1',
            port: address.port,
            method: 'POST',
            path: '/api/insights/views',
            headers: { 'content-type': 'application/json', 'user-agent': visitorAgent() },
          });
          req.on('response', (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          });
          req.on('error', reject);
          for (const chunk of chunks) req.write(chunk);
          req.end();
        };
        if (server.listening) send();
        else server.listen(0, '127.0.0.1', send);
      }
    );

  it('refuses a chunked body over the limit with 413, even when it parses to a small object, and stores nothing', async () => {
    const documentId = await publishedArticle();
    const before = await storedRows();
    const padded = JSON.stringify({ type: 'article', documentId }) + ' '.repeat(5000);
    const res = await postChunked(padded.match(/[\s\S]{1,500}/g) ?? []);
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toMatch(/Body over 1024 bytes/);
    expect(await storedRows()).toEqual(before);
    const withLength = await hit(padded, visitorAgent());
    expect(withLength.status).toBe(413);
    expect(await storedRows()).toEqual(before);
  });

  it('counts a chunked body under the limit', async () => {
    const documentId = await publishedArticle();
    const body = JSON.stringify({ type: 'article', documentId });
    const res = await postChunked([body.slice(0, 10), body.slice(10)]);
    expect(res).toEqual({ status: 200, body: { data: { counted: true, views: 1 } } });
  });
});

describe('the article is left alone', () => {
  it('counting changes neither updatedAt, status, publish time nor history', async () => {
    const documentId = await publishedArticle();
    const snapshot = () =>
      app.db
        .query('api::article.article')
        .findMany({ where: { documentId }, orderBy: { id: 'asc' } });
    const before = await snapshot();
    for (let i = 0; i < 3; i += 1) await hit({ type: 'article', documentId }, visitorAgent());
    expect(await snapshot()).toEqual(before);
    const draft = await articles().findOne({ documentId, locale: 'vi', status: 'draft' });
    const published = await articles().findOne({ documentId, locale: 'vi', status: 'published' });
    expect(draft?.updatedAt).toEqual(published?.updatedAt);
  });
});

describe('bad hits are refused and store nothing', () => {
  let documentId: string;
  let draftOnly: string;
  beforeAll(async () => {
    documentId = await publishedArticle();
    draftOnly = (await articles().create({ locale: 'vi', data: { title: 'Chỉ bản nháp' } }))
      .documentId;
  });

  it.each([
    ['an unknown type', () => ({ type: 'page', documentId }), 400, /type must be one of/],
    ['a missing documentId', () => ({ type: 'article' }), 400, /documentId is required/],
    [
      'a malformed documentId',
      () => ({ type: 'article', documentId: '../../etc' }),
      400,
      /documentId is malformed/,
    ],
    [
      'a documentId that is not a string',
      () => ({ type: 'article', documentId: 42 }),
      400,
      /documentId must be a string/,
    ],
    [
      'an unknown locale',
      () => ({ type: 'article', documentId, locale: 'fr' }),
      400,
      /Unknown locale "fr"/,
    ],
    [
      'extra fields',
      () => ({ type: 'article', documentId, views: 1000 }),
      400,
      /Unknown body field/,
    ],
    ['a JSON array', () => [documentId], 400, /JSON object/],
    ['text that is not JSON', () => 'views please', 400, /Body must be JSON/],
    [
      'a draft-only document',
      () => ({ type: 'article', documentId: draftOnly }),
      404,
      /No published article/,
    ],
    [
      'a document that does not exist',
      () => ({ type: 'article', documentId: 'doesnotexist000000000000' }),
      404,
      /No published article/,
    ],
    [
      'an oversized body',
      () => ({ type: 'article', documentId, padding: 'x'.repeat(5000) }),
      413,
      /Body over/,
    ],
  ])('%s', async (_, body, status, message) => {
    const before = await storedRows();
    const res = await hit(body(), visitorAgent());
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await storedRows()).toEqual(before);
  });
});

describe('round trips', () => {
  it('writes a counted hit in one statement on PostgreSQL; on SQLite, the published check, then the mark and one upsert per table in a transaction', async () => {
    const documentId = await publishedArticle();
    // A first hit of the day also makes the day's salt: made here, before counting.
    await hit({ type: 'article', documentId: await publishedArticle() }, visitorAgent());
    const { sql: statements, result: res } = await sqlDuring(app, () =>
      hit({ type: 'article', documentId }, visitorAgent())
    );
    expect(res.body.data).toEqual({ counted: true, views: 1 });
    const data = statements.filter((sql) => !/^(begin|commit|savepoint|release)\b/i.test(sql));
    const postgres = app.db.dialect.client === 'postgres';
    expect(data).toHaveLength(postgres ? 1 : 4);
    expect(statements.filter((sql) => /^begin\b/i.test(sql))).toHaveLength(postgres ? 0 : 1);
  });

  it('sends batches of any size as one statement text on PostgreSQL (prepared once per connection); on SQLite, one published check before each batch transaction', async () => {
    const documentIds = await Promise.all([publishedArticle(), publishedArticle()]);
    const { sql: statements } = await sqlDuring(app, async () => {
      await hit({ type: 'article', documentId: documentIds[0] }, visitorAgent());
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          hit({ type: 'article', documentId: documentIds[i % 2] }, visitorAgent())
        )
      );
    });
    const published = statements.filter((sql) => /articles/.test(sql));
    expect(published.length).toBeGreaterThan(1);
    if (app.db.dialect.client === 'postgres') expect(new Set(published).size).toBe(1);
    else expect(published).toHaveLength(statements.filter((sql) => /^begin\b/i.test(sql)).length);
  });

  it('looks totals up only for the hits a batch does not count (the upsert returns the others)', async () => {
    const documentId = await publishedArticle();
    // A first hit of the day also makes the day's salt: made here, before counting.
    await hit({ type: 'article', documentId: await publishedArticle() }, visitorAgent());
    const knex = app.db.connection;
    if (app.db.dialect.client !== 'postgres') {
      // SQLite's batch reads the totals of uncounted keys in a separate query: none for a counted hit.
      const { sql: statements } = await sqlDuring(app, () =>
        hit({ type: 'article', documentId }, visitorAgent())
      );
      expect(statements.filter((sql) => /^select .*insights_view_totals/i.test(sql))).toEqual([]);
      return;
    }
    const batches: { sql: string; bindings: unknown[] }[] = [];
    const note = (query: { sql: string; bindings: unknown[] }) =>
      query.sql.startsWith('WITH hits') && batches.push(query);
    knex.on('query', note);
    try {
      await hit({ type: 'article', documentId }, visitorAgent()).expect(200);
    } finally {
      knex.off('query', note);
    }
    const [batch] = batches;
    // The statement again, rolled back: with the mark it claimed (a repeat, not counted) and with a new one.
    const replay = async (marks: string[]) => {
      const bindings = batch.bindings.map((value, i) => (i === 4 ? marks : value));
      // The logged text is numbered ($1, $2...) in binding order; knex.raw numbers `?` the same way.
      const sql = batch.sql.replace(/\$\d+/g, '?');
      const trx = await knex.transaction();
      try {
        const result: unknown = await trx.raw(sql, bindings);
        const rows = isRecord(result) && Array.isArray(result.rows) ? result.rows : [];
        return rows.filter(isRecord).map((row) => `${row.kind} ${row.views}`);
      } finally {
        await trx.rollback();
      }
    };
    const claimed = batch.bindings[4];
    expect(Array.isArray(claimed)).toBe(true);
    expect(await replay(Array.isArray(claimed) ? claimed.map(String) : [])).toEqual([
      'published null',
      'before 1',
    ]);
    expect(await replay(['a-mark-never-seen'])).toEqual([
      'published null',
      'claimed null',
      'after 2',
    ]);
  });
});

describe('concurrency', () => {
  it('keeps exact totals under hundreds of concurrent hits from distinct visitors', async () => {
    const documentId = await publishedArticle();
    const results = await Promise.all(
      Array.from({ length: 300 }, () => hit({ type: 'article', documentId }, visitorAgent()))
    );
    expect(results.every((res) => res.status === 200 && res.body.data.counted)).toBe(true);
    const total = await app.db
      .connection('insights_view_totals')
      .where({ document_id: documentId, locale: 'vi' })
      .first('views');
    expect(Number(total.views)).toBe(300);
    const day = await app.db
      .connection('insights_view_buckets')
      .where({ document_id: documentId, locale: 'vi', period: 'day' })
      .first('views');
    expect(Number(day.views)).toBe(300);
    expect(results.map((res) => res.body.data.views).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 300 }, (_, i) => i + 1)
    );
  });

  it('counts a visitor once when its duplicate hits arrive together', async () => {
    const documentId = await publishedArticle();
    const agent = visitorAgent();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hit({ type: 'article', documentId }, agent))
    );
    expect(results.filter((res) => res.body.data.counted)).toHaveLength(1);
    // Counted in one batch, refused in the others. A refused duplicate carries the total its batch read: 1, or 0
    // on PostgreSQL when that batch ran alongside the counting one (it reads the totals as they were when it began).
    expect(results.find((res) => res.body.data.counted)?.body.data.views).toBe(1);
    expect(results.every((res) => [0, 1].includes(res.body.data.views))).toBe(true);
  });
});

describe('reading counts', () => {
  it('puts viewCount on every article of a page with one query for the page', async () => {
    const ids = [await publishedArticle(), await publishedArticle()];
    await hit({ type: 'article', documentId: ids[0] }, visitorAgent());
    const { sql: queries, result: res } = await sqlDuring(app, () =>
      http(app).get('/api/articles?pagination[pageSize]=50&sort=id:desc')
    );
    expect(queries.filter((sql) => sql.includes('insights_view_totals'))).toHaveLength(1);
    const byId = new Map(
      res.body.data.map((a: { documentId: string; viewCount: number }) => [
        a.documentId,
        a.viewCount,
      ])
    );
    expect(byId.get(ids[0])).toBe(1);
    expect(byId.get(ids[1])).toBe(0);
    expect(
      res.body.data.every((a: { viewCount: unknown }) => typeof a.viewCount === 'number')
    ).toBe(true);
  });

  it('serves viewCount and topViewed over GraphQL', async () => {
    const res = await graphql(
      app,
      '{ articles(pagination: { pageSize: 100 }) { documentId viewCount } topViewed(period: all, limit: 3) { documentId title views } }'
    );
    expect(res.body.errors).toBeUndefined();
    expect(
      res.body.data.articles.every((a: { viewCount: unknown }) => typeof a.viewCount === 'number')
    ).toBe(true);
    const top = res.body.data.topViewed;
    expect(top.length).toBeGreaterThan(0);
    expect(top.map((t: { views: number }) => t.views)).toEqual(
      [...top.map((t: { views: number }) => t.views)].sort((a, b) => b - a)
    );
  });

  it('serves viewCount on a single article over GraphQL, in the asked locale', async () => {
    const [article] = (await http(app).get(`/api/articles?filters[slug][$eq]=${TU_SON}`)).body.data;
    const query =
      'query($id: ID!, $locale: I18NLocaleCode) { article(documentId: $id, locale: $locale) { viewCount } }';
    const vi = await graphql(app, query, { id: article.documentId, locale: 'vi' });
    expect(vi.body.data.article.viewCount).toBeGreaterThanOrEqual(19);
    const en = await graphql(app, query, { id: article.documentId, locale: 'en' });
    expect(en.body.data.article.viewCount).toBe(0);
  });
});

describe('most viewed', () => {
  it('ranks by views in the chosen period and filters by unit', async () => {
    const tuSon = await app.db
      .query('api::organization.organization')
      .findOne({ where: { slug: 'hoi-lhpn-thanh-pho-tu-son', locale: 'vi' } });
    const a = (
      await articles().create({
        locale: 'vi',
        data: { title: 'Tin Từ Sơn A', organization: tuSon.documentId },
        status: 'published',
      })
    ).documentId;
    const b = (
      await articles().create({
        locale: 'vi',
        data: { title: 'Tin Từ Sơn B', organization: tuSon.documentId },
        status: 'published',
      })
    ).documentId;
    for (let i = 0; i < 3; i += 1) await hit({ type: 'article', documentId: b }, visitorAgent());
    await hit({ type: 'article', documentId: a }, visitorAgent());

    const res = await http(app).get(
      `/api/insights/views/top?type=article&period=day&locale=vi&organization=${tuSon.documentId}&limit=10`
    );
    expect(res.status).toBe(200);
    const unit = { documentId: tuSon.documentId, name: tuSon.name, slug: tuSon.slug };
    const card = (documentId: string, title: string, slug: string, views: number) => ({
      documentId,
      locale: 'vi',
      title,
      slug,
      publishedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      cover: null,
      organization: unit,
      views,
    });
    expect(res.body.data.slice(0, 2)).toEqual([
      card(b, 'Tin Từ Sơn B', 'tin-tu-son-b', 3),
      card(a, 'Tin Từ Sơn A', 'tin-tu-son-a', 1),
    ]);
    const all = await http(app).get(
      `/api/insights/views/top?period=all&organization=${tuSon.documentId}`
    );
    expect(all.body.data[0]).toMatchObject({
      title: 'Hội LHPN thành phố Từ Sơn triển khai nhiệm vụ công tác Hội năm 2024',
      views: 19,
    });
    for (const period of ['week', 'month', 'year', '24h', '7d', '30d']) {
      const ranked = await http(app).get(
        `/api/insights/views/top?period=${period}&organization=${tuSon.documentId}`
      );
      expect(
        ranked.body.data.find((entry: { documentId: string }) => entry.documentId === b)?.views
      ).toBe(3);
    }
  });

  it('takes in the articles of the sub-units, at any depth, only when asked (include=descendants)', async () => {
    const units = app.documents('api::organization.organization');
    const unit = async (name: string, level: 'district' | 'commune' | 'branch', parent?: string) =>
      (
        await units.create({
          locale: 'vi',
          data: {
            name: `${name} ${Math.random().toString(36).slice(2, 6)}`,
            kind: 'womens_union',
            level,
            parent,
          },
        })
      ).documentId;
    const district = await unit('Hội LHPN huyện', 'district');
    const commune = await unit('Hội LHPN xã', 'commune', district);
    const branch = await unit('Chi hội ấp', 'branch', commune);
    const other = await unit('Hội LHPN huyện khác', 'district');
    const article = async (title: string, organization: string) =>
      (
        await articles().create({
          locale: 'vi',
          status: 'published',
          data: { title, organization },
        })
      ).documentId;
    const own = await article('Tin của huyện', district);
    const fromBranch = await article('Tin của chi hội', branch);
    const elsewhere = await article('Tin của huyện khác', other);
    for (const documentId of [own, fromBranch, elsewhere])
      await hit({ type: 'article', documentId }, visitorAgent());

    const ranked = async (query: string) => {
      const res = await http(app).get(`/api/insights/views/top?period=all&limit=100&${query}`);
      expect(res.status).toBe(200);
      return res.body.data.map((entry: { documentId: string }) => entry.documentId).sort();
    };
    expect(await ranked(`organization=${district}`)).toEqual([own]);
    expect(await ranked(`organization=${district}&include=descendants`)).toEqual(
      [own, fromBranch].sort()
    );
    expect(await ranked(`organization=${commune}&include=descendants`)).toEqual([fromBranch]);
    const graph = await graphql(
      app,
      'query($unit: ID) { topViewed(period: all, organization: $unit, include: ["descendants"], limit: 100) { documentId } }',
      { unit: district }
    );
    expect(
      graph.body.data.topViewed.map((entry: { documentId: string }) => entry.documentId).sort()
    ).toEqual([own, fromBranch].sort());
    const admin = await adminSession(app);
    const fromPanel = await http(app)
      .get(`/insights/views/top?period=all&limit=100&organization=${district}&include=descendants`)
      .set('Authorization', admin);
    expect(fromPanel.status).toBe(200);
    expect(fromPanel.body.meta.include).toEqual(['descendants']);
    expect(fromPanel.body.data).toHaveLength(2);
  });

  it('ranks rolling windows: the last 24 hours by hour buckets, the last 7 and 30 days by day buckets', async () => {
    const unit = await app.documents('api::organization.organization').create({
      locale: 'vi',
      data: {
        name: `Hội LHPN xã Cửa Sổ ${Math.random()}`,
        kind: 'womens_union',
        level: 'commune',
      },
    });
    const file = await app.db.query('plugin::upload.file').create({
      data: {
        name: 'anh-bia.jpg',
        alternativeText: 'Ảnh bìa',
        hash: `anh_bia_${Date.now()}`,
        ext: '.jpg',
        mime: 'image/jpeg',
        size: 12.5,
        width: 800,
        height: 450,
        url: '/uploads/anh_bia.jpg',
        provider: 'local',
      },
    });
    const make = async (title: string, cover: number | null) =>
      (
        await articles().create({
          locale: 'vi',
          data: { title, organization: unit.documentId, ...(cover ? { cover } : {}) },
          status: 'published',
        })
      ).documentId;
    const a = await make('Tin cửa sổ A', file.id);
    const b = await make('Tin cửa sổ B', null);
    // Portal time is UTC+7: hour keys YYYY-MM-DDTHH and day keys YYYY-MM-DD, `back` hours before now.
    const portal = (back: number) =>
      new Date(Date.now() + 7 * 3_600_000 - back * 3_600_000).toISOString();
    const bucket = (document_id: string, period: string, starts_on: string, views: number) => ({
      content_type: 'api::article.article',
      document_id,
      locale: 'vi',
      period,
      starts_on,
      views,
    });
    await app.db
      .connection('insights_view_buckets')
      .insert([
        bucket(a, 'hour', portal(2).slice(0, 13), 5),
        bucket(a, 'hour', portal(30).slice(0, 13), 100),
        bucket(a, 'day', portal(3 * 24).slice(0, 10), 7),
        bucket(a, 'day', portal(10 * 24).slice(0, 10), 20),
        bucket(a, 'day', portal(40 * 24).slice(0, 10), 1000),
        bucket(b, 'hour', portal(1).slice(0, 13), 3),
        bucket(b, 'day', portal(3 * 24).slice(0, 10), 30),
      ]);
    const ranked = async (period: string) =>
      (
        await http(app).get(
          `/api/insights/views/top?period=${period}&organization=${unit.documentId}`
        )
      ).body.data.map((entry: { documentId: string; views: number }) => [
        entry.documentId,
        entry.views,
      ]);
    expect(await ranked('24h')).toEqual([
      [a, 5],
      [b, 3],
    ]);
    expect(await ranked('7d')).toEqual([
      [b, 30],
      [a, 7],
    ]);
    expect(await ranked('30d')).toEqual([
      [b, 30],
      [a, 27],
    ]);
    const res = await graphql(
      app,
      `
        query ($unit: ID) {
          topViewed(period: last24h, organization: $unit) {
            documentId
            locale
            title
            slug
            publishedDate
            views
            cover {
              url
              alternativeText
              width
              height
            }
            organization {
              documentId
              name
              slug
            }
          }
        }
      `,
      { unit: unit.documentId }
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.topViewed[0]).toEqual({
      documentId: a,
      locale: 'vi',
      title: 'Tin cửa sổ A',
      slug: 'tin-cua-so-a',
      publishedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      views: 5,
      cover: { url: '/uploads/anh_bia.jpg', alternativeText: 'Ảnh bìa', width: 800, height: 450 },
      organization: { documentId: unit.documentId, name: unit.name, slug: unit.slug },
    });
    expect(res.body.data.topViewed[1].cover).toBeNull();

    // The sweep drops hour buckets no rolling window reaches (older than 48 hours), and keeps the rest.
    await app.db
      .connection('insights_view_buckets')
      .insert(bucket(a, 'hour', portal(50).slice(0, 13), 9));
    await app.plugin('insights').service('viewStore').sweep();
    const hours = await app.db
      .connection('insights_view_buckets')
      .where({ document_id: a, period: 'hour' })
      .pluck('starts_on');
    expect(hours.sort()).toEqual([portal(30).slice(0, 13), portal(2).slice(0, 13)]);
  });

  it('leaves out unpublished documents', async () => {
    const documentId = await publishedArticle();
    for (let i = 0; i < 50; i += 1) await hit({ type: 'article', documentId }, visitorAgent());
    await articles().unpublish({ documentId, locale: 'vi' });
    const res = await http(app).get('/api/insights/views/top?period=day&limit=100');
    expect(res.body.data.map((entry: { documentId: string }) => entry.documentId)).not.toContain(
      documentId
    );
  });

  it.each([
    ['period=decade', /period must be one of/],
    ['limit=0', /limit must be a whole number/],
    ['limit=1000', /limit must be a whole number/],
    ['type=page', /type must be one of/],
    ['locale=xx', /Unknown locale/],
    ['organization=../x', /organization must be a documentId/],
    ['include=descendants', /include widens an organization filter/],
    ['include=everything&organization=abc', /include must be one of: descendants, predecessors/],
    ['colour=red', /Unknown query field/],
  ])('refuses %s', async (query, message) => {
    const res = await http(app).get(`/api/insights/views/top?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers an unknown unit with 404', async () => {
    expect(
      (await http(app).get('/api/insights/views/top?organization=doesnotexist000000000000')).status
    ).toBe(404);
  });
});

describe('daily series', () => {
  it('has one row per day, zero-filled', async () => {
    const documentId = await publishedArticle();
    await hit({ type: 'article', documentId }, visitorAgent());
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() + 7 * 3600_000 - 6 * 86400_000).toISOString().slice(0, 10);
    const res = await http(app).get(
      `/api/insights/views/${documentId}/daily?from=${from}&to=${today}&locale=vi`
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(7);
    expect(res.body.data[6]).toEqual({ day: today, views: 1 });
    expect(res.body.data.slice(0, 6).every((row: { views: number }) => row.views === 0)).toBe(true);
  });

  it.each([
    ['from=2024-02-30&to=2024-03-01', /from must be a date/],
    ['from=yesterday', /from must be a date/],
    ['from=2024-03-02&to=2024-03-01', /from must not be after to/],
    ['from=2020-01-01&to=2024-01-01', /at most 366 days/],
    ['locale=xx', /Unknown locale/],
  ])('refuses %s', async (query, message) => {
    const [article] = (await http(app).get('/api/articles')).body.data;
    const res = await http(app).get(`/api/insights/views/${article.documentId}/daily?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers an unknown document with 404', async () => {
    expect((await http(app).get('/api/insights/views/doesnotexist000000000000/daily')).status).toBe(
      404
    );
  });
});

describe('permissions', () => {
  it('keeps the admin routes for admins', async () => {
    expect((await http(app).get('/insights/views/counts?documentIds=a')).status).toBe(401);
    const session = await adminSession(app);
    const [article] = (await http(app).get(`/api/articles?filters[slug][$eq]=${TU_SON}`)).body.data;
    const res = await http(app)
      .get(`/insights/views/counts?documentIds=${article.documentId}`)
      .set('Authorization', session);
    expect(res.status).toBe(200);
    expect(res.body.data[`${article.documentId}:vi`]).toBeGreaterThanOrEqual(19);
  });

  it('ships no benchmark routes (bench/start-app.js adds its own)', async () => {
    for (const path of ['/api/insights/bench/noop', '/api/bench/noop'])
      expect((await http(app).get(path)).status).toBe(404);
    // 405: koa-router knows the path shape from other routes, not this method on it.
    expect([404, 405]).toContain(
      (await http(app).post('/api/bench/naive-views').send({ documentId: 'x' })).status
    );
    expect(
      await app.db
        .connection('insights_view_totals')
        .where({ content_type: 'bench::naive' })
        .first()
    ).toBeUndefined();
  });

  it('forgets the counts of a deleted document', async () => {
    const documentId = await publishedArticle();
    await hit({ type: 'article', documentId }, visitorAgent());
    await articles().delete({ documentId, locale: '*' });
    expect(
      await app.db.connection('insights_view_totals').where({ document_id: documentId }).first()
    ).toBeUndefined();
  });
});
