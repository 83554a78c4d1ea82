import type { PortalApi } from './api';
import type { GraphqlClient } from './graphql';
import type { JSONSchemaType } from 'ajv/dist/2020';

/** The portal's pages as HTML strings: home and article pages from REST, the unit page from GraphQL. */

/** Text as HTML: entries may hold any characters (the hostile-input suite writes some). */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const vietnamDate = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';

const list = (items: string[]) => `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;

/** Home: the latest articles with their unit and views, and the most viewed of all time. */
export const homePage = async (api: PortalApi) => {
  const latest = await api.articles({
    sort: ['publishedDate:desc'],
    fields: ['title', 'slug', 'publishedDate'],
    populate: { organization: { fields: ['name'] } },
    pagination: { pageSize: 5 },
  });
  const top = await api.topViewed({ type: 'article', period: 'all', limit: 5 });
  const articles = latest.data.map(
    (article) =>
      `<a href="/tin-tuc/${escapeHtml(article.slug ?? article.documentId)}">${escapeHtml(article.title ?? '')}</a>` +
      ` <small>${escapeHtml(article.organization?.name ?? '')} · ${vietnamDate(article.publishedDate)} · Số lượt xem: ${article.viewCount ?? 0}</small>`
  );
  const mostViewed = top.data.map(
    (entry) => `${escapeHtml(entry.title)} <small>${entry.views} lượt xem</small>`
  );
  return `<main><h1>Tin mới</h1>${list(articles)}<h2>Đọc nhiều nhất</h2>${list(mostViewed)}</main>`;
};

/** An article by slug: title, date and views, its unit, summary, photo captions and meetings. */
export const articlePage = async (api: PortalApi, slug: string) => {
  const found = await api.articles({
    filters: { slug: { $eq: slug } },
    populate: {
      organization: { fields: ['name'] },
      gallery: { populate: ['image'] },
      meetings: { fields: ['title'] },
    },
  });
  const [article] = found.data;
  if (!article) return `<main><h1>Không tìm thấy bài viết</h1></main>`;
  const figures = (article.gallery ?? []).map(
    (figure) =>
      `<figure>${figure.image ? `<img src="${escapeHtml(figure.image.url ?? '')}" alt="">` : ''}` +
      `<figcaption>${escapeHtml(figure.caption ?? '')}</figcaption></figure>`
  );
  const meetings = (article.meetings ?? []).map((meeting) => escapeHtml(meeting.title ?? ''));
  return (
    `<article><h1>${escapeHtml(article.title ?? '')}</h1>` +
    `<p>${vietnamDate(article.publishedDate)} Số lượt xem: ${article.viewCount ?? 0}</p>` +
    `<p>${escapeHtml(article.organization?.name ?? '')}</p>` +
    `<p>${escapeHtml(article.summary ?? '')}</p>${figures.join('')}` +
    (meetings.length > 0 ? `<h2>Hội nghị</h2>${list(meetings)}` : '') +
    `</article>`
  );
};

type UnitPage = {
  organizations: {
    documentId: string;
    name: string;
    // Nullable fields are optional too: ajv's JSONSchemaType takes a nullable field only as an optional one.
    parent?: { name: string } | null;
    commendations: { title: string; form: string; year?: number | null; direction: string }[];
  }[];
};

const UNIT_PAGE: JSONSchemaType<UnitPage> = {
  type: 'object',
  properties: {
    organizations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          documentId: { type: 'string' },
          name: { type: 'string' },
          parent: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
            nullable: true,
          },
          commendations: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                title: { type: 'string' },
                form: { type: 'string' },
                year: { type: 'integer', nullable: true },
                direction: { type: 'string' },
              },
              required: ['title', 'form', 'direction'],
            },
          },
        },
        required: ['documentId', 'name', 'commendations'],
      },
    },
  },
  required: ['organizations'],
};

const UNIT_QUERY = `query Unit($slug: String!) {
  organizations(filters: { slug: { eq: $slug } }) {
    documentId
    name
    parent { name }
    commendations(include: ["descendants"], sort: "date:desc", pageSize: 10) { title form year direction }
  }
}`;

/** A unit: its name and parent, its latest commendations (GraphQL), and its totals (REST summary). */
export const unitPage = async (api: PortalApi, graphql: GraphqlClient, slug: string) => {
  const { organizations } = await graphql.run(UNIT_QUERY, { slug }, UNIT_PAGE);
  const [unit] = organizations;
  if (!unit) return `<main><h1>Không tìm thấy đơn vị</h1></main>`;
  const summary = await api.unitSummary(unit.documentId);
  const awards = unit.commendations.map(
    (award) =>
      `${escapeHtml(award.title)} <small>${award.year ?? ''} · ${award.direction === 'issued' ? 'khen tặng' : 'được khen'}</small>`
  );
  return (
    `<main><h1>${escapeHtml(unit.name)}</h1><p>${escapeHtml(unit.parent?.name ?? '')}</p>` +
    `<p>Được khen: ${summary.data.received.total} · Khen tặng: ${summary.data.issued.total} · ` +
    `Lượt xem tin bài: ${summary.data.views.total}</p>` +
    `<h2>Khen thưởng</h2>${list(awards)}</main>`
  );
};
