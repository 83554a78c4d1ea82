import type { Core, UID } from '@strapi/strapi';

import { changedTables, snapshotDatabase, stopBackgroundWriters } from '../helpers/db-snapshot';
import { bootStrapi, graphql, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi(async (booted) => {
  ({ app, token } = booted);
  stopBackgroundWriters(app);
  // The first request with a token stamps its lastUsedAt; done here so it is not taken for a write below.
  await http(app).get('/api/articles').set('Authorization', token);
});

const ARTICLE = 'api::article.article';
const unique = () => Math.random().toString(36).slice(2, 8);
type Response = { status: number; body: { error?: { message?: string } } };

/** Runs a write that must be refused with a 400 naming `message`, and checks that no table of the database changed. */
const expectRefused = async (send: () => Promise<Response>, message: RegExp) => {
  const before = await snapshotDatabase(app);
  const res = await send();
  expect({ status: res.status, message: res.body.error?.message }).toEqual({
    status: 400,
    message: expect.stringMatching(message),
  });
  expect(changedTables(before, await snapshotDatabase(app))).toEqual([]);
};

/** Same for a Document Service call (scripts, the admin panel): it must throw a ValidationError. */
const expectServiceRefused = async (call: () => Promise<unknown>, message: RegExp) => {
  const before = await snapshotDatabase(app);
  await expect(call()).rejects.toMatchObject({
    name: 'ValidationError',
    message: expect.stringMatching(message),
  });
  expect(changedTables(before, await snapshotDatabase(app))).toEqual([]);
};

const send = (method: 'post' | 'put', path: string, data: unknown) =>
  http(app)[method](path).set('Authorization', token).send({ data });

/** A unit that exists in vi only, and a published vi article related to it. */
const articleAndViOnlyUnit = async () => {
  const unit = await send('post', '/api/organizations', {
    name: `Chi hội ${unique()}`,
    kind: 'womens_union',
    level: 'branch',
  });
  expect(unit.status).toBe(201);
  const article = await send('post', '/api/articles?status=published', {
    title: `Tin ${unique()}`,
    organization: unit.body.data.documentId,
  });
  expect(article.status).toBe(201);
  return {
    documentId: String(article.body.data.documentId),
    unit: String(unit.body.data.documentId),
  };
};
const articleOfViOnlyUnit = async () => (await articleAndViOnlyUnit()).documentId;

describe('a refused write changes nothing', () => {
  // The unit it inherits without one waits (tests/rules/translation-relations.test.ts); one it names is refused.
  it('over REST: an en version of an article naming a unit that has no en version', async () => {
    const { documentId, unit } = await articleAndViOnlyUnit();
    await expectRefused(
      () =>
        send('put', `/api/articles/${documentId}?locale=en&status=published`, {
          title: 'News',
          organization: unit,
        }),
      /locale "en" not found/
    );
    expect(await app.db.query(ARTICLE).count({ where: { documentId, locale: 'en' } })).toBe(0);
  });

  it('through the Document Service', async () => {
    const { documentId, unit } = await articleAndViOnlyUnit();
    await expectServiceRefused(
      () =>
        app.documents(ARTICLE).update({
          documentId,
          locale: 'en',
          status: 'published',
          data: { title: 'News', organization: unit },
        }),
      /locale "en" not found/
    );
    expect(await app.db.query(ARTICLE).count({ where: { documentId, locale: 'en' } })).toBe(0);
  });

  it('a write that is accepted still commits', async () => {
    const documentId = await articleOfViOnlyUnit();
    const res = await send('put', `/api/articles/${documentId}?locale=vi&status=published`, {
      summary: 'Tóm tắt',
    });
    expect(res.status).toBe(200);
    expect(await app.db.query(ARTICLE).count({ where: { documentId, summary: 'Tóm tắt' } })).toBe(
      2
    );
  });
});

describe('deleting a draft alone', () => {
  it('is a 400 over REST and through the Document Service, and deletes nothing', async () => {
    const documentId = await articleOfViOnlyUnit();
    await expectRefused(
      () =>
        http(app).delete(`/api/articles/${documentId}?status=draft`).set('Authorization', token),
      /A draft cannot be deleted on its own/
    );
    await expectServiceRefused(
      () => app.documents(ARTICLE).delete({ documentId, status: 'draft' }),
      /A draft cannot be deleted on its own/
    );
  });
});

describe('blank required text', () => {
  it.each([
    ['an article title', '/api/articles', { title: '   ' }, /title/],
    ['an empty article title', '/api/articles?status=draft', { title: '' }, /title/],
    [
      'a unit name',
      '/api/organizations',
      { name: '\t\n ', kind: 'other', level: 'commune' },
      /name/,
    ],
    ['an official full name', '/api/officials', { fullName: ' ' }, /fullName/],
    ['a meeting title', '/api/meetings', { title: '\u00a0\u3000', kind: 'other' }, /title/],
    [
      'an award title',
      '/api/awards',
      { title: '  ', form: 'medal', countedIndividuals: 1 },
      /title/,
    ],
    [
      'a position title',
      '/api/officials',
      { fullName: `Lê Thị Thu ${unique()}`, positions: [{ title: '  ' }] },
      /positions\.0\.title/,
    ],
  ])('refuses %s that is blank', async (_, path, data, message) => {
    await expectRefused(() => send('post', path, data), message);
  });

  it('refuses blanking a stored title over GraphQL', async () => {
    const documentId = await articleOfViOnlyUnit();
    const before = await snapshotDatabase(app);
    const res = await http(app)
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query:
          'mutation($id: ID!) { updateArticle(documentId: $id, data: { title: "  " }) { title } }',
        variables: { id: documentId },
      });
    expect(res.body.errors[0].message).toMatch(/title/);
    expect(changedTables(before, await snapshotDatabase(app))).toEqual([]);
  });
});

