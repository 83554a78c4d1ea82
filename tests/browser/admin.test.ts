import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';

import { adminSession } from '../helpers/admin';
import { openBrowser, screenshot, serveBuiltApp } from '../helpers/browser';
import { http } from '../helpers/strapi';

/**
 * The admin panel in Debian's Chromium: log in, the homepage widget, the Insights page and the views column of
 * the article list. Needs the built admin panel (`npm run build`); screenshots go to tests/artifacts/.
 */
const TU_SON = 'Hội LHPN thành phố Từ Sơn triển khai nhiệm vụ công tác Hội năm 2024';

let app: Core.Strapi;
let browser: Browser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  ({ app, baseUrl } = await serveBuiltApp());
  await adminSession(app);

  const [article] = (
    await http(app).get(`/api/articles?filters[title][$eq]=${encodeURIComponent(TU_SON)}`)
  ).body.data;
  for (let i = 0; i < 3; i += 1) {
    await http(app)
      .post('/api/insights/views')
      .set('User-Agent', `Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0 e2e/${i}`)
      .send({ type: 'article', documentId: article.documentId });
  }

  const person = await app.db
    .query('api::official.official')
    .findOne({ where: { slug: 'do-tuan-son', locale: 'vi' } });
  await app.documents('api::award.award').create({
    locale: 'vi',
    status: 'published',
    data: {
      title: 'Giấy khen cá nhân (kiểm thử trình duyệt)',
      form: 'certificate_of_commendation',
      awardStatus: 'active',
      countedCollectives: 0,
      countedIndividuals: 0,
      decisionDate: '2024-02-01',
      recipients: [{ kind: 'individual', official: person.documentId }],
    },
  });

  ({ browser, page } = await openBrowser({ width: 2200, height: 1000 }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

const shot = (name: string) => screenshot(page, name);

describe('admin panel in Chromium', () => {
  it('logs in and shows the "most viewed this week" widget on the homepage', async () => {
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill('editor@test.local');
    await page.locator('input[name="password"]').fill('Editor-pass-123');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/?$/);
    await page
      .getByText(/Most viewed this week|Xem nhiều trong tuần/)
      .first()
      .waitFor();
    await page.getByText(TU_SON).first().waitFor();
    await shot('homepage-widget');
  });

  it('opens the Insights page with the chart and the most-viewed table', async () => {
    await page.goto(`${baseUrl}/admin/plugins/insights`);
    await page.getByText(TU_SON).first().waitFor();
    const bars = page.locator('[data-testid="insights-daily-chart"] rect');
    await bars.first().waitFor({ state: 'attached' });
    expect(await bars.count()).toBe(30);
    expect(Number(await bars.last().getAttribute('height'))).toBeGreaterThan(0);
    await shot('insights-page');
  });

  it('fills the views column of the article list with one request for the page', async () => {
    const countRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/insights/views/counts')) countRequests.push(request.url());
    });
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&plugins[i18n][locale]=vi`
    );
    const skipTour = page.getByRole('button', { name: /^(Skip|Bỏ qua)$/ });
    if (await skipTour.isVisible().catch(() => false)) await skipTour.click();
    const row = page.locator('tr', { hasText: TU_SON });
    await row.locator('[data-testid="insights-views-cell"]').filter({ hasText: /^\d+$/ }).waitFor();
    expect(
      Number(await row.locator('[data-testid="insights-views-cell"]').innerText())
    ).toBeGreaterThanOrEqual(22);
    expect(countRequests).toHaveLength(1);
    await shot('article-list-views-column');
  });

  it("lists a unit's commendations in its edit view, with a sub-units toggle", async () => {
    const unit = await app.db
      .query('api::organization.organization')
      .findOne({ where: { slug: 'hoi-lhpn-huyen-krong-ana', locale: 'vi' } });
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::organization.organization/${unit.documentId}?plugins[i18n][locale]=vi`
    );
    await page
      .getByTestId('insights-commendation')
      .filter({ hasText: 'Giấy khen của Hội LHPN huyện Krông Ana' })
      .first()
      .waitFor();
    await page.getByText(/Include sub-units|Gồm cả đơn vị trực thuộc/).click();
    await page.getByTestId('insights-commendation').first().waitFor();
    await shot('organization-commendations-panel');
  });

  it("lists a person's commendations in the official edit view", async () => {
    const person = await app.db
      .query('api::official.official')
      .findOne({ where: { slug: 'do-tuan-son', locale: 'vi' } });
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/api::official.official/${person.documentId}?plugins[i18n][locale]=vi`
    );
    await page
      .getByTestId('insights-commendation')
      .filter({ hasText: 'Giấy khen cá nhân (kiểm thử trình duyệt)' })
      .waitFor();
    await shot('official-commendations-panel');
  });
});
