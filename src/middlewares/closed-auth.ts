import { closedAuthMiddleware } from '../security/closed-auth';

/** Refuses users-permissions' account routes (see src/security/closed-auth.ts). */
export default () => closedAuthMiddleware();
