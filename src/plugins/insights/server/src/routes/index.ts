import admin from './admin';
import bench from './bench';
import contentApi from './content-api';

export default {
  'content-api': { type: 'content-api', routes: contentApi },
  admin: { type: 'admin', routes: admin },
  bench: { type: 'content-api', routes: bench },
};
