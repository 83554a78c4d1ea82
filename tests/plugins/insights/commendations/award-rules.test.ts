import type { Core } from '@strapi/strapi';

import { adminSession } from '../../../helpers/admin';
import { bootStrapi, http } from '../../../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

const unique = () => Math.random().toString(36).slice(2, 8);
const documentIdBySlug = async (
  uid: 'api::organization.organization' | 'api::official.official',
  slug: string
) => String((await app.db.query(uid).findOne({ where: { slug, locale: 'vi' } })).documentId);
const award = (data: Record<string, unknown>) =>
  app.documents('api::award.award').create({
    locale: 'vi',
    data: {
      title: `Khen thưởng ${unique()}`,
      form: 'certificate_of_commendation',
      awardStatus: 'active',
      countedCollectives: 0,
      countedIndividuals: 0,
      ...data,
    },
  });
const newUnit = async (level: 'province' | 'district' | 'commune' = 'commune') =>
  (
    await app
      .documents('api::organization.organization')
      .create({ locale: 'vi', data: { name: `Đơn vị ${unique()}`, kind: 'womens_union', level } })
  ).documentId;

describe('deleting what an award names', () => {
  it('refuses the seeded issuers and presenter, naming the awards, over REST', async () => {
    const issuer = await documentIdBySlug(
      'api::organization.organization',
      'hoi-lhpn-huyen-krong-ana'
    );
    const res = await http(app).delete(`/api/organizations/${issuer}`).set('Authorization', token);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /1 khen thưởng đang nêu mục này: "Giấy khen của Hội LHPN huyện Krông Ana/
    );
    expect(res.body.error.details.awards).toHaveLength(1);
    const presenter = await documentIdBySlug('api::official.official', 'nguyen-phuong-mai');
    expect(
      (await http(app).delete(`/api/officials/${presenter}`).set('Authorization', token)).status
    ).toBe(400);
    expect(
      await app.db.query('api::official.official').count({ where: { documentId: presenter } })
    ).toBe(2);
  });

  it('refuses a collective recipient over GraphQL and an individual one from a script', async () => {
    const unit = await newUnit();
    const person = (
      await app
        .documents('api::official.official')
        .create({ locale: 'vi', data: { fullName: `Lê Thị Mai ${unique()}` } })
    ).documentId;
    await award({
      recipients: [
        { kind: 'collective', organization: unit },
        { kind: 'individual', official: person },
      ],
    });
    const gql = await http(app)
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query: 'mutation($id: ID!) { deleteOrganization(documentId: $id) { documentId } }',
        variables: { id: unit },
      });
    expect(gql.body.errors[0].message).toMatch(/Không xóa được: 1 khen thưởng đang nêu mục này/);
    await expect(
      app.documents('api::official.official').delete({ documentId: person, locale: '*' })
    ).rejects.toThrow(/Không xóa được/);
    expect(
      await app.db.query('api::organization.organization').count({ where: { documentId: unit } })
    ).toBe(1);
  });

  it('refuses it in the admin panel too', async () => {
    const unit = await newUnit();
    await award({ issuer: unit, countedCollectives: 1 });
    const session = await adminSession(app);
    const res = await http(app)
      .delete(`/content-manager/collection-types/api::organization.organization/${unit}?locale=vi`)
      .set('Authorization', session);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Không xóa được/);
  });

  it('allows deleting a unit no award names', async () => {
    const unit = await newUnit();
    expect(
      (await http(app).delete(`/api/organizations/${unit}`).set('Authorization', token)).status
    ).toBe(204);
  });
});

describe('issuer warnings', () => {
  it('leaves the seeded awards without warnings', async () => {
    const awards = await app.db
      .query('api::award.award')
      .findMany({ where: { locale: 'vi' }, select: ['slug', 'issuerWarning'] });
    const seeded = awards.filter((a) =>
      [
        'bang-khen-hoi-lhpn-tinh-bac-ninh-tai-hoi-nghi-bch-tu-son-2024',
        'giay-khen-hoi-lhpn-huyen-krong-ana-phong-trao-bao-ve-moi-truong-2018-2023',
      ].includes(a.slug)
    );
    expect(seeded).toHaveLength(4);
    expect(seeded.every((a) => a.issuerWarning === null)).toBe(true);
  });

  it('warns on a Bằng khen from a district unit and on any Huân chương, without refusing', async () => {
    const district = await newUnit('district');
    const merit = await award({
      form: 'certificate_of_merit',
      issuer: district,
      countedIndividuals: 1,
    });
    expect(merit.issuerWarning).toMatch(/Bằng khen thường không do .* khen tặng/);
    const order = await award({
      form: 'order',
      issuer: await newUnit('province'),
      countedIndividuals: 1,
    });
    expect(order.issuerWarning).toMatch(/Huân chương/);
  });

  it('clears the warning when the form is changed to one the issuer gives', async () => {
    const district = await newUnit('district');
    const merit = await award({
      form: 'certificate_of_merit',
      issuer: district,
      countedIndividuals: 1,
    });
    const res = await http(app)
      .put(`/api/awards/${merit.documentId}?status=draft`)
      .set('Authorization', token)
      .send({ data: { form: 'certificate_of_commendation' } });
    expect(res.status).toBe(200);
    expect(res.body.data.issuerWarning).toBeNull();
  });
});

describe('a new locale of an award', () => {
  it('starts with its recipients: the same units and people, a person without an en version as a typed name', async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const units = app.documents('api::organization.organization');
    const { documentId: unit } = await units.create({
      locale: 'vi',
      data: { name: `Chi hội ${suffix}`, kind: 'womens_union', level: 'branch' },
    });
    await units.update({ documentId: unit, locale: 'en', data: { name: `Branch ${suffix}` } });
    const { documentId: person } = await app.documents('api::official.official').create({
      locale: 'vi',
      data: { fullName: `Lê Thị Hoa ${suffix}` },
    });
    const { documentId } = await app.documents('api::award.award').create({
      locale: 'vi',
      status: 'published',
      data: {
        title: `Giấy khen ${suffix}`,
        form: 'certificate_of_commendation',
        awardStatus: 'active',
        countedCollectives: 0,
        countedIndividuals: 0,
        recipients: [
          { kind: 'collective', organization: unit },
          { kind: 'individual', official: person, positionText: 'Chi hội trưởng' },
          { kind: 'individual', name: 'Nguyễn Thị Lan' },
        ],
      },
    });
    await app.documents('api::award.award').update({
      documentId,
      locale: 'en',
      status: 'published',
      data: { title: `Certificate of commendation ${suffix}` },
    });
    const en = await app.documents('api::award.award').findOne({
      documentId,
      locale: 'en',
      status: 'published',
      populate: { recipients: { populate: { organization: true, official: true } } },
    });
    expect(en).toMatchObject({ collectiveCount: 1, individualCount: 2 });
    expect(en?.recipients).toEqual([
      expect.objectContaining({
        kind: 'collective',
        organization: expect.objectContaining({ name: `Branch ${suffix}` }),
      }),
      expect.objectContaining({
        kind: 'individual',
        official: null,
        name: `Lê Thị Hoa ${suffix}`,
        positionText: 'Chi hội trưởng',
      }),
      expect.objectContaining({ kind: 'individual', official: null, name: 'Nguyễn Thị Lan' }),
    ]);
  });
});
