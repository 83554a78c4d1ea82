import type { Core } from '@strapi/strapi';

import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

const put = (path: string, data: Record<string, unknown>) =>
  http(app).put(path).set('Authorization', token).send({ data });
const documentIdBySlug = async (
  uid: 'api::organization.organization' | 'api::meeting.meeting',
  slug: string
) => String((await app.db.query(uid).findOne({ where: { slug, locale: 'vi' } })).documentId);

const SEEDED_ARTICLE_SLUGS = [
  'hoi-lhpn-thanh-pho-tu-son-trien-khai-nhiem-vu-cong-tac-hoi-nam-2024',
  'hoi-va-phong-trao-6-thang-dau-nam-phuong-huong-nhiem-vu-6-thang-cuoi-nam-2023',
];

describe('locales', () => {
  it('vi is the default and en exists after bootstrap', async () => {
    const locales = app.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('vi');
    expect((await locales.find()).map((l: { code: string }) => l.code).sort()).toEqual([
      'en',
      'vi',
    ]);
  });

  it('answers without a locale in the default locale', async () => {
    const res = await http(app).get('/api/organizations?filters[slug][$eq]=hoi-lhpn-viet-nam');
    expect(res.body.data[0]).toMatchObject({ locale: 'vi', name: 'Hội Liên hiệp Phụ nữ Việt Nam' });
  });
});

describe('en is separate from vi', () => {
  it('changing the en name leaves the vi name alone', async () => {
    const documentId = await documentIdBySlug(
      'api::organization.organization',
      'ngan-hang-chinh-sach-xa-hoi'
    );
    const res = await put(`/api/organizations/${documentId}?locale=en`, {
      name: 'Vietnam Bank for Social Policies (VBSP)',
    });
    expect(res.status).toBe(200);
    const vi = await http(app).get(`/api/organizations/${documentId}?locale=vi`);
    expect(vi.body.data.name).toBe('Ngân hàng Chính sách xã hội');
  });
});

describe('shared fields are shared', () => {
  it('numbers, booleans and dates written in vi show in en', async () => {
    const documentId = await documentIdBySlug(
      'api::meeting.meeting',
      'hoi-nghi-bch-hoi-lhpn-thanh-pho-tu-son-lan-thu-vii-khoa-xviii'
    );
    const res = await put(`/api/meetings/${documentId}?locale=vi`, {
      termStartYear: 2021,
      termEndYear: 2026,
    });
    expect(res.status).toBe(200);
    const en = await http(app).get(`/api/meetings/${documentId}?locale=en`);
    expect(en.body.data).toMatchObject({
      termStartYear: 2021,
      termEndYear: 2026,
      sessionNumber: 7,
    });
  });

  it('enums written in en show in vi', async () => {
    const documentId = await documentIdBySlug(
      'api::organization.organization',
      'ubnd-thanh-pho-tu-son'
    );
    await put(`/api/organizations/${documentId}?locale=en`, { level: 'commune' });
    const vi = await http(app).get(`/api/organizations/${documentId}?locale=vi`);
    expect(vi.body.data.level).toBe('commune');
    await put(`/api/organizations/${documentId}?locale=vi`, { level: 'district' });
  });

  it('relations written in one locale are written to the others', async () => {
    const unit = await documentIdBySlug('api::organization.organization', 'huyen-uy-krong-ana');
    const parent = await http(app)
      .post('/api/organizations?locale=vi')
      .set('Authorization', token)
      .send({ data: { name: 'Tỉnh ủy Đắk Lắk', kind: 'party_committee', level: 'province' } });
    const parentId = parent.body.data.documentId;
    await put(`/api/organizations/${parentId}?locale=en`, {
      name: 'Đắk Lắk Provincial Party Committee',
    });
    expect((await put(`/api/organizations/${unit}?locale=vi`, { parent: parentId })).status).toBe(
      200
    );
    const en = await http(app).get(
      `/api/organizations/${unit}?locale=en&populate[parent][fields][0]=name`
    );
    expect(en.body.data.parent).toMatchObject({
      documentId: parentId,
      name: 'Đắk Lắk Provincial Party Committee',
    });
  });

  it('a new locale starts with the relations the document has', async () => {
    const created = await http(app)
      .post('/api/meetings?locale=vi&status=draft')
      .set('Authorization', token)
      .send({
        data: {
          title: 'Hội nghị giao ban quý III',
          kind: 'other',
          organizer: await documentIdBySlug(
            'api::organization.organization',
            'hoi-lhpn-tinh-dak-lak'
          ),
        },
      });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const en = await http(app)
      .put(`/api/meetings/${documentId}?locale=en&status=draft`)
      .set('Authorization', token)
      .send({ data: { title: 'Quarterly briefing' } });
    expect(en.status).toBe(200);
    const read = await http(app)
      .get(`/api/meetings/${documentId}?locale=en&status=draft&populate[organizer][fields][0]=slug`)
      .set('Authorization', token);
    expect(read.body.data.organizer.slug).toBe('dak-lak-provincial-womens-union');
  });

  it('seeded published entries stay published, not "Modified", after their en version was written', async () => {
    const rows = await app.db.query('api::article.article').findMany({
      where: { locale: 'vi', slug: { $in: SEEDED_ARTICLE_SLUGS } },
      select: ['documentId', 'publishedAt', 'updatedAt'],
    });
    const drafts = rows.filter((row) => row.publishedAt === null);
    const published = rows.filter((row) => row.publishedAt !== null);
    expect(drafts).toHaveLength(SEEDED_ARTICLE_SLUGS.length);
    expect(published).toHaveLength(SEEDED_ARTICLE_SLUGS.length);
    for (const draft of drafts) {
      const version = published.find((row) => row.documentId === draft.documentId);
      expect(new Date(draft.updatedAt).getTime()).toBeLessThanOrEqual(
        new Date(version?.updatedAt).getTime()
      );
    }
  });
});
