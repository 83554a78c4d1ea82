import type { Core } from '@strapi/strapi';

import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

const AWARD = 'api::award.award';
const unique = () => Math.random().toString(36).slice(2, 8);
const FORGED = { collectiveCount: 999, individualCount: 999, issuerWarning: 'forged warning' };

/** A unit in vi and en (an award's issuer is shared by its locales, so it must exist in each). */
const newUnit = async (level: 'province' | 'district') => {
  const units = app.documents('api::organization.organization');
  const { documentId } = await units.create({
    locale: 'vi',
    data: { name: `Hội LHPN ${unique()}`, kind: 'womens_union', level },
  });
  await units.update({ documentId, locale: 'en', data: { name: `Women's Union ${unique()}` } });
  return documentId;
};

/** A Giấy khen from a province unit (a fitting issuer: no warning), 1 named collective + 2 counted individuals, in vi and en. */
const newAward = async () => {
  const issuer = await newUnit('province');
  const { documentId } = await app.documents(AWARD).create({
    locale: 'vi',
    data: {
      title: `Giấy khen ${unique()}`,
      form: 'certificate_of_commendation',
      awardStatus: 'active',
      issuer,
      countedCollectives: 0,
      countedIndividuals: 2,
      recipients: [{ kind: 'collective', organization: issuer }],
    },
  });
  await app.documents(AWARD).update({
    documentId,
    locale: 'en',
    data: {
      title: `Certificate ${unique()}`,
      recipients: [{ kind: 'individual', name: 'Nguyễn Thị Lan' }],
    },
  });
  return documentId;
};

/** Every stored version of the award: locale, draft or published, and the server-owned fields. */
const versions = async (documentId: string) =>
  (
    await app.db.query(AWARD).findMany({
      where: { documentId },
      select: [
        'locale',
        'publishedAt',
        'collectiveCount',
        'individualCount',
        'issuerWarning',
        'countedCollectives',
        'countedIndividuals',
      ],
      orderBy: [{ locale: 'asc' }, { id: 'asc' }],
    })
  ).map(({ publishedAt, ...row }) => ({ ...row, status: publishedAt ? 'published' : 'draft' }));

const expectHonest = async (
  documentId: string,
  expected: Record<string, { collectiveCount: number; individualCount: number }>
) => {
  const rows = await versions(documentId);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toMatchObject({ ...expected[row.locale], issuerWarning: null });
  }
};

// vi: 1 named collective + 2 counted individuals; en: 1 named individual + 2 counted individuals.
const HONEST = {
  vi: { collectiveCount: 1, individualCount: 2 },
  en: { collectiveCount: 0, individualCount: 3 },
};

describe('server-owned award fields', () => {
  it('are worked out on create over REST, whatever the client sends', async () => {
    const issuer = await newUnit('province');
    const res = await http(app)
      .post('/api/awards')
      .set('Authorization', token)
      .send({
        data: {
          title: `Giấy khen ${unique()}`,
          form: 'certificate_of_commendation',
          issuer,
          countedCollectives: 1,
          countedIndividuals: 0,
          ...FORGED,
        },
      });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      collectiveCount: 1,
      individualCount: 0,
      issuerWarning: null,
    });
    await expectHonest(res.body.data.documentId, {
      vi: { collectiveCount: 1, individualCount: 0 },
    });
  });

  it.each(['vi', 'en'])('cannot be set on update over REST in locale %s', async (locale) => {
    const documentId = await newAward();
    const res = await http(app)
      .put(`/api/awards/${documentId}?locale=${locale}&status=draft`)
      .set('Authorization', token)
      .send({ data: FORGED });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      ...HONEST[locale === 'vi' ? 'vi' : 'en'],
      issuerWarning: null,
    });
    await expectHonest(documentId, HONEST);
  });

  it('cannot be set over GraphQL', async () => {
    const documentId = await newAward();
    const res = await http(app)
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query: `mutation($id: ID!) { updateAward(documentId: $id, status: DRAFT, locale: "en", data: { collectiveCount: 999, individualCount: 999, issuerWarning: "forged" }) { collectiveCount individualCount issuerWarning } }`,
        variables: { id: documentId },
      });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateAward).toEqual({ ...HONEST.en, issuerWarning: null });
    await expectHonest(documentId, HONEST);
  });

  it('cannot be set from app code through the Document Service, nor carried into the published version', async () => {
    const documentId = await newAward();
    await app.documents(AWARD).update({ documentId, locale: 'vi', data: FORGED });
    await app.documents(AWARD).publish({ documentId, locale: '*' });
    await app
      .documents(AWARD)
      .update({ documentId, locale: 'en', data: { ...FORGED, title: `Certificate ${unique()}` } });
    await expectHonest(documentId, HONEST);
    expect((await versions(documentId)).filter((row) => row.status === 'published')).toHaveLength(
      2
    );
  });

  it('keep a real warning when the client sends another', async () => {
    const documentId = await newAward();
    const district = await newUnit('district');
    await app.documents(AWARD).update({
      documentId,
      locale: 'vi',
      data: { form: 'certificate_of_merit', issuer: district },
    });
    await app
      .documents(AWARD)
      .update({ documentId, locale: 'en', data: { issuerWarning: FORGED.issuerWarning } });
    const warnings = (await versions(documentId)).map((row) => row.issuerWarning);
    expect(new Set(warnings).size).toBe(1);
    expect(warnings[0]).toMatch(/Bằng khen thường không do .* khen tặng/);
  });
});

