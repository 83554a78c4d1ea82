import bootstrap, { stopSweeper } from './bootstrap';
import config from './config';
import commendations from './commendations/controllers';
import views from './views/controllers';
import register from './register';
import routes from './views/routes';
import commendationsService from './commendations/services/commendations';
import documents from './views/services/documents';
import rankings from './views/services/rankings';
import rateLimit from './views/services/rate-limit';
import viewStore from './views/services/view-store';
import visitor from './views/services/visitor';

export default {
  register,
  bootstrap,
  destroy: stopSweeper,
  config,
  controllers: { views, commendations },
  routes,
  services: { commendations: commendationsService, documents, rankings, rateLimit, viewStore, visitor },
};
