import type { Core } from '@strapi/strapi';

const READABLE_TYPES = [
  'api::article.article',
  'api::meeting.meeting',
  'api::organization.organization',
  'api::official.official',
  'api::award.award',
];

/**
 * Everything an anonymous visitor may do through the public role: read published content. Strapi only
 * populates images (covers, gallery figures, portraits) for roles that may read the media library, so that
 * read is granted too; the view rankings, daily series and unit commendations are reads of published content. Posting
 * view hits is public by the beacon route's own config (src/plugins/insights/server/src/views/routes/content-api.ts).
 */
export const PUBLIC_ACTIONS: readonly string[] = [
  ...READABLE_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  'plugin::upload.content-api.find',
  'plugin::upload.content-api.findOne',
  'plugin::insights.views.ranking',
  'plugin::insights.views.daily',
  'plugin::insights.commendations.forUnit',
  'plugin::insights.commendations.summary',
  // Site search over published content (src/api/search).
  'api::search.search.find',
  'plugin::insights.commendations.forPerson',
];

const PERMISSION = 'plugin::users-permissions.permission';

/**
 * Makes the public role hold exactly PUBLIC_ACTIONS, whatever was granted before (in the admin or by
 * plugin defaults such as users-permissions' own register/forgot-password routes).
 */
export const enforcePublicPermissions = async (strapi: Core.Strapi) => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions public role is missing');

  const granted = await strapi.db
    .query(PERMISSION)
    .findMany({ select: ['id', 'action'], where: { role: role.id } });
  const extra = granted.filter((permission) => !PUBLIC_ACTIONS.includes(permission.action));
  if (extra.length > 0) {
    await strapi.db
      .query(PERMISSION)
      .deleteMany({ where: { id: { $in: extra.map((permission) => permission.id) } } });
    strapi.log.info(
      `public role: removed ${extra.map((permission) => permission.action).join(', ')}`
    );
  }
  const missing = PUBLIC_ACTIONS.filter(
    (action) => !granted.some((permission) => permission.action === action)
  );
  for (const action of missing) {
    await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  }
};
