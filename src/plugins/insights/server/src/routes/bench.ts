/** Benchmark-only routes (config.benchRoutes): unauthenticated on purpose, and absent unless turned on. */
export default [
  { method: 'GET', path: '/bench/noop', handler: 'bench.noop', config: { auth: false } },
  { method: 'POST', path: '/bench/noop', handler: 'bench.noop', config: { auth: false } },
  { method: 'POST', path: '/bench/naive-views', handler: 'bench.naiveCount', config: { auth: false } },
];
