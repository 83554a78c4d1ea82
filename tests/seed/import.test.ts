import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

import { importSeed, readSeedContent } from '../../src/seed';
import type { SeedContent } from '../../src/seed/content';
import { bootStrapi, graphql, http } from '../helpers/strapi';

let app: Core.Strapi;
let content: SeedContent;
bootStrapi((booted) => {
  app = booted.app;
  content = readSeedContent(app.dirs.app.root);
});

const TU_SON = 'hoi-lhpn-thanh-pho-tu-son-trien-khai-nhiem-vu-cong-tac-hoi-nam-2024';
const KRONG_ANA = 'hoi-va-phong-trao-6-thang-dau-nam-phuong-huong-nhiem-vu-6-thang-cuoi-nam-2023';

const getOne = async (plural: string, slug: string, query = '', locale = 'vi') => {
  const res = await http(app).get(
    `/api/${plural}?locale=${locale}&filters[slug][$eq]=${slug}${query}`
  );
  expect({ status: res.status, error: res.body.error }).toEqual({ status: 200, error: undefined });
  expect(res.body.data).toHaveLength(1);
  return res.body.data[0];
};

const bodyText = (blocks: { children: { text: string }[] }[]) =>
  blocks.map((block) => block.children.map((c) => c.text).join(''));

describe('data file against the portal text', () => {
  const source = (name: string) =>
    fs.readFileSync(
      path.join(__dirname, '..', '..', 'database', 'seeds', 'sources', `${name}.txt`),
      'utf8'
    );

  it('keeps every paragraph, caption, title and byline of the sources verbatim', () => {
    const sources = [source('tu-son-2024-01-19'), source('krong-ana-2023-06-26')];
    content.articles.forEach((article, index) => {
      const normalize = (text: string) => text.replace(/\u00a0/g, ' ').trim();
      const lines = sources[index].split('\n').map(normalize);
      expect(lines).toContain(article.vi.title);
      [...article.vi.body, ...article.vi.gallery].forEach((text) =>
        expect(lines).toContain(normalize(text))
      );
      if (article.vi.author) expect(lines).toContain(article.vi.author);
    });
    expect(sources[0]).toContain(`Số lượt xem: ${content.articles[0].legacyViews}`);
    expect(content.articles[0].legacyViews).toBe(19);
  });
});

describe('seeded articles', () => {
  it('serves the Từ Sơn article in vi with its publish time in Vietnam time, body, captions and relations', async () => {
    const article = await getOne(
      'articles',
      TU_SON,
      '&populate[gallery][populate]=image&populate[organization][fields][0]=slug&populate[meetings][fields][0]=slug&populate[officials][fields][0]=slug&populate[awards][fields][0]=slug'
    );
    expect(article.title).toBe(
      'Hội LHPN thành phố Từ Sơn triển khai nhiệm vụ công tác Hội năm 2024'
    );
    expect(new Date(article.publishedDate).toISOString()).toBe(
      new Date('2024-01-19T15:37:00+07:00').toISOString()
    );
    expect(bodyText(article.body)[0]).toMatch(/^Chiều ngày 18\/01\/2024, Ban chấp hành/);
    expect(bodyText(article.body)).toHaveLength(4);
    expect(article.gallery.map((figure: { caption: string }) => figure.caption)).toEqual([
      'Toàn cảnh hội nghị triển khai nhiệm vụ công tác năm 2024',
      'Đ/c Nguyễn Phương Mai tặng bằng khen cho các tập thể, cá nhân',
    ]);
    expect(article.organization.slug).toBe('hoi-lhpn-thanh-pho-tu-son');
    expect(article.meetings.map((m: { slug: string }) => m.slug)).toEqual([
      'hoi-nghi-bch-hoi-lhpn-thanh-pho-tu-son-lan-thu-vii-khoa-xviii',
    ]);
    expect(article.officials.map((o: { slug: string }) => o.slug).sort()).toEqual([
      'do-tuan-son',
      'nguyen-phuong-mai',
    ]);
    expect(article.awards).toHaveLength(1);
  });

  it('serves the Krông Ana article with its byline and the date shown as "Cập nhật lúc"', async () => {
    const article = await getOne('articles', KRONG_ANA, '&populate[gallery][populate]=image');
    expect(article.author).toBe("H'Yi Êban");
    expect(new Date(article.publishedDate).toISOString()).toBe('2023-06-25T17:00:00.000Z');
    expect(article.gallery).toHaveLength(2);
    expect(bodyText(article.body).at(-1)).toMatch(/tặng Giấy khen cho 2 tập thể và 2 cá nhân/);
  });

  it('has en translations of titles and summaries sharing the same documents', async () => {
    const vi = await getOne('articles', TU_SON);
    const res = await http(app).get(`/api/articles/${vi.documentId}?locale=en`);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe("Từ Sơn City Women's Union launches its 2024 tasks");
    expect(res.body.data.summary).toMatch(/^On the afternoon of 18 January 2024/);
    expect(res.body.data.publishedDate).toBe(vi.publishedDate);
    expect(res.body.data.slug).toBe('tu-son-city-womens-union-launches-its-2024-tasks');
  });
});