describe('counted recipients, shared by the locales', () => {
  it('changed in one locale, update the totals of every locale, draft and published', async () => {
    const documentId = await newAward();
    await app.documents(AWARD).publish({ documentId, locale: '*' });
    const res = await http(app)
      .put(`/api/awards/${documentId}?locale=en&status=draft`)
      .set('Authorization', token)
      .send({ data: { countedCollectives: 5 } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ collectiveCount: 5, individualCount: 3 });
    const drafts = (await versions(documentId)).filter((row) => row.status === 'draft');
    expect(drafts).toEqual([
      expect.objectContaining({
        locale: 'en',
        countedCollectives: 5,
        collectiveCount: 5,
        individualCount: 3,
      }),
      expect.objectContaining({
        locale: 'vi',
        countedCollectives: 5,
        collectiveCount: 6,
        individualCount: 2,
      }),
    ]);

    // Whether i18n copies the counted numbers into the other published locale on this publish depends on which
    // row it compares with (it differs between SQLite and PostgreSQL); either way each version's totals match them.
    await app.documents(AWARD).publish({ documentId, locale: 'vi' });
    const published = async () =>
      (await versions(documentId)).filter((row) => row.status === 'published');
    const named = { en: { collective: 0, individual: 1 }, vi: { collective: 1, individual: 0 } };
    const expectMatching = async () => {
      const rows = await published();
      expect(rows.map((row) => row.locale)).toEqual(['en', 'vi']);
      for (const row of rows) {
        const own = row.locale === 'en' ? named.en : named.vi;
        expect(row.collectiveCount).toBe(own.collective + row.countedCollectives);
        expect(row.individualCount).toBe(own.individual + row.countedIndividuals);
      }
    };
    await expectMatching();
    expect((await published())[1]).toMatchObject({ countedCollectives: 5, collectiveCount: 6 });
    await app.documents(AWARD).publish({ documentId, locale: 'en' });
    await expectMatching();
    expect((await published())[0]).toMatchObject({
      countedCollectives: 5,
      collectiveCount: 5,
      individualCount: 3,
    });
  });

  it('over GraphQL in the default locale update the other locale too', async () => {
    const documentId = await newAward();
    const res = await http(app)
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query:
          'mutation($id: ID!) { updateAward(documentId: $id, status: DRAFT, data: { countedIndividuals: 10 }) { individualCount } }',
        variables: { id: documentId },
      });
    expect(res.body.data.updateAward).toEqual({ individualCount: 10 });
    const en = (await versions(documentId)).find((row) => row.locale === 'en');
    expect(en).toMatchObject({ countedIndividuals: 10, individualCount: 11, collectiveCount: 0 });
  });
});
