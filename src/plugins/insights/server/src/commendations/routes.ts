import { PERMISSIONS, requires } from '../permissions';

const readCommendations = requires(PERMISSIONS.readCommendations);

/** The commendations module's routes: /api/insights/... (public role, granted by the app) and /insights/... (admin). */
export default {
  contentApi: [
    {
      method: 'GET',
      path: '/units/:documentId/commendations',
      handler: 'commendations.forUnit',
      config: { policies: [] },
    },
    {
      method: 'GET',
      path: '/units/:documentId/summary',
      handler: 'commendations.summary',
      config: { policies: [] },
    },
  ],
  admin: [
    {
      method: 'GET',
      path: '/units/:documentId/commendations',
      handler: 'commendations.forUnit',
      config: readCommendations,
    },
    {
      method: 'GET',
      path: '/officials/:documentId/commendations',
      handler: 'commendations.forPerson',
      config: readCommendations,
    },
  ],
};
