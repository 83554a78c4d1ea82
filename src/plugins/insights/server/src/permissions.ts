import type { Core } from '@strapi/strapi';

/**
 * The plugin's own admin permissions (Settings → Roles → Plugins → Insights): reading the view statistics (the
 * Insights page, the homepage widget, the list view's views column) and reading commendations (the panel of a
 * unit's or a person's edit view). Its admin routes check them.
 */
export const PERMISSIONS = {
  readViews: 'plugin::insights.views.read',
  readCommendations: 'plugin::insights.commendations.read',
} as const;

export const registerPermissions = (strapi: Core.Strapi) =>
  strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'Xem lượt xem (trang Thống kê, ô Xem nhiều trong tuần, cột Lượt xem)',
      uid: 'views.read',
      pluginName: 'insights',
    },
    {
      section: 'plugins',
      displayName: 'Xem khen thưởng của đơn vị và cán bộ',
      uid: 'commendations.read',
      pluginName: 'insights',
    },
  ]);

/** Route config of an admin route: a logged-in admin whose roles grant `action`. */
export const requires = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [action] } },
  ],
});
