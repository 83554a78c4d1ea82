import fs from 'node:fs';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import { chromium, type Page } from 'playwright-core';

export const appDir = path.join(__dirname, '..', '..');
export const artifacts = path.join(appDir, 'tests', 'artifacts');

/**
 * Boots the app with its built admin panel (`npm run build`) on a free port, as a browser test needs it, and makes
 * the screenshots folder.
 */
export const serveBuiltApp = async (): Promise<{ app: Core.Strapi; baseUrl: string }> => {
  if (!fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html')))
    throw new Error('No admin build: run `npm run build` first');
  fs.mkdirSync(artifacts, { recursive: true });
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  app.server.mount();
  await new Promise<void>((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
  const address = app.server.httpServer.address();
  return {
    app,
    baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  };
};

/**
 * Debian's Chromium as a Vietnamese reader's browser, with the flags this closed network needs (without
 * --disable-background-networking Chromium keeps trying hosts it cannot reach).
 */
export const openBrowser = async (viewport: { width: number; height: number }) => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport, locale: 'vi-VN' });
  page.setDefaultTimeout(30_000);
  return { browser, page };
};

/** A full-page screenshot in tests/artifacts/. */
export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
