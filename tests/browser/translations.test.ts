import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';

import { TRANSLATOR_ROLE } from '../../src/bootstrap/translator-role';
import { openBrowser, screenshot, serveBuiltApp } from '../helpers/browser';
import { http } from '../helpers/strapi';

/**
 * A translator ("Biên dịch viên") in Chromium: finds an outdated English article on the Translations page, opens
 * it, reads the changed Vietnamese paragraph, updates the English text and sees the translation become current.
 */
const email = 'translator-browser@test.local';
const password = 'Translator-pass-123';
const tag = Math.random().toString(36).slice(2, 8);
const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  children: [{ type: 'text' as const, text }],
});

let app: Core.Strapi;
let browser: Browser;
let page: Page;
let baseUrl: string;
let documentId: string;

beforeAll(async () => {
  ({ app, baseUrl } = await serveBuiltApp());

  const role = await app.service('admin::role').findOne({ code: TRANSLATOR_ROLE.code });
  if (!(await app.db.query('admin::user').findOne({ where: { email } })))
    await app.service('admin::user').create({
      email,
      firstname: 'Biên',
      lastname: 'Dịch',
      password,
      isActive: true,
      roles: [role.id],
    });

  const articles = app.documents('api::article.article');
  ({ documentId } = await articles.create({
    locale: 'vi',
    status: 'published',
    data: {
      title: `Hội nghị sơ kết (trình duyệt) ${tag}`,
      body: [paragraph('Hội nghị khai mạc lúc 8 giờ.'), paragraph('Có 120 đại biểu dự.')],
    },
  }));
  await articles.update({
    documentId,
    locale: 'en',
    status: 'published',
    data: {
      title: `Review meeting (browser) ${tag}`,
      body: [paragraph('The meeting opened at 8 am.'), paragraph('120 delegates attended.')],
    },
  });
  // The Vietnamese editor corrects the second paragraph: the English translation is now outdated.
  await articles.update({
    documentId,
    locale: 'vi',
    status: 'published',
    data: {
      body: [paragraph('Hội nghị khai mạc lúc 8 giờ.'), paragraph('Có 150 đại biểu dự.')],
    },
  });

  ({ browser, page } = await openBrowser({ width: 1440, height: 900 }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.destroy();
});

const shot = (name: string) => screenshot(page, name);

describe('a translator in Chromium', () => {
  it('finds the outdated English article on the Translations page', async () => {
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/?$/);
    await page.goto(`${baseUrl}/admin/plugins/translations`);
    const row = page.getByTestId('translation-row').filter({ hasText: tag });
    await row.waitFor();
    await shot('translations-page');
    await row.click();
    await page.waitForURL(new RegExp(`${documentId}`));
  });

  it('sees the changed paragraph, updates the English text, and the translation becomes current', async () => {
    const skipTour = page.getByRole('button', { name: /^(Skip|Bỏ qua)$/ });
    if (await skipTour.isVisible().catch(() => false)) await skipTour.click();
    const state = page.locator('[data-testid="translation-state"][data-locale="en"]');
    await expectAttribute(state, 'outdated');
    const change = page.locator('[data-testid="translation-change"][data-field="body"]');
    await change.getByText('Có 120 đại biểu dự.').waitFor();
    await change.getByText('Có 150 đại biểu dự.').waitFor();
    expect(await change.getByText('Hội nghị khai mạc lúc 8 giờ.').count()).toBe(0);
    await shot('translation-outdated-panel');

    const second = page.locator('[contenteditable="true"]').getByText('120 delegates attended.');
    await second.click();
    await page.keyboard.press('End');
    for (let i = 0; i < '120 delegates attended.'.length; i += 1)
      await page.keyboard.press('Backspace');
    await page.keyboard.type('150 delegates attended.');
    await page.getByRole('button', { name: /^(Save|Lưu)$/ }).click();
    await expectAttribute(state, 'current');
    await shot('translation-current-panel');

    const res = await http(app).get(`/api/articles/${documentId}?locale=en&status=draft`);
    expect(res.status).toBe(403);
    const stored = await app.db.query('api::article.article').findOne({
      where: { documentId, locale: 'en', publishedAt: null },
    });
    expect(JSON.stringify(stored?.body)).toContain('150 delegates attended.');
  });
});

const expectAttribute = async (state: ReturnType<Page['locator']>, value: string) => {
  await state.and(page.locator(`[data-state="${value}"]`)).waitFor();
};
