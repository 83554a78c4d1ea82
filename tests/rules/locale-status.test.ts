import type { Core } from '@strapi/strapi';

import { bootStrapi } from '../helpers/strapi';

/**
 * strapi#22924, #22877, #24166: one locale's writes must not change another locale's status. "Modified" is a
 * draft saved after its published version (the content manager's test).
 */
let app: Core.Strapi;
const ARTICLE = 'api::article.article';
const tag = Math.random().toString(36).slice(2, 8);
const paragraph = (text: string) => [
  {
    type: 'paragraph' as const,
    children: [{ type: 'text' as const, text }],
  },
];

bootStrapi((booted) => ({ app } = booted));

const versions = async (documentId: string, locale: string) => {
  const rows = await app.db.query(ARTICLE).findMany({
    select: ['title', 'publishedDate', 'publishedAt', 'updatedAt'],
    where: { documentId, locale },
  });
  return {
    draft: rows.find((row) => row.publishedAt === null),
    published: rows.find((row) => row.publishedAt !== null),
  };
};
const status = async (documentId: string, locale: string) => {
  const { draft, published } = await versions(documentId, locale);
  if (!published) return 'draft';
  return new Date(draft?.updatedAt).getTime() > new Date(published.updatedAt).getTime()
    ? 'modified'
    : 'published';
};

const bothPublished = async () => {
  const { documentId } = await app.documents(ARTICLE).create({
    locale: 'vi',
    status: 'published',
    data: {
      title: `Tin ${tag}`,
      body: paragraph('Một.'),
      publishedDate: '2024-01-01T00:00:00.000Z',
    },
  });
  await app.documents(ARTICLE).update({
    documentId,
    locale: 'en',
    status: 'published',
    data: { title: `News ${tag}`, body: paragraph('One.') },
  });
  return documentId;
};

describe('no false "Modified" across locales', () => {
  it('editing and republishing the vi body leaves en published', async () => {
    const documentId = await bothPublished();
    await app
      .documents(ARTICLE)
      .update({ documentId, locale: 'vi', data: { body: paragraph('Một, đã sửa.') } });
    expect(await status(documentId, 'en')).toBe('published');
    await app.documents(ARTICLE).publish({ documentId, locale: 'vi' });
    expect(await status(documentId, 'vi')).toBe('published');
    expect(await status(documentId, 'en')).toBe('published');
  });

  it('publishing en does not publish an unpublished vi change (strapi#22924)', async () => {
    const documentId = await bothPublished();
    await app.documents(ARTICLE).update({ documentId, locale: 'vi', data: { title: 'Nháp mới' } });
    await app
      .documents(ARTICLE)
      .update({ documentId, locale: 'en', status: 'published', data: { title: `News 2 ${tag}` } });
    const vi = await versions(documentId, 'vi');
    expect(vi.published?.title).toBe(`Tin ${tag}`);
    expect(await status(documentId, 'vi')).toBe('modified');
  });

  it('a shared field saved in vi (draft) leaves en published', async () => {
    const documentId = await bothPublished();
    await app.documents(ARTICLE).update({
      documentId,
      locale: 'vi',
      data: { publishedDate: '2024-02-02T00:00:00.000Z' },
    });
    expect(await status(documentId, 'en')).toBe('published');
    // Publishing vi brings the shared date to en's published version, en still "Published".
    await app.documents(ARTICLE).publish({ documentId, locale: 'vi' });
    const en = await versions(documentId, 'en');
    expect(new Date(en.published?.publishedDate).toISOString()).toBe('2024-02-02T00:00:00.000Z');
    expect(await status(documentId, 'en')).toBe('published');
  });

  it('a relation saved in vi (draft) leaves en published, and reaches en readers when vi is published', async () => {
    const documentId = await bothPublished();
    const { documentId: unit } = await app.documents('api::organization.organization').create({
      locale: 'vi',
      data: { name: `Đơn vị nháp ${tag}`, kind: 'womens_union', level: 'commune' },
    });
    await app
      .documents('api::organization.organization')
      .update({ documentId: unit, locale: 'en', data: { name: `Draft unit ${tag}` } });
    await app.documents(ARTICLE).update({ documentId, locale: 'vi', data: { organization: unit } });
    expect(await status(documentId, 'vi')).toBe('modified');
    expect(await status(documentId, 'en')).toBe('published');
    await app.documents(ARTICLE).publish({ documentId, locale: 'vi' });
    const en = await app.documents(ARTICLE).findOne({
      documentId,
      locale: 'en',
      status: 'published',
      populate: { organization: { fields: ['name'] } },
    });
    expect(en?.organization).toMatchObject({ name: `Draft unit ${tag}` });
    expect(await status(documentId, 'en')).toBe('published');
  });

  it('a relation written in en leaves vi published when it does not change vi', async () => {
    const documentId = await bothPublished();
    const { documentId: unit } = await app.documents('api::organization.organization').create({
      locale: 'vi',
      data: { name: `Đơn vị ${tag}`, kind: 'womens_union', level: 'commune' },
    });
    await app.documents('api::organization.organization').update({
      documentId: unit,
      locale: 'en',
      data: { name: `Unit ${tag}` },
    });
    await app
      .documents(ARTICLE)
      .update({ documentId, locale: 'vi', status: 'published', data: { organization: unit } });
    expect(await status(documentId, 'vi')).toBe('published');
    expect(await status(documentId, 'en')).toBe('published');
  });
});
