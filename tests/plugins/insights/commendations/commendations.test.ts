import type { Core } from '@strapi/strapi';

import { adminSession } from '../../../helpers/admin';
import { bootStrapi, graphql, http, sqlDuring } from '../../../helpers/strapi';

let app: Core.Strapi;

/**
 * The tables of the lookups each instance remembers (public permissions, default locale: src/cache/lookups.ts).
 * They are read again by whichever request comes after they expire or after any core-store write, so they belong
 * to no record and are not counted.
 */
const REMEMBERED = /up_permissions|up_roles|i18n_locale|strapi_core_store_settings/;

/** The database queries of a request (but the remembered lookups), and its answer. */
const countQueries = async <T>(request: () => PromiseLike<T>) => {
  const { sql, result } = await sqlDuring(app, request, 300);
  return { n: sql.filter((text) => !REMEMBERED.test(text)).length, res: result };
};

const ids: Record<string, string> = {};
const unique = () => Math.random().toString(36).slice(2, 8);

type UnitData = {
  level: 'province' | 'district' | 'commune' | 'branch';
  parent?: string;
  successors?: string[];
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
type PositionData = {
  title: string;
  organization: string;
  startDate?: string;
  endDate?: string;
  former?: boolean;
};
const official = async (key: string, positions: PositionData[]) => {
  ids[key] = (
    await app
      .documents('api::official.official')
      .create({ locale: 'vi', data: { fullName: `${key} ${unique()}`, positions } })
  ).documentId;
};

type Entry = {
  documentId: string;
  form: string;
  day: string | null;
  year: number | null;
  direction: string;
  relations: string[];
  recipients: { collectives: number; individuals: number };
  positions?: { title: string; unit: { documentId: string } | null }[];
  members: { official: string; position: string }[];
  receivingUnits: { documentId: string; name: string; count: number | null }[];
};
type Body = {
  data: Entry[];
  meta: {
    units: number;
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
    totals: {
      received: { decisions: number; collectives: number; individuals: number };
      issued: { decisions: number; collectives: number; individuals: number };
      byForm: Record<string, number>;
      byYear: Record<string, number>;
      notCommendations: number;
    };
  };
};
const commendations = async (unitKey: string, query = ''): Promise<Body> => {
  const res = await http(app).get(`/api/insights/units/${ids[unitKey]}/commendations${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const listed = (body: Body) => body.data.map((entry) => entry.documentId);
const entry = (body: Body, key: string) => body.data.find((e) => e.documentId === ids[key]);
const ALL = '?include=descendants,predecessors&pageSize=100';

/**
 * The shape of the articles: a province with two districts and their communes; a commune split in the 2025
 * reform into two successors; a person with three positions; a former chairwoman whose end date nobody recorded;
 * awards given to counted recipients, with a year only, a month only, a period, or a meeting's date.
 */
bootStrapi(async (booted) => {
  app = booted.app;
  await unit('province', { level: 'province' });
  await unit('district', { level: 'district', parent: ids.province });
  await unit('district2', { level: 'district', parent: ids.province });
  await unit('commune', { level: 'commune', parent: ids.district });
  await unit('commune2', { level: 'commune', parent: ids.district });
  await unit('newA', { level: 'commune', parent: ids.district });
  await unit('newB', { level: 'commune', parent: ids.district2 });
  await unit('old', {
    level: 'commune',
    parent: ids.district2,
    validTo: '2025-06-30',
    successors: [ids.newA, ids.newB],
  });
  await official('person', [
    {
      title: 'Chủ tịch Hội LHPN xã',
      organization: ids.commune,
      startDate: '2020-01-01',
      endDate: '2022-12-31',
    },
    { title: 'Phó Chủ tịch Hội LHPN huyện', organization: ids.district, startDate: '2023-01-01' },
    { title: 'Ủy viên BCH Hội LHPN tỉnh', organization: ids.province, startDate: '2021-01-01' },
  ]);
  await official('former', [
    {
      title: 'Chủ tịch Hội LHPN xã',
      organization: ids.commune2,
      startDate: '2015-01-01',
      former: true,
    },
  ]);
  ids.meeting = (
    await app.documents('api::meeting.meeting').create({
      locale: 'vi',
      status: 'published',
      data: {
        title: `Sơ kết ${unique()}`,
        kind: 'review',
        extended: false,
        startDate: '2023-06-26',
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
  // "Bằng khen cho 20 tập thể xuất sắc cấp huyện và cơ sở, 3 cá nhân", the article giving only the year.
  await award('counted', {
    form: 'certificate_of_merit',
    year: 2023,
    recipients: [
      { kind: 'collective', count: 20, organization: ids.province },
      { kind: 'individual', count: 3, organization: ids.province },
    ],
  });
  // Given by the province to 5 collectives among the district's sub-units, in March 2022 (day unknown).
  await award('countedInDistrict', {
    issuer: ids.province,
    decisionDate: '2022-03-01',
    decisionDatePrecision: 'month',
    recipients: [{ kind: 'collective', count: 5, organization: ids.district }],
  });
  await award('typedCollective', {
    issuer: ids.district,
    decisionDate: '2022-08-01',
    recipients: [
      { kind: 'collective', name: 'Hợp tác xã Phụ nữ Hòa Bình' },
      { kind: 'collective', organization: ids.commune },
    ],
  });
  await award('toOld', {
    decisionDate: '2019-10-20',
    recipients: [{ kind: 'collective', organization: ids.old }],
  });
  await award('periodOnly', {
    form: 'emulation_flag',
    periodStart: 2018,
    periodEnd: 2023,
    recipients: [{ kind: 'collective', organization: ids.commune2 }],
  });
  await award('atMeeting', {
    presentedAt: ids.meeting,
    recipients: [{ kind: 'collective', organization: ids.commune2 }],
  });
  await award('certificate', {
    form: 'recognition_certificate',
    decisionDate: '2024-03-08',
    recipients: [{ kind: 'collective', organization: ids.commune }],
  });
  await award('toFormer', {
    decisionDate: '2024-10-20',
    recipients: [{ kind: 'individual', official: ids.former }],
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
      expect(res.body.data).toEqual([
        expect.objectContaining({ form, relations: ['issued'], direction: 'issued' }),
      ]);
    }
  });
});

describe('counted recipients', () => {
  it('count in the record of the unit they are placed at, collectives only with its sub-units', async () => {
    const withSubUnits = await commendations('province', ALL);
    expect(entry(withSubUnits, 'counted')).toMatchObject({
      direction: 'received',
      relations: ['counted'],
      recipients: { collectives: 20, individuals: 3 },
    });
    // The 20 collectives are among the province's sub-units, not the province itself.
    expect(entry(await commendations('province'), 'counted')?.recipients).toEqual({
      collectives: 0,
      individuals: 3,
    });
    expect(
      entry(await commendations('district', '?include=descendants'), 'countedInDistrict')
    ).toMatchObject({ direction: 'received', recipients: { collectives: 5, individuals: 0 } });
    // No commune can claim them: the article does not say which.
    expect(listed(await commendations('commune', ALL))).not.toContain(ids.countedInDistrict);
  });

  it("names which of the record's units received an award as a collective, sub-units included", async () => {
    const district = await commendations('district', '?include=descendants&pageSize=100');
    expect(entry(district, 'periodOnly')?.receivingUnits).toEqual([
      { documentId: ids.commune2, name: expect.stringMatching(/^commune2 /), count: null },
    ]);
    expect(entry(district, 'countedInDistrict')?.receivingUnits).toEqual([
      { documentId: ids.district, name: expect.stringMatching(/^district /), count: 5 },
    ]);
    // A typed-in collective is no unit of the record; the named commune is.
    expect(entry(district, 'typedCollective')?.receivingUnits).toEqual([
      expect.objectContaining({ documentId: ids.commune, count: null }),
    ]);
    // Counted collectives are not the district's own without its sub-units: nobody is named.
    expect(entry(await commendations('district'), 'countedInDistrict')).toBeUndefined();
  });

  it('a collective may be a typed name; the award counts it among its recipients', async () => {
    const district = await commendations('district');
    expect(entry(district, 'typedCollective')).toMatchObject({
      direction: 'issued',
      recipients: { collectives: 2, individuals: 0 },
    });
    expect(entry(await commendations('commune'), 'typedCollective')).toMatchObject({
      direction: 'received',
      recipients: { collectives: 1, individuals: 0 },
    });
  });

  it('refuses counted recipients with no unit, and a collective that is both a unit and a name', async () => {
    type Recipient = {
      kind: 'collective' | 'individual';
      count?: number;
      organization?: string;
      name?: string;
    };
    const refused: Recipient[][] = [
      [{ kind: 'collective', count: 4 }],
      [{ kind: 'individual', count: 2, organization: ids.commune, name: 'Chị Lan' }],
      [{ kind: 'collective', organization: ids.commune, name: 'Hợp tác xã' }],
      [{ kind: 'collective', count: 0, organization: ids.commune }],
    ];
    for (const recipients of refused) {
      await expect(
        app.documents('api::award.award').create({
          locale: 'vi',
          data: {
            title: `x ${unique()}`,
            form: 'certificate_of_commendation',
            awardStatus: 'active',
            countedCollectives: 0,
            countedIndividuals: 0,
            recipients,
          },
        })
      ).rejects.toThrow(/recipients\[0\]|count/);
    }
  });
});

describe('every award has a year', () => {
  it('from its own year, its decision date, its meeting, or the end of its period', async () => {
    const province = await commendations('province', ALL);
    expect(
      Object.fromEntries(
        ['counted', 'countedInDistrict', 'atMeeting', 'periodOnly', 'toOld'].map((key) => [
          key,
          entry(province, key)?.year,
        ])
      )
    ).toEqual({
      counted: 2023,
      countedInDistrict: 2022,
      atMeeting: 2023,
      periodOnly: 2023,
      toOld: 2019,
    });
    expect(province.meta.totals.byYear.unknown).toBeUndefined();
    const in2023 = await commendations('province', `${ALL}&from=2023&to=2023`);
    expect(new Set(listed(in2023))).toEqual(new Set([ids.counted, ids.atMeeting, ids.periodOnly]));
  });

  it('keeps the precision of a partial date', async () => {
    const res = await http(app).get(`/api/awards/${ids.countedInDistrict}`);
    expect(res.body.data).toMatchObject({
      decisionDate: '2022-03-01',
      decisionDatePrecision: 'month',
    });
  });
});

describe('units merged and split', () => {
  it("a unit has several successors, and each successor keeps the old unit's history", async () => {
    const stored = await app.documents('api::organization.organization').findOne({
      documentId: ids.old,
      populate: { successors: { fields: ['documentId'] } },
    });
    expect(new Set(stored?.successors?.map((s: { documentId: string }) => s.documentId))).toEqual(
      new Set([ids.newA, ids.newB])
    );
    for (const key of ['newA', 'newB']) {
      expect(listed(await commendations(key))).not.toContain(ids.toOld);
      expect(listed(await commendations(key, '?include=predecessors'))).toContain(ids.toOld);
    }
  });

  it('connecting one more successor keeps the others', async () => {
    await unit('newC', { level: 'commune', parent: ids.district2 });
    await app.documents('api::organization.organization').update({
      documentId: ids.old,
      locale: 'vi',
      data: { successors: { connect: [ids.newC] } },
    });
    const stored = await app.documents('api::organization.organization').findOne({
      documentId: ids.old,
      populate: { successors: { fields: ['documentId'] } },
    });
    expect(stored?.successors).toHaveLength(3);
  });

  it('a record with predecessors and descendants counts each award once', async () => {
    const province = await commendations('province', ALL);
    expect(listed(province).filter((id) => id === ids.toOld)).toHaveLength(1);
    expect(new Set(listed(province)).size).toBe(province.data.length);
    expect(province.meta.pagination.total).toBe(province.data.length);
  });
});

describe('people', () => {
  it("a person's record shows every position held on the award's date", async () => {
    const res = await http(app).get(`/api/insights/officials/${ids.person}/commendations`);
    expect(res.status).toBe(200);
    const record = new Map<string, Entry>(res.body.data.map((e: Entry) => [e.documentId, e]));
    expect(record.get(ids.toPersonIn2024)?.positions?.map((p) => p.title)).toEqual([
      'Phó Chủ tịch Hội LHPN huyện',
      'Ủy viên BCH Hội LHPN tỉnh',
    ]);
    expect(record.get(ids.toPersonIn2021)?.positions?.map((p) => p.title)).toEqual([
      'Chủ tịch Hội LHPN xã',
      'Ủy viên BCH Hội LHPN tỉnh',
    ]);
  });

  it('a former position with no end date places nobody in the unit later', async () => {
    expect(listed(await commendations('commune2', '?pageSize=100'))).not.toContain(ids.toFormer);
    const res = await http(app).get(`/api/insights/officials/${ids.former}/commendations`);
    expect(res.body.data).toEqual([
      expect.objectContaining({ documentId: ids.toFormer, positions: [] }),
    ]);
  });

  it("relates a person's award to the unit they served in then", async () => {
    const commune = await commendations('commune');
    expect(entry(commune, 'toPersonIn2021')).toMatchObject({
      direction: 'received',
      relations: ['individual_member'],
      members: [{ official: ids.person, position: 'Chủ tịch Hội LHPN xã' }],
    });
    expect(listed(commune)).not.toContain(ids.toPersonIn2024);
    expect(listed(await commendations('district'))).toContain(ids.toPersonIn2024);
  });
});

describe('issued and received', () => {
  it('an award given and received inside the record counts once, as issued', async () => {
    const province = await commendations('province', ALL);
    expect(entry(province, 'toPersonIn2021')).toMatchObject({
      direction: 'issued',
      relations: ['issued', 'individual_member'],
      recipients: { collectives: 0, individuals: 1 },
    });
    const { received, issued } = province.meta.totals;
    const directions = province.data.filter((e) => e.form !== 'recognition_certificate');
    expect(received.decisions + issued.decisions).toBe(directions.length);
    expect(issued).toEqual({
      decisions: 3,
      collectives: 5 + 2,
      individuals: 1,
      byForm: { certificate_of_commendation: 3 },
    });
    expect(received).toMatchObject({
      decisions: 5,
      collectives: 20 + 1 + 1 + 1,
      individuals: 3 + 1,
    });
  });

  it('a Giấy chứng nhận is listed but kept out of commendation totals', async () => {
    const commune = await commendations('commune');
    expect(listed(commune)).toContain(ids.certificate);
    expect(commune.meta.totals.byForm.recognition_certificate).toBeUndefined();
    expect(commune.meta.totals.notCommendations).toBe(1);
  });

  it('the summary counts decisions and recipients each way', async () => {
    const res = await http(app).get(`/api/insights/units/${ids.district}/summary`);
    expect(res.status).toBe(200);
    expect(res.body.data.issued).toMatchObject({ total: 1, decisions: 1, collectives: 2 });
    expect(res.body.data.received).toMatchObject({ total: 1, individuals: 1 });
  });
});

describe('paging and sorting', () => {
  it('pages, with totals over the whole record', async () => {
    const all = await commendations('province', ALL);
    const first = await commendations('province', `${ALL.replace('100', '3')}&page=1`);
    const second = await commendations('province', `${ALL.replace('100', '3')}&page=2`);
    expect(first.data).toHaveLength(3);
    expect(first.meta.pagination).toEqual({
      page: 1,
      pageSize: 3,
      pageCount: Math.ceil(all.data.length / 3),
      total: all.data.length,
    });
    expect(first.meta.totals).toEqual(all.meta.totals);
    expect([...listed(first), ...listed(second)]).toEqual(listed(all).slice(0, 6));
  });

  it('sorts by date (undated last) and by form in the order of the law', async () => {
    const byDate = await commendations('province', `${ALL}&sort=date:asc`);
    expect(listed(byDate)[0]).toBe(ids.toOld);
    const days = byDate.data.map((e) => e.day);
    expect(days.filter(Boolean)).toEqual([...days.filter(Boolean)].sort());
    const byForm = await commendations('province', `${ALL}&sort=form:asc`);
    const forms = byForm.data.map((e) => e.form);
    expect(forms.indexOf('emulation_flag')).toBeLessThan(forms.indexOf('certificate_of_merit'));
    expect(forms.indexOf('certificate_of_merit')).toBeLessThan(
      forms.indexOf('certificate_of_commendation')
    );
  });

  it('leaves revoked awards out unless asked', async () => {
    expect(listed(await commendations('commune'))).not.toContain(ids.revoked);
    expect(listed(await commendations('commune', '?status=revoked'))).toEqual([ids.revoked]);
  });

  /** The database queries of one request, and its answer. */
  const queriesFor = async (path: string) => {
    const { n, res } = await countQueries(() => http(app).get(path));
    expect(res.status).toBe(200);
    return { queries: n, total: res.body.meta.pagination.total };
  };

  it('costs the same number of queries for a bigger tree', async () => {
    const path = () => `/api/insights/units/${ids.district2}/commendations?include=descendants`;
    const small = (await queriesFor(path())).queries;
    for (let i = 0; i < 5; i += 1)
      await unit(`extra${i}`, { level: 'branch', parent: ids.district2 });
    expect((await queriesFor(path())).queries).toBe(small);
  });

  it('costs the same number of queries however many awards the record holds', async () => {
    await unit('apart', { level: 'province' });
    await unit('apartDistrict', { level: 'district', parent: ids.apart });
    await official('apartMember', [
      { title: 'Chủ tịch', organization: ids.apartDistrict, startDate: '2020-01-01' },
    ]);
    const addAwards = async (from: number, to: number) => {
      for (let i = from; i < to; i += 1)
        await award(`apart${i}`, {
          decisionDate: `2024-01-${String(10 + i).padStart(2, '0')}`,
          ...(i % 2 === 0 ? { issuer: ids.apart } : {}),
          recipients: [
            { kind: 'collective', organization: ids.apartDistrict },
            { kind: 'collective', count: 2, organization: ids.apart },
            { kind: 'individual', official: ids.apartMember },
          ],
        });
    };
    const paths = () => [
      `/api/insights/units/${ids.apart}/commendations?include=descendants,predecessors&pageSize=2`,
      `/api/insights/units/${ids.apartDistrict}/commendations?sort=form:asc`,
      `/api/insights/officials/${ids.apartMember}/commendations?pageSize=2`,
    ];
    await addAwards(0, 2);
    const measure = async () => {
      const results = [];
      for (const path of paths()) results.push(await queriesFor(path));
      return results;
    };
    const few = await measure();
    await addAwards(2, 12);
    const many = await measure();
    expect(few.map((r) => r.total)).toEqual([2, 2, 2]);
    expect(many.map((r) => r.total)).toEqual([12, 12, 12]);
    expect(many.map((r) => r.queries)).toEqual(few.map((r) => r.queries));
  });
});

describe('bad input', () => {
  it.each([
    ['?from=20x4', /from must be a year/],
    ['?from=2024&to=2020', /from must not be after to/],
    ['?form=huy_hieu', /form must be one of/],
    ['?include=children', /include must be one of/],
    ['?status=gone', /status must be one of/],
    ['?sort=title', /sort must be one of/],
    ['?page=0', /page must be a whole number/],
    ['?pageSize=101', /pageSize must be a whole number from 1 to 100/],
    ['?colour=red', /Unknown query field/],
    ['?locale=xx', /Unknown locale/],
  ])('%s', async (query, message) => {
    const res = await http(app).get(`/api/insights/units/${ids.commune}/commendations${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers an unknown unit or person with 404', async () => {
    for (const path of ['units/doesnotexist000000000000', 'officials/doesnotexist000000000000'])
      expect((await http(app).get(`/api/insights/${path}/commendations`)).status).toBe(404);
  });

  it("refuses a malformed documentId on a unit's and a person's record alike", async () => {
    for (const kind of ['units', 'officials']) {
      const res = await http(app).get(
        `/api/insights/${kind}/'%3B%20DROP%20TABLE%20x%3B--/commendations`
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('documentId is malformed');
    }
  });
});

describe('GraphQL', () => {
  it("serves a person's record as REST does, to the public", async () => {
    const rest = await http(app).get(`/api/insights/officials/${ids.person}/commendations`);
    const res = await graphql(
      app,
      `
        query ($person: ID!) {
          official(documentId: $person) {
            commendations {
              documentId
              year
              direction
              positions {
                title
                unit {
                  documentId
                }
              }
            }
          }
        }
      `,
      { person: ids.person }
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.official.commendations).toEqual(
      rest.body.data.map((e: Entry) => ({
        documentId: e.documentId,
        year: e.year,
        direction: e.direction,
        positions: e.positions?.map((p) => ({
          title: p.title,
          unit: p.unit && { documentId: p.unit.documentId },
        })),
      }))
    );
  });

  it('serves commendations and insightsSummary on Organization', async () => {
    const res = await graphql(
      app,
      `
        query ($unit: ID!) {
          organization(documentId: $unit) {
            commendations(include: ["descendants"], from: 2021, pageSize: 100) {
              documentId
              direction
              recipients {
                collectives
              }
            }
            insightsSummary(include: ["descendants"]) {
              receivedTotal
              receivedCollectives
              issuedTotal
            }
          }
        }
      `,
      { unit: ids.province }
    );
    expect(res.body.errors).toBeUndefined();
    const rest = await commendations('province', '?include=descendants&from=2021&pageSize=100');
    expect(res.body.data.organization.commendations.map((c: Entry) => c.documentId)).toEqual(
      listed(rest)
    );
    const { totals } = (await commendations('province', '?include=descendants')).meta;
    expect(res.body.data.organization.insightsSummary).toEqual({
      receivedTotal: totals.received.decisions,
      receivedCollectives: totals.received.collectives,
      issuedTotal: totals.issued.decisions,
    });
  });

  it('resolves a list of units in the same number of queries whatever its length', async () => {
    // Six districts of the same shape: each with a commune that received an award.
    const districts = [];
    for (let i = 0; i < 6; i += 1) {
      await unit(`listDistrict${i}`, { level: 'district', parent: ids.province });
      await unit(`listCommune${i}`, { level: 'commune', parent: ids[`listDistrict${i}`] });
      await award(`listAward${i}`, {
        decisionDate: '2024-01-01',
        recipients: [{ kind: 'collective', organization: ids[`listCommune${i}`] }],
      });
      districts.push(ids[`listDistrict${i}`]);
    }
    const queriesFor = async (units: string[]) => {
      const { n, res } = await countQueries(() =>
        graphql(
          app,
          `
            query ($ids: [ID]) {
              organizations(filters: { documentId: { in: $ids } }) {
                documentId
                commendations(include: ["descendants"]) {
                  documentId
                }
              }
            }
          `,
          { ids: units }
        )
      );
      expect(res.body.errors).toBeUndefined();
      return { n, data: res.body.data.organizations };
    };
    const two = await queriesFor(districts.slice(0, 2));
    const six = await queriesFor(districts);
    expect(six.data).toHaveLength(6);
    expect(six.n).toBe(two.n);
    // Batched, each unit still gets its own record.
    for (const [i, district] of districts.entries()) {
      const found = six.data.find((o: { documentId: string }) => o.documentId === district);
      expect(found.commendations).toEqual([{ documentId: ids[`listAward${i}`] }]);
    }
  });

  it('answers bad input with an error', async () => {
    const res = await graphql(
      app,
      'query($unit: ID!) { organization(documentId: $unit) { commendations(form: "huy_hieu") { documentId } } }',
      { unit: ids.province }
    );
    expect(res.body.errors[0].message).toMatch(/form must be one of/);
  });
});

describe('the annual emulation report', () => {
  it('is CSV for editors: the unit with its sub-tree, then each sub-unit, by year, form and direction', async () => {
    const admin = await adminSession(app);
    const res = await http(app)
      .get(`/insights/units/${ids.province}/report.csv`)
      .set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Đơn vị","Năm","Hình thức","Chiều","Số quyết định","Tập thể","Cá nhân"');
    const province = lines.filter((line) => line.startsWith('"province '));
    expect(province).toContainEqual(
      expect.stringMatching(/^"province \w+","2023","Bằng khen","Được khen","1","20","3"$/)
    );
    // The first district's own block: the 5 collectives the province gave among its sub-units.
    expect(lines).toContainEqual(
      expect.stringMatching(/^"district \w+","2022","Giấy khen","Được khen","\d+","5","\d+"$/)
    );
    expect(res.text).not.toMatch(/Giấy chứng nhận/);
    expect([401, 403]).toContain(
      (await http(app).get(`/insights/units/${ids.province}/report.csv`)).status
    );
    const json = await http(app)
      .get(`/insights/units/${ids.province}/report`)
      .set('Authorization', admin);
    expect(
      json.body.data.map((block: { unit: { documentId: string } }) => block.unit.documentId)
    ).toEqual(expect.arrayContaining([ids.province, ids.district, ids.district2]));
    expect(json.body.data[0].unit.documentId).toBe(ids.province);
  });
});
