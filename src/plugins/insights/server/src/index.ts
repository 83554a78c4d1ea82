import bootstrap, { stopSweeper } from './bootstrap';
import config from './config';
import bench from './controllers/bench';
import views from './controllers/views';
import register from './register';
import routes from './routes';
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
  controllers: { views, bench },
  routes,
  services: { documents, rankings, rateLimit, viewStore, visitor },
};
