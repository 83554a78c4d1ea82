import type { Core } from '@strapi/strapi';

import { boolean, required } from './lib/settings';

const config = (): Core.Config.Admin => ({
  auth: {
    secret: required('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: required('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: required('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: required('ENCRYPTION_KEY'),
  },
  // No front-end preview is wired to the portals: without this the edit view shows a "set up preview" box to
  // every editor.
  preview: { enabled: false, config: { handler: () => null } },
  // Strapi's AI helpers call Strapi's cloud service: not for this portal.
  ai: { enabled: false },
  flags: {
    nps: boolean('FLAG_NPS', false),
    promoteEE: boolean('FLAG_PROMOTE_EE', false),
    docLinks: boolean('FLAG_DOC_LINKS', true),
  },
});

export default config;
