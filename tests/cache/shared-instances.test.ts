import type { Core } from '@strapi/strapi';
import { Redis } from 'ioredis';
import request from 'supertest';

import { freePort, startInstance, type Instance } from '../helpers/instance';
import { bootStrapi } from '../helpers/strapi';
import { browserAgent } from '../helpers/views';

// A Redis database of its own (1–15), emptied first, so other runs on this machine do not meet its keys.
const REDIS_URL = `redis://127.0.0.1:6379/${1 + (process.pid % 15)}`;

let app: Core.Strapi;
let token: string;
let redis: Redis;
const instances: Instance[] = [];
bootStrapi(
  async (booted) => {
    ({ app, token } = booted);
  },
  async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis.quit();
  }
);
// Two more processes of the app on the same database, sharing Redis (slow to start on a loaded machine).
beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  await redis.flushdb();
  const env = { REDIS_URL, INSIGHTS_RATE_LIMIT_MAX_HITS: '3' };
  const ports = [await freePort(), await freePort()];
  instances.push(...(await Promise.all(ports.map((port) => startInstance(port, env)))));
}, 180_000);

const suffix = () => Math.random().toString(36).slice(2, 8);
const [first, second] = [() => request(instances[0].url), () => request(instances[1].url)];

describe('two instances sharing Redis', () => {
  it('serve one cached answer, and a write through one purges it for both', async () => {
    const unit = await app.documents('api::organization.organization').create({
      locale: 'vi',
      data: { name: `Hội LHPN xã Chung ${suffix()}`, kind: 'womens_union', level: 'commune' },
    });
    const path = `/api/organizations/${unit.documentId}?fields[0]=name`;
    expect((await first().get(path)).headers['x-cache']).toBe('MISS');
    const fromSecond = await second().get(path);
    expect(fromSecond.headers['x-cache']).toBe('HIT');
    expect(fromSecond.body.data.name).toBe(unit.name);

    const renamed = `Hội LHPN xã Đổi Tên ${suffix()}`;
    const update = await second()
      .put(`/api/organizations/${unit.documentId}`)
      .set('Authorization', token)
      .send({ data: { name: renamed } });
    expect(update.status).toBe(200);
    const afterWrite = await first().get(path);
    expect(afterWrite.headers['x-cache']).toBe('MISS');
    expect(afterWrite.body.data.name).toBe(renamed);
  });

  it("share the view limits: a visitor's fourth hit is refused whichever instance gets it", async () => {
    const article = await app.documents('api::article.article').create({
      locale: 'vi',
      data: { title: `Tin chung ${suffix()}` },
      status: 'published',
    });
    const userAgent = browserAgent('shared-limit');
    const hit = (client: typeof first) =>
      client()
        .post('/api/insights/views')
        .set('User-Agent', userAgent)
        .send({ type: 'article', documentId: article.documentId, locale: 'vi' });
    const statuses = [
      (await hit(first)).status,
      (await hit(second)).status,
      (await hit(first)).status,
    ];
    expect(statuses).toEqual([200, 200, 200]);
    const fourth = await hit(second);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
  });
});
