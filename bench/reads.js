// Benchmark of public reads on PostgreSQL with 10,000 published articles, each linked to one of 100 units.
// Prints, in one run, req/s, p50, p99 and the ratio to the app's no-op route (the floor) of:
//   a list page (three fields, sorted by publishedDate) from the response cache, its 304 revalidation, the
//   same list uncached (a second instance with CACHE_ENABLED=false), with and without the row count, with the
//   unit populated, one article by slug (cached and uncached), and a GraphQL list (cached and uncached).
// Each run is preceded by a 5-second warm-up of the same request, not counted.
// Usage: node bench/reads.js [seconds per run, default 10]
const { benchmark, load, startApp, summary } = require('./lib');

const ARTICLES = 10_000;
const UNITS = 100;
const seconds = Number(process.argv[2] ?? 10);
const WARM_UP_SECONDS = 5;
const port = 14370 + (process.pid % 500);

const insertContent = async (client) => {
  await client.query(`
    INSERT INTO organizations (document_id, name, slug, kind, level, locale, created_at, updated_at)
    SELECT 'unit' || lpad(n::text, 21, '0'), 'Hội LHPN xã ' || n, 'hoi-lhpn-xa-' || n, 'womens_union', 'commune', 'vi', now(), now()
    FROM generate_series(1, ${UNITS}) AS n`);
  await client.query(`
    INSERT INTO articles (document_id, title, slug, summary, published_date, locale, published_at, created_at, updated_at)
    SELECT 'bench' || lpad(n::text, 19, '0'), 'Tin số ' || n, 'tin-so-' || n, 'Tóm tắt tin số ' || n,
           now() - (n || ' minutes')::interval, 'vi', p, now(), now()
    FROM generate_series(1, ${ARTICLES}) AS n, (VALUES (NULL::timestamp), (now())) AS v(p)`);
  await client.query(`
    INSERT INTO articles_organization_lnk (article_id, organization_id)
    SELECT a.id, o.id FROM articles a
    JOIN organizations o ON o.slug = 'hoi-lhpn-xa-' || (1 + substring(a.document_id, 6)::int % ${UNITS})`);
  // What autovacuum does within a minute of a bulk load on a live portal: statistics, and the visibility map
  // that lets the count read the published-row index alone.
  await client.query('VACUUM ANALYZE');
};

const LIST =
  '/api/articles?fields[0]=title&fields[1]=slug&fields[2]=publishedDate&sort=publishedDate:desc&pagination[pageSize]=10';
const GRAPHQL = JSON.stringify({
  query:
    'query { articles(sort: "publishedDate:desc", pagination: { pageSize: 10 }) { documentId title slug publishedDate } }',
});

const get = (url, headers = {}) => ({ url, headers });
const graphql = (url) => ({
  url: `${url}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: GRAPHQL,
});

benchmark('hoi_lhpn_reads', port, { SEED_ON_EMPTY_DATABASE: 'false' }, async ({ db, app }) => {
  await insertContent(db.client);
  const uncached = await startApp(db.database, port + 1, {
    SEED_ON_EMPTY_DATABASE: 'false',
    CACHE_ENABLED: 'false',
  });
  try {
    const etag = (await fetch(`${app.url}${LIST}`)).headers.get('etag');
    const runs = [
      ['no-op route (floor)', get(`${app.url}/api/bench/noop`)],
      ['list page, cached', get(`${app.url}${LIST}`)],
      ['list page, 304 revalidation', get(`${app.url}${LIST}`, { 'if-none-match': etag })],
      ['list page, uncached', get(`${uncached.url}${LIST}`)],
      [
        'list page, uncached, withCount=false',
        get(`${uncached.url}${LIST}&pagination[withCount]=false`),
      ],
      [
        'list page + unit, uncached',
        get(`${uncached.url}${LIST}&populate[organization][fields][0]=name`),
      ],
      ['article by slug, cached', get(`${app.url}/api/articles?filters[slug][$eq]=tin-so-5000`)],
      [
        'article by slug, uncached',
        get(`${uncached.url}/api/articles?filters[slug][$eq]=tin-so-5000`),
      ],
      ['GraphQL list, cached', graphql(app.url)],
      ['GraphQL list, uncached', graphql(uncached.url)],
    ];
    const rows = [];
    for (const [name, options] of runs) {
      // Each instance starts cold: a short run of the same request first, not counted, so that no row
      // measures the JIT compiling its code path.
      await load({ ...options, duration: WARM_UP_SECONDS });
      rows.push([name, summary(await load({ ...options, duration: seconds }))]);
    }
    const floor = rows[0][1].rps;
    console.log(
      `\nPublic reads, PostgreSQL, ${ARTICLES} published articles, ${seconds}s per run, 20 connections, loopback`
    );
    console.log(
      'run'.padEnd(40),
      'req/s'.padStart(8),
      '× floor'.padStart(8),
      'p50 ms'.padStart(7),
      'p99 ms'.padStart(7),
      'non-2xx'.padStart(8)
    );
    for (const [name, r] of rows) {
      console.log(
        name.padEnd(40),
        r.rps.toFixed(0).padStart(8),
        (r.rps / floor).toFixed(2).padStart(8),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        String(r.errors).padStart(8)
      );
    }
  } finally {
    await uncached.stop();
  }
});
