// Server entry point of the local plugin; compiled with the app (config/plugins.ts resolves it in dist/).
export default require('./server/src').default;
