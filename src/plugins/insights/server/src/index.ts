import type { Core } from '@strapi/strapi';

import bootstrap, { stopSweeper } from './bootstrap';
import commendationsController from './commendations/controllers';
import commendationsRoutes from './commendations/routes';
import config from './config';
import register from './register';
import { service, services } from './services';
import settings from './settings';
import beaconBody from './views/beacon-body';
import viewsController from './views/controllers';
import viewsRoutes from './views/routes';

/** The plugin, assembled from its two modules: views (counting, rankings) and commendations (awards of a unit). */
export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    stopSweeper();
    await service(strapi, 'rateLimit').close();
  },
  config,
  controllers: { views: viewsController, commendations: commendationsController, settings },
  middlewares: { 'beacon-body': beaconBody },
  routes: {
    'content-api': {
      type: 'content-api',
      routes: [...viewsRoutes.contentApi, ...commendationsRoutes.contentApi],
    },
    admin: {
      type: 'admin',
      routes: [...viewsRoutes.admin, ...commendationsRoutes.admin, ...settings.routes],
    },
  },
  services,
};