describe('seeded meetings', () => {
  it('records the Từ Sơn BCH session VII of khóa XVIII on 18/01/2024 with the two officials directing it', async () => {
    const meeting = await getOne(
      'meetings',
      'hoi-nghi-bch-hoi-lhpn-thanh-pho-tu-son-lan-thu-vii-khoa-xviii',
      '&populate[organizer][fields][0]=slug&populate[attendees][populate][official][fields][0]=fullName'
    );
    expect(meeting).toMatchObject({
      kind: 'executive_committee',
      extended: false,
      sessionNumber: 7,
      termNumber: 18,
      startDate: '2024-01-18',
    });
    expect(meeting.organizer.slug).toBe('hoi-lhpn-thanh-pho-tu-son');
    expect(
      meeting.attendees.map(
        (a: { official: { fullName: string }; role: string; positionText: string }) => [
          a.official.fullName,
          a.role,
          a.positionText,
        ]
      )
    ).toEqual([
      ['Nguyễn Phương Mai', 'directs', 'Tỉnh ủy viên, Chủ tịch Hội LHPN tỉnh'],
      ['Đỗ Tuấn Sơn', 'directs', 'Phó Bí thư thường trực Thành ủy'],
    ]);
  });

  it('records the Krông Ana extended BCH session 8 of khóa XI, nhiệm kỳ 2021–2026, on 21/06/2023', async () => {
    const meeting = await getOne(
      'meetings',
      'hoi-nghi-bch-mo-rong-hoi-lhpn-huyen-krong-ana-lan-thu-8-khoa-xi',
      '&populate[organizer][fields][0]=slug&populate[attendees][populate][official][fields][0]=fullName'
    );
    expect(meeting).toMatchObject({
      kind: 'executive_committee',
      extended: true,
      sessionNumber: 8,
      termNumber: 11,
      termStartYear: 2021,
      termEndYear: 2026,
      startDate: '2023-06-21',
    });
    expect(meeting.organizer.slug).toBe('hoi-lhpn-huyen-krong-ana');
    expect(meeting.attendees[0].official.fullName).toBe('Y Nem Buôn Krông');
  });
});

describe('seeded units and officials', () => {
  it('builds the union tree from the central union down to the district units', async () => {
    const tuSon = await getOne(
      'organizations',
      'hoi-lhpn-thanh-pho-tu-son',
      '&populate[parent][populate][parent][fields][0]=slug'
    );
    expect(tuSon).toMatchObject({ kind: 'womens_union', level: 'district', validTo: '2025-06-30' });
    expect(tuSon.parent.slug).toBe('hoi-lhpn-tinh-bac-ninh');
    expect(tuSon.parent.parent.slug).toBe('hoi-lhpn-viet-nam');
    const krongAna = await getOne('organizations', 'hoi-lhpn-huyen-krong-ana');
    expect(krongAna.phone).toBe('02623.637.106');
  });

  it('names the party committees of the texts', async () => {
    for (const slug of ['tinh-uy-bac-ninh', 'thanh-uy-tu-son', 'huyen-uy-krong-ana']) {
      expect((await getOne('organizations', slug)).kind).toBe('party_committee');
    }
  });

  it('gives the three officials their positions in their units', async () => {
    const mai = await getOne(
      'officials',
      'nguyen-phuong-mai',
      '&populate[positions][populate][organization][fields][0]=slug'
    );
    expect(
      mai.positions.map((p: { title: string; organization: { slug: string } }) => [
        p.title,
        p.organization.slug,
      ])
    ).toEqual([
      ['Tỉnh ủy viên', 'tinh-uy-bac-ninh'],
      ['Chủ tịch Hội LHPN tỉnh', 'hoi-lhpn-tinh-bac-ninh'],
    ]);
    expect(
      (await getOne('officials', 'do-tuan-son', '&populate=positions')).positions[0].title
    ).toBe('Phó Bí thư Thường trực Thành ủy');
    expect(
      (await getOne('officials', 'y-nem-buon-krong', '&populate=positions')).positions[0].title
    ).toBe('Phó Bí thư Thường trực Huyện ủy');
  });
});

