import { PERMISSIONS, requires } from '../permissions';

const readCommendations = requires(PERMISSIONS.readCommendations);

/** The commendations module's routes: /api/insights/... (public role, granted by the app) and /insights/... (admin). */
type RouteConfig = { policies: (string | { name: string; config: unknown })[] };

const route = (path: string, handler: string, config: RouteConfig) => ({
  method: 'GET',
  path,
  handler: `commendations.${handler}`,
  config,
});

export default {
  contentApi: [
    route('/units/:documentId/commendations', 'forUnit', { policies: [] }),
    route('/units/:documentId/summary', 'summary', { policies: [] }),
    route('/officials/:documentId/commendations', 'forPerson', { policies: [] }),
  ],
  admin: [
    route('/units/:documentId/commendations', 'forUnit', readCommendations),
    route('/officials/:documentId/commendations', 'forPerson', readCommendations),
    route('/units/:documentId/report', 'report', readCommendations),
    route('/units/:documentId/report.csv', 'reportCsv', readCommendations),
  ],
};