describe('article bodies are Strapi blocks', () => {
  const paragraph = (text: unknown) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  const nestedList = (depth: number): unknown =>
    depth === 0
      ? { type: 'list-item', children: [{ type: 'text', text: 'x' }] }
      : { type: 'list', format: 'ordered', children: [nestedList(depth - 1)] };

  it.each([
    ['a string', 'Nội dung'],
    ['an object', { type: 'paragraph', children: [] }],
    ['a null block', [null]],
    ['a number block', [1]],
    ['an unknown block type', [{ type: 'table', children: [] }]],
    ['a text node without text', [{ type: 'paragraph', children: [{ type: 'text' }] }]],
    ['a text node with a number', [paragraph(5)]],
    ['a block without children', [{ type: 'paragraph' }]],
    [
      'a __proto__ key',
      JSON.parse(
        '[{"type":"paragraph","children":[{"type":"text","text":"x"}],"__proto__":{"polluted":1}}]'
      ),
    ],
    ['lists nested too deep', [{ type: 'list', format: 'ordered', children: [nestedList(40)] }]],
  ])('refuses %s', async (_, body) => {
    // Strapi's own input check refuses a __proto__ key before the rule sees it, with its own message.
    await expectRefused(
      () => send('post', '/api/articles', { title: `Tin ${unique()}`, body }),
      /body|prototype/
    );
  });

  it('accepts real blocks', async () => {
    const body = [
      paragraph('Đoạn một'),
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Tiêu đề', bold: true }] },
      { type: 'list', format: 'unordered', children: [nestedList(2)] },
      {
        type: 'paragraph',
        children: [
          {
            type: 'link',
            url: 'https://hoilhpn.org.vn',
            children: [{ type: 'text', text: 'Hội' }],
          },
        ],
      },
    ];
    const res = await send('post', '/api/articles', { title: `Tin ${unique()}`, body });
    expect(res.status).toBe(201);
    expect(res.body.data.body).toEqual(body);
  });

  it('refuses a non-block body through the Document Service', async () => {
    // A text node where a block belongs: typed as plain data, as a script reading JSON would send it.
    const create = (uid: UID.ContentType, data: Record<string, unknown>) =>
      app.documents(uid).create({ data });
    await expectServiceRefused(
      () => create(ARTICLE, { title: `Tin ${unique()}`, body: [{ type: 'text', text: 'x' }] }),
      /body/
    );
  });
});

describe('NUL characters', () => {
  it.each([
    ['a title', { title: 'Tin\u0000 mới' }, /title/],
    [
      'a body text',
      {
        title: `Tin ${unique()}`,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'a\u0000b' }] }],
      },
      /body/,
    ],
  ])('are refused in %s (PostgreSQL cannot store them)', async (_, data, message) => {
    await expectRefused(() => send('post', '/api/articles', data), message);
  });
});

describe('numbers are numbers', () => {
  it.each([
    ' 2030',
    '2030 ',
    '1e3',
    '0x10',
    '',
    '+5',
    '007',
    '12.0',
    'NaN',
    'Infinity',
    '２０３０',
  ])('refuses termStartYear %j', async (value) => {
    await expectRefused(
      () =>
        send('post', '/api/meetings', {
          title: `Đại hội ${unique()}`,
          kind: 'congress',
          termStartYear: value,
          termEndYear: 2025,
        }),
      /termStartYear/
    );
  });

  it.each([[2.5], [true], [[2030]], [{ value: 2030 }], [3_000_000_000], [-3_000_000_000]])(
    'refuses sessionNumber %j',
    async (value) => {
      await expectRefused(
        () =>
          send('post', '/api/meetings', {
            title: `Hội nghị ${unique()}`,
            kind: 'other',
            sessionNumber: value,
          }),
        /sessionNumber/
      );
    }
  );

  it('reads a canonical integer string as its number, so the date-order rule compares numbers', async () => {
    await expectRefused(
      () =>
        send('post', '/api/meetings', {
          title: `Đại hội ${unique()}`,
          kind: 'congress',
          termStartYear: '2030',
          termEndYear: 2025,
        }),
      /không được trước ngày\/năm bắt đầu \(termStartYear ≤ termEndYear\)/
    );
    const res = await send('post', '/api/meetings', {
      title: `Đại hội ${unique()}`,
      kind: 'congress',
      termStartYear: '2021',
      termEndYear: '2026',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ termStartYear: 2021, termEndYear: 2026 });
  });

  it('refuses a padded year over GraphQL', async () => {
    const res = await http(app).post('/graphql').set('Authorization', token).send({
      query:
        'mutation { createAward(data: { title: "Giấy khen", form: medal, countedIndividuals: 1, periodStart: 2031, periodEnd: 2020 }) { title } }',
    });
    expect(res.body.errors[0].message).toMatch(/periodStart/);
    const anon = await graphql(
      app,
      '{ awards(filters: { title: { eq: "Giấy khen" } }) { title } }'
    );
    expect(anon.body.data.awards).toEqual([]);
  });
});
