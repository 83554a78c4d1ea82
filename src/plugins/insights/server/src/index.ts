import bootstrap, { stopSweeper } from './bootstrap';
import config from './config';
import commendations from './controllers/commendations';
import views from './controllers/views';
import beaconBody from './middlewares/beacon-body';
import register from './register';
import routes from './routes';
import commendationsService from './services/commendations';
import documents from './services/documents';
import rankings from './services/rankings';
import rateLimit from './services/rate-limit';
import viewStore from './services/view-store';
import visitor from './services/visitor';

export default {
  register,
  bootstrap,
  destroy: stopSweeper,
  config,
  controllers: { views, commendations },
  middlewares: { 'beacon-body': beaconBody },
  routes,
  services: { commendations: commendationsService, documents, rankings, rateLimit, viewStore, visitor },
};
