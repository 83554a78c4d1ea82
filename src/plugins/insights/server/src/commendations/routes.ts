import { adminOnly } from '../input';

/** The commendations module's routes: /api/insights/... (public role, granted by the app) and /insights/... (admin). */
const route = (path: string, handler: string, config: { policies: string[] }) => ({
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
    route('/units/:documentId/commendations', 'forUnit', adminOnly),
    route('/officials/:documentId/commendations', 'forPerson', adminOnly),
    route('/units/:documentId/report', 'report', adminOnly),
    route('/units/:documentId/report.csv', 'reportCsv', adminOnly),
  ],
};
