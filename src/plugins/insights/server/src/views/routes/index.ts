import admin from './admin';
import contentApi from './content-api';

/** The views module's routes; the plugin's index.ts joins them with the other module's. */
export default { admin, contentApi };