describe('seeded awards', () => {
  const populate =
    '&populate[issuer][fields][0]=slug&populate[presenter][fields][0]=slug&populate[presentedAt][fields][0]=slug';

  it('records the Bằng khen of the provincial union presented by Nguyễn Phương Mai at the Từ Sơn meeting', async () => {
    const award = await getOne(
      'awards',
      'bang-khen-hoi-lhpn-tinh-bac-ninh-tai-hoi-nghi-bch-tu-son-2024',
      populate
    );
    expect(award.form).toBe('certificate_of_merit');
    expect(award.issuer.slug).toBe('hoi-lhpn-tinh-bac-ninh');
    expect(award.presenter.slug).toBe('nguyen-phuong-mai');
    expect(award.presentedAt.slug).toBe(
      'hoi-nghi-bch-hoi-lhpn-thanh-pho-tu-son-lan-thu-vii-khoa-xviii'
    );
    expect(award.awardStatus).toBe('active');
  });

  it('records the Krông Ana Giấy khen to 2 collectives and 2 individuals for the 2018–2023 movement', async () => {
    const award = await getOne(
      'awards',
      'giay-khen-hoi-lhpn-huyen-krong-ana-phong-trao-bao-ve-moi-truong-2018-2023',
      populate
    );
    expect(award).toMatchObject({
      form: 'certificate_of_commendation',
      periodStart: 2018,
      periodEnd: 2023,
      countedCollectives: 2,
      countedIndividuals: 2,
      collectiveCount: 2,
      individualCount: 2,
    });
    expect(award.issuer.slug).toBe('hoi-lhpn-huyen-krong-ana');
    expect(award.presentedAt.slug).toBe(
      'hoi-nghi-bch-mo-rong-hoi-lhpn-huyen-krong-ana-lan-thu-8-khoa-xi'
    );
  });
});

describe('awards under their meetings', () => {
  it.each([
    ['hoi-nghi-bch-hoi-lhpn-thanh-pho-tu-son-lan-thu-vii-khoa-xviii', 'certificate_of_merit'],
    [
      'hoi-nghi-bch-mo-rong-hoi-lhpn-huyen-krong-ana-lan-thu-8-khoa-xi',
      'certificate_of_commendation',
    ],
  ])('%s', async (meeting, form) => {
    const res = await http(app).get(
      `/api/awards?filters[presentedAt][slug][$eq]=${meeting}&fields[0]=form`
    );
    expect(res.body.data.map((award: { form: string }) => award.form)).toEqual([form]);
  });
});

describe('GraphQL', () => {
  it('serves the same content with relations', async () => {
    const res = await graphql(
      app,
      `
        query ($slug: String!) {
          articles(filters: { slug: { eq: $slug } }) {
            title
            publishedDate
            author
            organization {
              name
            }
            meetings {
              sessionNumber
              termNumber
              organizer {
                slug
              }
            }
            awards {
              form
              collectiveCount
              individualCount
              issuer {
                slug
              }
            }
          }
        }
      `,
      { slug: KRONG_ANA }
    );
    expect(res.body.errors).toBeUndefined();
    const [article] = res.body.data.articles;
    expect(article.organization.name).toBe('Hội Liên hiệp Phụ nữ huyện Krông Ana');
    expect(article.meetings[0]).toMatchObject({
      sessionNumber: 8,
      termNumber: 11,
      organizer: { slug: 'hoi-lhpn-huyen-krong-ana' },
    });
    expect(article.awards[0]).toMatchObject({
      form: 'certificate_of_commendation',
      collectiveCount: 2,
      individualCount: 2,
    });
  });
});

describe('re-running the import', () => {
  it('changes nothing', async () => {
    const uids = [
      'api::organization.organization',
      'api::official.official',
      'api::meeting.meeting',
      'api::award.award',
      'api::article.article',
    ] as const;
    const snapshot = async () =>
      Promise.all(
        uids.map((uid) =>
          app.db.query(uid).findMany({
            select: ['documentId', 'locale', 'updatedAt', 'publishedAt'],
            orderBy: { id: 'asc' },
          })
        )
      );
    const before = await snapshot();
    const lines: string[] = [];
    const keys = await importSeed(app, (line) => lines.push(line));
    expect(await snapshot()).toEqual(before);
    expect(keys.size).toBe(
      content.organizations.length +
        content.officials.length +
        content.meetings.length +
        content.awards.length +
        content.articles.length
    );
    expect(lines.every((line) => line.endsWith('(exists)'))).toBe(true);
  });
});
