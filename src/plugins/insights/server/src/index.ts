import type { Core } from '@strapi/strapi';

import bootstrap, { stopSweeper } from './bootstrap';
import commendationsController from './commendations/controllers';
import commendationsRoutes from './commendations/routes';
import config from './config';
import register from './register';
import { service, services } from './services';
import settings from './settings';
import translationsController from './translations/controllers';
import translationsRoutes from './translations/routes';
import beacon from './views/beacon';
import viewsController from './views/controllers';
import viewsRoutes from './views/routes';

/** The plugin, assembled from its modules: views (counting, rankings), commendations (awards of a unit) and
 * translations (states of each translation). */
export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    stopSweeper();
    await service(strapi, 'rateLimit').close();
  },
  config,
  controllers: {
    views: viewsController,
    commendations: commendationsController,
    translations: translationsController,
    settings,
  },
  middlewares: { beacon },
  routes: {
    'content-api': {
      type: 'content-api',
      routes: [
        ...viewsRoutes.contentApi,
        ...commendationsRoutes.contentApi,
        ...translationsRoutes.contentApi,
      ],
    },
    admin: {
      type: 'admin',
      routes: [
        ...viewsRoutes.admin,
        ...commendationsRoutes.admin,
        ...translationsRoutes.admin,
        ...settings.routes,
      ],
    },
  },
  services,
};
