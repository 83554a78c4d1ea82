import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';

import { freePort, startExpectingExit, startInstance, type Instance } from '../helpers/instance';

/**
 * The app as a new user starts it: a .env written from the shipped .env.example by the README's command, nothing
 * else in the environment but a port and a database file of its own (so the user's data is not touched).
 */
const root = path.join(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipped-env-'));
const envFile = path.join(dir, '.env');
const database = path.join(path.relative(root, dir), 'data.db');

let instance: Instance | undefined;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'ensure-env.js'), envFile]);
});
afterAll(async () => {
  await instance?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The Từ Sơn article: its old portal showed "Số lượt xem: 19".
const SEED_ARTICLE_SLUG = 'hoi-lhpn-thanh-pho-tu-son-trien-khai-nhiem-vu-cong-tac-hoi-nam-2024';

describe('the shipped .env.example', () => {
  it('starts the app, which seeds itself and counts a view hit', async () => {
    instance = await startInstance(
      await freePort(),
      { ENV_PATH: envFile, DATABASE_FILENAME: database },
      true
    );
    const list = await request(instance.url).get(
      `/api/articles?filters[slug][$eq]=${SEED_ARTICLE_SLUG}&fields[0]=title`
    );
    expect(list.status).toBe(200);
    const [article] = list.body.data;
    expect(article.viewCount).toBe(19);

    const hit = await request(instance.url)
      .post('/api/insights/views')
      .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0')
      .send({ type: 'article', documentId: article.documentId, locale: 'vi' });
    expect(hit.status).toBe(200);
    expect(hit.body.data).toEqual({ counted: true, views: 20 });
  });
});

describe('a bad value stops the start with a message naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_CLIENT', 'mongodb'],
    ['INSIGHTS_TRUSTED_PROXIES', '10.0.0.1,not-an-address'],
    ['INSIGHTS_DEDUP_WINDOW_MINUTES', 'thirty'],
    ['SEED_ON_EMPTY_DATABASE', 'maybe'],
    ['APP_KEYS', ' , '],
  ])('%s=%s', async (key, value) => {
    const { code, output } = await startExpectingExit({
      ENV_PATH: envFile,
      DATABASE_FILENAME: database,
      [key]: value,
    });
    expect(code).toBe(1);
    expect(output).toContain(`Environment variable ${key}`);
  });
});
