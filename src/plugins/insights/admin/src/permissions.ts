/** The plugin's admin permissions (registered by its server, checked by its admin routes). */
export const READ_VIEWS = [{ action: 'plugin::insights.views.read', subject: null }];
export const READ_COMMENDATIONS = [
  { action: 'plugin::insights.commendations.read', subject: null },
];
