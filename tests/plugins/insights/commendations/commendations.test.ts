import type { Core } from '@strapi/strapi';

import { bootStrapi, databaseQuiet, http } from '../../../helpers/strapi';

let app: Core.Strapi;
const ids: Record<string, string> = {};
const unique = () => Math.random().toString(36).slice(2, 8);

type UnitData = {
  level: 'province' | 'district' | 'commune' | 'branch';
  parent?: string;
  successor?: string;
  validTo?: string;
};
const unit = async (key: string, data: UnitData) => {
  ids[key] = (
    await app
      .documents('api::organization.organization')
      .create({ locale: 'vi', data: { name: `${key} ${unique()}`, kind: 'womens_union', ...data } })
  ).documentId;
};
const award = async (key: string, data: Record<string, unknown>) => {
  ids[key] = (
    await app.documents('api::award.award').create({
      locale: 'vi',
      status: 'published',
      data: {
        title: `${key} ${unique()}`,
        form: 'certificate_of_commendation',
        awardStatus: 'active',
        countedCollectives: 0,
        countedIndividuals: 0,
        ...data,
      },
    })
  ).documentId;
};
const commendations = (unitKey: string, query = '') =>
  http(app).get(`/api/insights/units/${ids[unitKey]}/commendations${query}`);
const listed = (res: { body: { data: { documentId: string }[] } }) =>
  res.body.data.map((entry) => entry.documentId);

bootStrapi(async (booted) => {
  app = booted.app;
  await unit('province', { level: 'province' });
  await unit('district', { level: 'district', parent: ids.province });
  await unit('commune', { level: 'commune', parent: ids.district });
  await unit('merged', { level: 'commune', validTo: '2025-06-30', successor: ids.commune });
  ids.person = (
    await app.documents('api::official.official').create({
      locale: 'vi',
      data: {
        fullName: `Phạm Thị Hương ${unique()}`,
        positions: [
          {
            title: 'Chủ tịch Hội LHPN xã',
            organization: ids.commune,
            startDate: '2020-01-01',
            endDate: '2022-12-31',
          },
          {
            title: 'Phó Chủ tịch Hội LHPN huyện',
            organization: ids.district,
            startDate: '2023-01-01',
          },
        ],
      },
    })
  ).documentId;
  await award('toPersonIn2021', {
    decisionDate: '2021-05-01',
    issuer: ids.province,
    recipients: [{ kind: 'individual', official: ids.person }],
  });
  await award('toPersonIn2024', {
    decisionDate: '2024-05-01',
    form: 'certificate_of_merit',
    recipients: [{ kind: 'individual', official: ids.person }],
  });
  await award('toCommune', {
    decisionDate: '2022-03-08',
    recipients: [{ kind: 'collective', organization: ids.commune }],
  });
  await award('toMerged', {
    decisionDate: '2019-10-20',
    recipients: [{ kind: 'collective', organization: ids.merged }],
  });
  await award('revoked', {
    decisionDate: '2022-01-01',
    awardStatus: 'revoked',
    recipients: [{ kind: 'collective', organization: ids.commune }],
  });
});

