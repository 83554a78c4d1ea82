import type { Core } from '@strapi/strapi';

/**
 * The "Biên tập viên" admin role, set in code at every start like the public role: a portal editor writes and
 * publishes the five content types in every locale, uses the media library, and reads the insights plugin's
 * pages (view statistics, commendations); nothing under Settings (roles, users, API tokens, locales...), no
 * marketplace. What is granted in the admin panel beyond this is taken back at the next start.
 */
export const EDITOR_ROLE = {
  code: 'hoi-lhpn-editor',
  name: 'Biên tập viên',
  description:
    'Viết, sửa, xuất bản tin bài, hội nghị, khen thưởng, đơn vị, cán bộ và ảnh; xem thống kê. Không vào Cài đặt.',
};

export const EDITED_TYPES = [
  'api::article.article',
  'api::meeting.meeting',
  'api::award.award',
  'api::organization.organization',
  'api::official.official',
];

const CONTENT_ACTIONS = ['create', 'read', 'update', 'delete', 'publish'].map(
  (action) => `plugin::content-manager.explorer.${action}`
);

const OTHER_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
  'plugin::insights.views.read',
  'plugin::insights.commendations.read',
];

type Action = { actionId: string; subjects?: string[] };
type Permission = {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
};

const contentPermissions = async (strapi: Core.Strapi): Promise<Permission[]> => {
  const actions: Action[] = strapi.service('admin::permission').actionProvider.values();
  const wanted = actions.filter((action) => CONTENT_ACTIONS.includes(action.actionId));
  const otherSubjects = wanted
    .flatMap((action) => action.subjects ?? [])
    .filter((subject) => !EDITED_TYPES.includes(subject));
  const withFields: Permission[] = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields(wanted, { restrictedSubjects: otherSubjects });
  const locales: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
  return withFields.map((permission) => ({
    ...permission,
    properties: { ...permission.properties, locales: locales.map(({ code }) => code) },
    conditions: [],
  }));
};

export const enforceEditorRole = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role');
  const existing: { id: number } | null = await roles.findOne({ code: EDITOR_ROLE.code });
  const role: { id: number } = existing
    ? await roles.update({ id: existing.id }, EDITOR_ROLE)
    : await roles.create(EDITOR_ROLE);
  const permissions = [
    ...(await contentPermissions(strapi)),
    ...OTHER_ACTIONS.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  ];
  await roles.assignPermissions(role.id, permissions);
};
