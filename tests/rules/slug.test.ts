import type { Core } from '@strapi/strapi';

import { toSlug } from '../../src/rules/slug';
import { adminSession } from '../helpers/admin';
import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
bootStrapi((booted) => ({ app, token } = booted));

const unique = () => Math.random().toString(36).slice(2, 8);

describe('toSlug', () => {
  it.each([
    ['Từ Sơn', 'tu-son'],
    ['Hội LHPN huyện Đắk Lắk', 'hoi-lhpn-huyen-dak-lak'],
    ["H'Yi Êban", 'hyi-eban'],
    ['Hội nghị BCH lần thứ VII, khóa XVIII', 'hoi-nghi-bch-lan-thu-vii-khoa-xviii'],
    ['  “Gia đình 5 có, 3 sạch”  ', 'gia-dinh-5-co-3-sach'],
  ])('%s → %s', (title, slug) => expect(toSlug(title)).toBe(slug));
});

describe('slugs over REST', () => {
  const create = (data: Record<string, unknown>, locale = 'vi') =>
    http(app)
      .post(`/api/organizations?locale=${locale}`)
      .set('Authorization', token)
      .send({ data });

  it('generates a slug from the name, and -2, -3 on collisions within the locale', async () => {
    const name = `Chi hội Đồng Nguyên ${unique()}`;
    const slugs = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await create({ name, kind: 'womens_union', level: 'branch' });
      expect(res.status).toBe(201);
      slugs.push(res.body.data.slug);
    }
    expect(slugs).toEqual([toSlug(name), `${toSlug(name)}-2`, `${toSlug(name)}-3`]);
  });

  it('keeps a slug the editor sets, and refuses one another entry of the locale uses', async () => {
    const slug = `tu-chon-${unique()}`;
    const first = await create({ name: 'Tên bất kỳ', slug, kind: 'other', level: 'commune' });
    expect(first.status).toBe(201);
    expect(first.body.data.slug).toBe(slug);
    const clash = await create({ name: 'Tên khác', slug, kind: 'other', level: 'commune' });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toMatch(/đã được một mục khác dùng/);
  });

  it('treats locales separately: the same slug may exist in vi and en', async () => {
    const name = `Women's Branch ${unique()}`;
    const vi = await create({ name, kind: 'womens_union', level: 'branch' }, 'vi');
    const en = await http(app)
      .put(`/api/organizations/${vi.body.data.documentId}?locale=en`)
      .set('Authorization', token)
      .send({ data: { name } });
    expect(en.status).toBe(200);
    expect(en.body.data.slug).toBe(vi.body.data.slug);
  });

  it('regenerates an emptied slug on update, and keeps the slug when the title changes', async () => {
    const created = await http(app)
      .post('/api/meetings?status=draft')
      .set('Authorization', token)
      .send({ data: { title: `Hội nghị sơ kết ${unique()}`, kind: 'review' } });
    expect(created.status).toBe(201);
    const { documentId, slug } = created.body.data;
    const renamed = await http(app)
      .put(`/api/meetings/${documentId}?status=draft`)
      .set('Authorization', token)
      .send({ data: { title: 'Hội nghị tổng kết năm' } });
    expect(renamed.body.data.slug).toBe(slug);
    const emptied = await http(app)
      .put(`/api/meetings/${documentId}?status=draft`)
      .set('Authorization', token)
      .send({ data: { slug: '' } });
    expect(emptied.status).toBe(200);
    expect(emptied.body.data.slug).toMatch(/^hoi-nghi-tong-ket-nam(-\d+)?$/);
  });

  it('rejects a slug that is not lowercase-hyphenated', async () => {
    const res = await create({
      name: 'Sai định dạng',
      slug: 'Có Dấu',
      kind: 'other',
      level: 'commune',
    });
    expect(res.status).toBe(400);
  });
});

describe('slugs over GraphQL', () => {
  it('generates the slug for a mutation', async () => {
    const fullName = `Lê Thị Hồng Đào ${unique()}`;
    const res = await http(app)
      .post('/graphql')
      .set('Authorization', token)
      .send({
        query: 'mutation($data: OfficialInput!) { createOfficial(data: $data) { slug } }',
        variables: { data: { fullName } },
      });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createOfficial.slug).toBe(toSlug(fullName));
  });
});

describe('slugs from scripts and the admin panel', () => {
  it('generates the slug for the Document Service', async () => {
    const title = `Giấy khen tổng kết ${unique()}`;
    const award = await app.documents('api::award.award').create({
      locale: 'vi',
      data: {
        title,
        form: 'certificate_of_commendation',
        countedCollectives: 1,
        countedIndividuals: 0,
        awardStatus: 'active',
      },
    });
    expect(award.slug).toBe(toSlug(title));
  });

  it('generates the slug for an entry an editor creates in the admin panel', async () => {
    const session = await adminSession(app);
    const title = `Tin từ trang quản trị ${unique()}`;
    const res = await http(app)
      .post('/content-manager/collection-types/api::article.article?locale=vi')
      .set('Authorization', session)
      .send({ title });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe(toSlug(title));
  });
});