describe('seed', () => {
  it('lists the seeded awards under their issuers', async () => {
    for (const [slug, form] of [
      ['hoi-lhpn-huyen-krong-ana', 'certificate_of_commendation'],
      ['hoi-lhpn-tinh-bac-ninh', 'certificate_of_merit'],
    ]) {
      const issuer = await app.db
        .query('api::organization.organization')
        .findOne({ where: { slug, locale: 'vi' } });
      const res = await http(app).get(`/api/insights/units/${issuer.documentId}/commendations`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([expect.objectContaining({ form, relations: ['issued'] })]);
    }
  });
});

describe('relating commendations to units', () => {
  it("relates a person's award to the unit they served in on the decision date", async () => {
    const commune = await commendations('commune');
    expect(listed(commune)).toEqual(expect.arrayContaining([ids.toPersonIn2021, ids.toCommune]));
    expect(listed(commune)).not.toContain(ids.toPersonIn2024);
    const entry = commune.body.data.find(
      (e: { documentId: string }) => e.documentId === ids.toPersonIn2021
    );
    expect(entry.relations).toEqual(['individual_member']);
    expect(entry.members[0]).toMatchObject({
      official: ids.person,
      position: 'Chủ tịch Hội LHPN xã',
    });
    expect(listed(await commendations('district'))).toEqual([ids.toPersonIn2024]);
  });

  it('takes in the sub-tree with include=descendants, and issued awards', async () => {
    const province = await commendations('province', '?include=descendants');
    expect(new Set(listed(province))).toEqual(
      new Set([ids.toPersonIn2021, ids.toPersonIn2024, ids.toCommune])
    );
    expect(
      province.body.data
        .find((e: { documentId: string }) => e.documentId === ids.toPersonIn2021)
        .relations.sort()
    ).toEqual(['individual_member', 'issued']);
    expect(province.body.meta.totals.byForm).toEqual({
      certificate_of_commendation: 2,
      certificate_of_merit: 1,
    });
    expect(province.body.meta.totals.byYear).toEqual({ 2021: 1, 2022: 1, 2024: 1 });
  });

  it("keeps a merged unit's history with include=predecessors", async () => {
    expect(listed(await commendations('commune'))).not.toContain(ids.toMerged);
    expect(listed(await commendations('commune', '?include=predecessors'))).toContain(ids.toMerged);
  });

  it('leaves revoked awards out unless asked, and marks them', async () => {
    expect(listed(await commendations('commune'))).not.toContain(ids.revoked);
    const all = await commendations('commune', '?status=all');
    expect(
      all.body.data.find((e: { documentId: string }) => e.documentId === ids.revoked)
    ).toMatchObject({ revoked: true, awardStatus: 'revoked' });
    expect(listed(await commendations('commune', '?status=revoked'))).toEqual([ids.revoked]);
  });

  it('filters by years and form', async () => {
    expect(
      listed(await commendations('province', '?include=descendants&from=2022&to=2022'))
    ).toEqual([ids.toCommune]);
    expect(
      listed(await commendations('province', '?include=descendants&form=certificate_of_merit'))
    ).toEqual([ids.toPersonIn2024]);
  });

  it('costs the same number of queries for a bigger tree', async () => {
    const queriesFor = async (key: string) => {
      await databaseQuiet(app);
      let n = 0;
      const listen = () => (n += 1);
      app.db.connection.on('query', listen);
      await commendations(key, '?include=descendants');
      app.db.connection.off('query', listen);
      return n;
    };
    const small = await queriesFor('district');
    for (let i = 0; i < 5; i += 1)
      await unit(`extra${i}`, { level: 'branch', parent: ids.district });
    expect(await queriesFor('district')).toBe(small);
  });
});

describe('bad input', () => {
  it.each([
    ['?from=20x4', 400, /from must be a year/],
    ['?from=2024&to=2020', 400, /from must not be after to/],
    ['?form=huy_hieu', 400, /form must be one of/],
    ['?include=children', 400, /include must be one of/],
    ['?status=gone', 400, /status must be one of/],
    ['?colour=red', 400, /Unknown query field/],
    ['?locale=xx', 400, /Unknown locale/],
  ])('%s', async (query, status, message) => {
    const res = await commendations('commune', query);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers an unknown unit with 404', async () => {
    expect(
      (await http(app).get('/api/insights/units/doesnotexist000000000000/commendations')).status
    ).toBe(404);
  });
});

describe('summary', () => {
  it("counts received by form, issued, and the views of the unit's articles", async () => {
    const article = (
      await app.documents('api::article.article').create({
        locale: 'vi',
        status: 'published',
        data: { title: `Tin xã ${unique()}`, organization: ids.commune },
      })
    ).documentId;
    for (let i = 0; i < 2; i += 1) {
      await http(app)
        .post('/api/insights/views')
        .set('User-Agent', `Mozilla/5.0 Firefox/125 summary/${i}`)
        .send({ type: 'article', documentId: article });
    }
    const res = await http(app).get(
      `/api/insights/units/${ids.province}/summary?include=descendants`
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      received: { total: 3, byForm: { certificate_of_commendation: 2, certificate_of_merit: 1 } },
      issued: { total: 1, byForm: { certificate_of_commendation: 1 } },
      views: { total: 2, last30Days: 2 },
    });
    expect((await http(app).get(`/api/insights/units/${ids.province}/summary?from=x`)).status).toBe(
      400
    );
  });
});

describe('GraphQL', () => {
  it("serves commendations and insightsSummary on Organization, and a person's record on Official", async () => {
    const res = await http(app)
      .post('/graphql')
      .send({
        query: `query($unit: ID!, $person: ID!) {
          organization(documentId: $unit) {
            commendations(include: ["descendants"], from: 2021) { documentId relations members { position } }
            insightsSummary(include: ["descendants"]) { receivedTotal issuedTotal receivedByForm }
          }
          official(documentId: $person) { commendations { documentId position unit { documentId } } }
        }`,
        variables: { unit: ids.province, person: ids.person },
      });
    expect(res.body.errors).toBeUndefined();
    const { organization, official } = res.body.data;
    expect(
      new Set(organization.commendations.map((c: { documentId: string }) => c.documentId))
    ).toEqual(new Set([ids.toPersonIn2021, ids.toPersonIn2024, ids.toCommune]));
    expect(organization.insightsSummary).toMatchObject({ receivedTotal: 3, issuedTotal: 1 });
    const record = new Map(
      official.commendations.map(
        (c: { documentId: string; position: string; unit: { documentId: string } }) => [
          c.documentId,
          c,
        ]
      )
    );
    expect(record.get(ids.toPersonIn2021)).toMatchObject({
      position: 'Chủ tịch Hội LHPN xã',
      unit: { documentId: ids.commune },
    });
    expect(record.get(ids.toPersonIn2024)).toMatchObject({
      position: 'Phó Chủ tịch Hội LHPN huyện',
      unit: { documentId: ids.district },
    });
  });

  it('answers bad input with an error', async () => {
    const res = await http(app)
      .post('/graphql')
      .send({
        query:
          'query($unit: ID!) { organization(documentId: $unit) { commendations(form: "huy_hieu") { documentId } } }',
        variables: { unit: ids.province },
      });
    expect(res.body.errors[0].message).toMatch(/form must be one of/);
  });
});
