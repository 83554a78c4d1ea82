import type { Core } from '@strapi/strapi';

import { bootStrapi, http } from '../helpers/strapi';

let app: Core.Strapi;
let token: string;
const tag = Math.random().toString(36).slice(2, 8);

bootStrapi((booted) => ({ app, token } = booted));

const unit = async (name: string, en?: string) => {
  const { documentId } = await app.documents('api::organization.organization').create({
    locale: 'vi',
    data: { name: `${name} ${tag}`, kind: 'womens_union', level: 'commune' },
  });
  if (en)
    await app
      .documents('api::organization.organization')
      .update({ documentId, locale: 'en', data: { name: `${en} ${tag}` } });
  return documentId;
};
const meeting = async (title: string, organizer: string) =>
  (
    await app.documents('api::meeting.meeting').create({
      locale: 'vi',
      status: 'published',
      data: { title: `${title} ${tag}`, kind: 'review', extended: false, organizer },
    })
  ).documentId;
const article = async (organization: string, meetings: string[]) =>
  (
    await app.documents('api::article.article').create({
      locale: 'vi',
      status: 'published',
      data: { title: `Bài ${tag} ${Math.random()}`, organization, meetings },
    })
  ).documentId;

/** The en version as the public reads it (published). */
const publicEn = async (documentId: string) => {
  const res = await http(app).get(
    `/api/articles/${documentId}?locale=en&populate[organization][fields][0]=name&populate[meetings][fields][0]=title`
  );
  return res.body.data;
};
const notModified = async (documentId: string) => {
  const rows = await app.db.query('api::article.article').findMany({
    select: ['publishedAt', 'updatedAt'],
    where: { documentId, locale: 'en' },
  });
  const draft = rows.find((row) => row.publishedAt === null);
  const published = rows.find((row) => row.publishedAt !== null);
  return new Date(draft?.updatedAt).getTime() <= new Date(published?.updatedAt).getTime();
};
const putEn = (documentId: string) =>
  http(app)
    .put(`/api/articles/${documentId}?locale=en&status=published`)
    .set('Authorization', token)
    .send({ data: { title: `English ${tag} ${Math.random()}` } });

describe('translations keep their relations', () => {
  it('an en version created published over REST is published with its relations', async () => {
    const translated = await unit('Hội LHPN xã Có', 'Co commune union');
    const documentId = await article(translated, []);
    expect((await putEn(documentId)).status).toBe(200);
    expect((await publicEn(documentId)).organization).toMatchObject({
      name: `Co commune union ${tag}`,
    });
  });

  it('links to documents without an en version wait, and are made when they are translated', async () => {
    const untranslated = await unit('Hội LHPN xã Chưa');
    const pendingMeeting = await meeting('Hội nghị chưa dịch', untranslated);
    const documentId = await article(untranslated, [pendingMeeting]);
    const created = await putEn(documentId);
    expect(created.status).toBe(200);
    expect(await publicEn(documentId)).toMatchObject({ organization: null, meetings: [] });

    await app
      .documents('api::organization.organization')
      .update({ documentId: untranslated, locale: 'en', data: { name: `Now translated ${tag}` } });
    expect((await publicEn(documentId)).organization).toMatchObject({
      name: `Now translated ${tag}`,
    });
    expect(await notModified(documentId)).toBe(true);

    await app.documents('api::meeting.meeting').update({
      documentId: pendingMeeting,
      locale: 'en',
      status: 'published',
      data: { title: `Translated meeting ${tag}` },
    });
    expect((await publicEn(documentId)).meetings).toEqual([
      expect.objectContaining({ title: `Translated meeting ${tag}` }),
    ]);
    // The vi version kept its links throughout.
    const vi = await http(app).get(
      `/api/articles/${documentId}?locale=vi&populate[organization][fields][0]=name&populate[meetings][fields][0]=title`
    );
    expect(vi.body.data.organization.name).toBe(`Hội LHPN xã Chưa ${tag}`);
    expect(vi.body.data.meetings).toHaveLength(1);
  });

  it('a pending link made into an en version with unpublished changes goes to its draft only', async () => {
    const untranslated = await unit('Hội LHPN xã Nháp');
    const documentId = await article(untranslated, []);
    await putEn(documentId);
    await app
      .documents('api::article.article')
      .update({ documentId, locale: 'en', data: { summary: 'Unpublished change' } });
    await app
      .documents('api::organization.organization')
      .update({ documentId: untranslated, locale: 'en', data: { name: `Later ${tag}` } });
    expect((await publicEn(documentId)).organization).toBeNull();
    const draft = await http(app)
      .get(
        `/api/articles/${documentId}?locale=en&status=draft&populate[organization][fields][0]=name`
      )
      .set('Authorization', token);
    expect(draft.body.data).toMatchObject({
      summary: 'Unpublished change',
      organization: { name: `Later ${tag}` },
    });
  });
});
