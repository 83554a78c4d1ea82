export const PLUGIN_ID = 'insights';
