import type { AddressInfo } from 'node:net';

import { renderPortal } from '../../examples/portal';
import { escapeHtml } from '../../examples/portal/pages';
import type { Core } from '@strapi/strapi';

import { bootStrapi, http } from '../helpers/strapi';

/**
 * The example client (examples/portal: @strapi/client with the generated types, and a GraphQL client) renders
 * the portal's pages from the seed content over real HTTP; each answer is checked against the OpenAPI document
 * on the way, so a drift fails here too.
 */

// The first boot of a run seeds the database: slow on a shared machine.
jest.setTimeout(300_000);

const TU_SON_ARTICLE = 'Hội LHPN thành phố Từ Sơn triển khai nhiệm vụ công tác Hội năm 2024';
const TU_SON_SLUG = 'hoi-lhpn-thanh-pho-tu-son-trien-khai-nhiem-vu-cong-tac-hoi-nam-2024';
const BAC_NINH_AWARD =
  'Bằng khen của Hội LHPN tỉnh Bắc Ninh tặng các tập thể, cá nhân tại Hội nghị BCH Hội LHPN thành phố Từ Sơn lần thứ VII, khóa XVIII';

let portal: ReturnType<typeof renderPortal>;
let app: Core.Strapi;

bootStrapi(async (booted) => {
  app = booted.app;
  const server = app.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  portal = renderPortal(`http://127.0.0.1:${address.port}`);
});

const viewsIn = (html: string) => Number(/Số lượt xem: (\d+)/.exec(html)?.[1]);

/** Each text appears in the page, in this order. */
const expectInOrder = (html: string, texts: string[]) => {
  const at = texts.map((text) => html.indexOf(text));
  expect(at.every((index) => index >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
};

// Other test files of the run publish articles too: the home page is checked against what the API says is newest.
it('home page: the latest articles, newest first, with unit, date and views, and the most viewed', async () => {
  const html = await portal.home();
  const latest = await http(app).get(
    '/api/articles?sort=publishedDate:desc&fields[0]=title&fields[1]=slug&pagination[pageSize]=5'
  );
  const articles: { title: string; slug: string; viewCount: number }[] = latest.body.data;
  expect(articles.length).toBeGreaterThan(0);
  expectInOrder(
    html,
    articles.map(
      (article) => `<a href="/tin-tuc/${escapeHtml(article.slug)}">${escapeHtml(article.title)}</a>`
    )
  );
  expect(html).toContain(`Số lượt xem: ${articles[0].viewCount}</small>`);
  const top = await http(app).get('/api/insights/views/top?type=article&period=all&limit=5');
  const ranked: { title: string; views: number }[] = top.body.data;
  expect(ranked.length).toBeGreaterThan(0);
  expectInOrder(html, [
    'Đọc nhiều nhất</h2>',
    ...ranked.map((entry) => `${escapeHtml(entry.title)} <small>${entry.views} lượt xem</small>`),
  ]);
});

it('article page: title, date, views, unit, photo captions and the meeting it reports', async () => {
  const html = await portal.article(TU_SON_SLUG);
  expect(html).toContain(`<h1>${TU_SON_ARTICLE}</h1>`);
  expect(html).toContain('19/1/2024 Số lượt xem:');
  expect(viewsIn(html)).toBeGreaterThanOrEqual(19);
  expect(html).toContain('<p>Hội Liên hiệp Phụ nữ thành phố Từ Sơn</p>');
  expect(html).toContain(
    '<figcaption>Toàn cảnh hội nghị triển khai nhiệm vụ công tác năm 2024</figcaption>'
  );
  expect(html).toMatch(/<h2>Hội nghị<\/h2><ul><li>[^<]*Từ Sơn/);
});

it('unit page (GraphQL and REST): name, parent, totals and the commendations it issued', async () => {
  const html = await portal.unit('hoi-lhpn-tinh-bac-ninh');
  expect(html).toContain(
    '<h1>Hội Liên hiệp Phụ nữ tỉnh Bắc Ninh</h1><p>Hội Liên hiệp Phụ nữ Việt Nam</p>'
  );
  expect(html).toMatch(/Khen tặng: [1-9]\d* /);
  expect(html).toContain(`${BAC_NINH_AWARD} <small>2024 · khen tặng</small>`);
});

it('a page that does not exist says so', async () => {
  expect(await portal.article('khong-co-bai-nay')).toContain('Không tìm thấy bài viết');
});
