import type { Core } from '@strapi/strapi';
import request from 'supertest';

import { freePort, startInstance, type Instance } from '../../../helpers/instance';
import { bootStrapi, http } from '../../../helpers/strapi';
import { storedViews } from '../../../helpers/views';

let app: Core.Strapi;
const children: Instance[] = [];
bootStrapi(
  (booted) => ({ app } = booted),
  () => Promise.all(children.map((child) => child.stop()))
);

const spawnInstance = async () => {
  const child = await startInstance(await freePort());
  children.push(child);
  return child;
};

// The extra processes start in their own hook: on a loaded machine a start alone can take most of a test's minute.
let other: Instance;
let victim: Instance;
beforeAll(async () => {
  other = await spawnInstance();
  victim = await spawnInstance();
}, 300_000);

const agent = (n: number) => `Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0 instance-test/${n}`;
const publishedArticle = async () =>
  (
    await app
      .documents('api::article.article')
      .create({ locale: 'vi', data: { title: `Tin nhiều máy ${Date.now()}` }, status: 'published' })
  ).documentId;
const postHit = (url: string, documentId: string, userAgent: string) =>
  request(url)
    .post('/api/insights/views')
    .set('User-Agent', userAgent)
    .send({ type: 'article', documentId, locale: 'vi' });

describe('two instances on one database', () => {
  it('count into the same exact totals, and de-duplicate a visitor across them', async () => {
    const documentId = await publishedArticle();
    const viaThisOne = Array.from({ length: 100 }, (_, i) =>
      http(app)
        .post('/api/insights/views')
        .set('User-Agent', agent(i))
        .send({ type: 'article', documentId })
        .then((res) => res.status)
    );
    const viaOther = Array.from({ length: 100 }, (_, i) =>
      postHit(other.url, documentId, agent(100 + i)).then((res) => res.status)
    );
    const statuses = await Promise.all([...viaThisOne, ...viaOther]);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(await storedViews(app, documentId)).toBe(200);

    const again = await postHit(other.url, documentId, agent(0));
    expect(again.body.data).toEqual({ counted: false, views: 200 });
  }, 180_000);
});

describe('a process killed mid-load', () => {
  it('loses no acknowledged hit', async () => {
    const documentId = await publishedArticle();
    let acknowledged = 0;
    let sent = 0;
    let next = 0;
    const worker = async () => {
      while (next < 2000) {
        const n = (next += 1);
        sent += 1;
        try {
          const res = await postHit(victim.url, documentId, agent(10_000 + n));
          if (res.status === 200 && res.body.data.counted) acknowledged += 1;
        } catch {
          return; // the process is gone
        }
      }
    };
    let finished = false;
    const load = Promise.all(Array.from({ length: 16 }, worker)).then(() => {
      finished = true;
    });
    // Kill it mid-load; stop waiting if the load ends or the process dies first (the assertions below then fail).
    while (acknowledged < 150 && !finished && victim.process.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 5));
    victim.process.kill('SIGKILL');
    await load;

    const stored = await storedViews(app, documentId);
    expect(acknowledged).toBeGreaterThanOrEqual(150);
    expect(stored).toBeGreaterThanOrEqual(acknowledged);
    expect(stored).toBeLessThanOrEqual(sent);
  }, 180_000);
});
