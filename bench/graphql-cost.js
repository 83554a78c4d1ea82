// Benchmark of the GraphQL cost limits on PostgreSQL with the seed content. Prints, in one run:
//   (a) a small public query alone (the baseline), (b) the 300-alias query of issue 7 alone (refused with 400),
//   (c) the small query while 10 connections send the 300-alias query, and (d) while 10 connections send the
//   cheapest request there is (GET /_health), each with its p99 as a multiple of (a): (c) close to (d) means the
//   refused query costs no more than any request of a flood.
// Usage: node bench/graphql-cost.js [seconds per run, default 10]
const { benchmark, load, summary } = require('./lib');

const seconds = Number(process.argv[2] ?? 10);
const SMALL = '{ articles(pagination: { limit: 5 }) { documentId title } }';
const HEAVY = `{ ${Array.from(
  { length: 300 },
  (_, i) => `a${i}: organizations { name commendations(include: ["descendants"]) { title } }`
).join(' ')} }`;
const post = (url, query, connections) => ({
  url: `${url}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
  duration: seconds,
  connections,
});

const row = (name, r, baseline) =>
  console.log(
    name.padEnd(46),
    `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms`,
    `2xx ${r.ok}  non-2xx ${r.errors}`,
    baseline ? `  p99 × ${(r.p99 / baseline.p99).toFixed(2)} of (a)` : ''
  );

benchmark(
  'hoi_lhpn_bench_graphql',
  13900 + (process.pid % 90),
  {
    SEED_ON_EMPTY_DATABASE: 'true',
  },
  async ({ app }) => {
    const refused = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: HEAVY }),
    });
    console.log(
      `300-alias query answers ${refused.status}: ${(await refused.json()).errors[0].message}`
    );
    console.log(`\nGraphQL cost limits, PostgreSQL, seed content, ${seconds}s per run, loopback`);
    const alone = summary(await load(post(app.url, SMALL, 1)));
    row('(a) small query alone, 1 connection', alone);
    row('(b) 300-alias query alone, 1 connection', summary(await load(post(app.url, HEAVY, 1))));
    const [during] = await Promise.all([
      load(post(app.url, SMALL, 1)).then(summary),
      load(post(app.url, HEAVY, 10)),
    ]);
    row('(c) small query during 10 × 300-alias queries', during, alone);
    const [duringHealth] = await Promise.all([
      load(post(app.url, SMALL, 1)).then(summary),
      load({ url: `${app.url}/_health`, duration: seconds, connections: 10 }),
    ]);
    row('(d) small query during 10 × GET /_health', duringHealth, alone);
  }
);
