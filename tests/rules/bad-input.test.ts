import type { Core, UID } from '@strapi/strapi';

import { bootStrapi, graphql, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

const unique = () => Math.random().toString(36).slice(2, 8);

/** Runs a write that must be refused with a 400 and a message, and checks no row of `uid` was added or changed. */
const expectRefused = async (
  uid: UID.ContentType,
  send: () => Promise<{ status: number; body: { error?: { message?: string } } }>,
  message: RegExp
) => {
  const before = await app.db.query(uid).findMany({ orderBy: { id: 'asc' } });
  const res = await send();
  expect(res.status).toBe(400);
  expect(res.body.error?.message).toMatch(message);
  expect(await app.db.query(uid).findMany({ orderBy: { id: 'asc' } })).toEqual(before);
};

const post = (path: string, data: Record<string, unknown>) =>
  http(app).post(path).set('Authorization', token).send({ data });
const put = (path: string, data: Record<string, unknown>) =>
  http(app).put(path).set('Authorization', token).send({ data });
const ORG = 'api::organization.organization';

const newUnit = async (name: string, extra: Record<string, unknown> = {}) => {
  const res = await post('/api/organizations', {
    name: `${name} ${unique()}`,
    kind: 'womens_union',
    level: 'commune',
    ...extra,
  });
  expect(res.status).toBe(201);
  return String(res.body.data.documentId);
};

describe('reading', () => {
  it.each([
    ['an unknown locale', '/api/articles?locale=xx', /Unknown locale "xx"/],
    ['an unknown filter field', '/api/articles?filters[nope][$eq]=1', /Invalid key nope/],
    ['an unknown filter operator', '/api/articles?filters[title][$bogus]=1', /Invalid key \$bogus/],
    [
      'a private field in a filter',
      '/api/articles?filters[createdBy][id][$eq]=1',
      /Invalid key createdBy/,
    ],
    ['an unknown populate', '/api/articles?populate=nope', /Invalid key nope/],
    [
      'a page size that is not a number',
      '/api/articles?pagination[pageSize]=lots',
      /pagination\[pageSize\]/,
    ],
    ['a negative page', '/api/articles?pagination[page]=-1', /pagination\[page\]/],
    [
      'a page number of 10 digits',
      '/api/articles?pagination[page]=1000000000',
      /pagination\[page\].*up to 9 digits/,
    ],
    ['an unknown pagination key', '/api/articles?pagination[size]=10', /pagination\[size\]/],
    ['an unknown sort field', '/api/articles?sort=nope:asc', /Invalid key nope/],
    ['an unknown status', '/api/articles?status=archived', /status/],
  ])('%s is a 400 with a message', async (_, path, message) => {
    const res = await http(app).get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('an unknown locale is an error over GraphQL too', async () => {
    const res = await graphql(app, '{ articles(locale: "xx") { title } }');
    expect(res.body.errors[0].message).toMatch(/Unknown locale/);
  });
});

describe('writing', () => {
  it('refuses an unknown locale', async () => {
    await expectRefused(
      'api::article.article',
      () => post('/api/articles?locale=xx', { title: 'Tin thử' }),
      /Unknown locale/
    );
  });

  it('refuses an invalid enum value', async () => {
    await expectRefused(
      ORG,
      () => post('/api/organizations', { name: 'Câu lạc bộ', kind: 'club', level: 'commune' }),
      /kind must be one of/
    );
  });

  it('refuses an unknown field', async () => {
    await expectRefused(
      ORG,
      () =>
        post('/api/organizations', {
          name: 'Đơn vị',
          kind: 'other',
          level: 'commune',
          colour: 'red',
        }),
      /Invalid key colour/
    );
  });

  it('refuses a malformed date', async () => {
    await expectRefused(
      ORG,
      () =>
        post('/api/organizations', {
          name: 'Đơn vị',
          kind: 'other',
          level: 'commune',
          validFrom: '2024-13-45',
        }),
      /expected yyyy-MM-dd/
    );
  });

  it('refuses a unit that ends before it starts', async () => {
    await expectRefused(
      ORG,
      () =>
        post('/api/organizations', {
          name: 'Đơn vị',
          kind: 'other',
          level: 'commune',
          validFrom: '2025-07-01',
          validTo: '2025-06-30',
        }),
      /\(validFrom ≤ validTo\)/
    );
  });

  it('compares a new end date with the stored start date', async () => {
    const unit = await newUnit('Hội LHPN xã', { validFrom: '2025-07-01' });
    await expectRefused(
      ORG,
      () => put(`/api/organizations/${unit}`, { validTo: '2020-01-01' }),
      /\(validFrom ≤ validTo\)/
    );
  });

  it('refuses a term that ends before it starts and a negative session number', async () => {
    await expectRefused(
      'api::meeting.meeting',
      () =>
        post('/api/meetings', {
          title: 'Đại hội',
          kind: 'congress',
          termStartYear: 2030,
          termEndYear: 2025,
        }),
      /termStartYear/
    );
    await expectRefused(
      'api::meeting.meeting',
      () => post('/api/meetings', { title: 'Đại hội', kind: 'congress', sessionNumber: -1 }),
      /sessionNumber/
    );
  });

  it('refuses a position that ends before it starts', async () => {
    await expectRefused(
      'api::official.official',
      () =>
        post('/api/officials', {
          fullName: 'Trần Thị Lan',
          positions: [{ title: 'Chủ tịch', startDate: '2024-05-01', endDate: '2020-01-01' }],
        }),
      /\(startDate ≤ endDate\)/
    );
  });
});

describe('the unit tree', () => {
  it('refuses a unit as its own parent', async () => {
    const unit = await newUnit('Chi hội');
    await expectRefused(
      ORG,
      () => put(`/api/organizations/${unit}`, { parent: unit }),
      /cấp trên của chính nó/
    );
  });

  it('refuses a parent that is a descendant, in any relation input shape', async () => {
    const top = await newUnit('Hội LHPN tỉnh');
    const middle = await newUnit('Hội LHPN xã', { parent: top });
    const bottom = await newUnit('Chi hội', { parent: { connect: [middle] } });
    await expectRefused(
      ORG,
      () => put(`/api/organizations/${top}`, { parent: bottom }),
      /cấp trên của chính nó/
    );
    await expectRefused(
      ORG,
      () => put(`/api/organizations/${top}`, { parent: { connect: [{ documentId: bottom }] } }),
      /cấp trên của chính nó/
    );
    await expectRefused(
      ORG,
      () => put(`/api/organizations/${top}`, { parent: { set: [middle] } }),
      /cấp trên của chính nó/
    );
  });

  it('refuses a successor chain that comes back to the unit', async () => {
    const older = await newUnit('Hội LHPN huyện');
    const newer = await newUnit('Hội LHPN xã mới', { predecessors: [older] });
    await put(`/api/organizations/${older}`, { successors: [newer] });
    await expectRefused(
      ORG,
      () => put(`/api/organizations/${newer}`, { successors: [older] }),
      /kế thừa chính nó/
    );
  });

  it('refuses a cycle made over GraphQL', async () => {
    const top = await newUnit('Hội LHPN tỉnh');
    const child = await newUnit('Hội LHPN xã', { parent: top });
    const res = await http(app)
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query:
          'mutation($id: ID!, $parent: ID) { updateOrganization(documentId: $id, data: { parent: $parent }) { documentId } }',
        variables: { id: top, parent: child },
      });
    expect(res.body.errors[0].message).toMatch(/cấp trên của chính nó/);
    const stored = await app.db
      .query(ORG)
      .findOne({ where: { documentId: top }, populate: ['parent'] });
    expect(stored.parent).toBeNull();
  });
});

describe('award recipients', () => {
  const AWARD = 'api::award.award';
  const award = (extra: Record<string, unknown>) => ({
    title: `Bằng khen ${unique()}`,
    form: 'certificate_of_merit',
    ...extra,
  });

  it('refuses an award with no recipient named or counted', async () => {
    await expectRefused(
      AWARD,
      () => post('/api/awards', award({})),
      /cần ít nhất một người\/đơn vị được khen/
    );
  });

  it('refuses a collective recipient that is a person, and an individual that is both a person and a typed name', async () => {
    const unit = await newUnit('Chi hội');
    const person = (await post('/api/officials', { fullName: `Nguyễn Thị Hoa ${unique()}` })).body
      .data.documentId;
    await expectRefused(
      AWARD,
      () => post('/api/awards', award({ recipients: [{ kind: 'collective', official: person }] })),
      /Tập thể được khen: chọn một đơn vị/
    );
    await expectRefused(
      AWARD,
      () =>
        post(
          '/api/awards',
          award({ recipients: [{ kind: 'individual', official: person, name: 'Hoa' }] })
        ),
      /Cá nhân được khen: chọn một cán bộ hoặc nhập họ tên/
    );
    await expectRefused(
      AWARD,
      () =>
        post(
          '/api/awards',
          award({ recipients: [{ kind: 'individual', organization: unit, name: 'Hoa' }] })
        ),
      /Cá nhân được khen: chọn một cán bộ hoặc nhập họ tên/
    );
  });

  it('adds named and counted recipients into collectiveCount and individualCount', async () => {
    const unit = await newUnit('Chi hội');
    const res = await post(
      '/api/awards',
      award({
        countedCollectives: 2,
        countedIndividuals: 1,
        recipients: [
          { kind: 'collective', organization: unit },
          { kind: 'individual', name: 'Phạm Thị Thu' },
        ],
      })
    );
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ collectiveCount: 3, individualCount: 2 });
    const updated = await put(`/api/awards/${res.body.data.documentId}`, { countedIndividuals: 4 });
    expect(updated.body.data).toMatchObject({ collectiveCount: 3, individualCount: 5 });
  });

  it('overrides counts a client sends', async () => {
    const res = await post(
      '/api/awards',
      award({ countedCollectives: 1, collectiveCount: 99, individualCount: 99 })
    );
    expect(res.body.data).toMatchObject({ collectiveCount: 1, individualCount: 0 });
  });
});
