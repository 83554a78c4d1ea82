// Benchmark of a unit's commendations on PostgreSQL: a generated tree of 10,000 units (1 central, 63 provinces,
// 700 districts, the rest communes) and 100,000 published awards (random issuer; half with a collective recipient,
// a tenth with 5 counted collectives placed at a province or district; a fifth dated by a year only). Prints, one
// connection (latency): the no-op route (the floor), then each unit level's first page with include=descendants,
// and the province's first page by form: req/s, p50, p99, p99 as a multiple of the floor's, and database queries
// per request. These run with the response cache off (CACHE_ENABLED=false): each request is the database's work.
// Then the province's page again on a second instance with the cache on (as shipped): a hit, and a 304.
// Usage: node bench/commendations.js [seconds per run, default 10]
const { benchmark, load, startApp, summary } = require('./lib');

const UNITS = 10_000;
const AWARDS = 100_000;
const seconds = Number(process.argv[2] ?? 10);

const generate = async (client) => {
  await client.query(`
    INSERT INTO organizations (document_id, name, slug, kind, level, locale, published_at, created_at, updated_at)
    SELECT 'unit' || lpad(n::text, 20, '0'), 'Đơn vị ' || n, 'don-vi-' || n, 'womens_union',
      CASE WHEN n = 1 THEN 'central' WHEN n <= 64 THEN 'province' WHEN n <= 764 THEN 'district' ELSE 'commune' END,
      'vi', now(), now(), now()
    FROM generate_series(1, ${UNITS}) AS n`);
  // Parents: provinces under the central union, districts spread over provinces, communes over districts.
  await client.query(`
    INSERT INTO organizations_parent_lnk (organization_id, inv_organization_id, organization_ord)
    SELECT c.id, p.id, 1 FROM organizations c
    JOIN organizations p ON p.slug = 'don-vi-' || (CASE
      WHEN substring(c.slug from 8)::int <= 64 THEN 1
      WHEN substring(c.slug from 8)::int <= 764 THEN 2 + (substring(c.slug from 8)::int % 63)
      ELSE 65 + (substring(c.slug from 8)::int % 700) END)
    WHERE c.slug <> 'don-vi-1'`);
  await client.query(`
    INSERT INTO awards (document_id, title, slug, form, decision_date, decision_date_precision, year, award_status,
      counted_collectives, counted_individuals, collective_count, individual_count, locale, published_at, created_at, updated_at)
    SELECT 'award' || lpad(n::text, 19, '0'), 'Khen thưởng ' || n, 'khen-thuong-' || n,
      (ARRAY['certificate_of_merit','certificate_of_commendation','emulation_flag','emulation_title'])[1 + n % 4],
      CASE WHEN n % 5 = 0 THEN NULL ELSE DATE '2015-01-01' + (n % 3650) END, 'day',
      CASE WHEN n % 5 = 0 THEN 2015 + n % 10 END,
      'active', 0, 1, 0, 1, 'vi', now(), now(), now()
    FROM generate_series(1, ${AWARDS}) AS n`);
  await client.query(`
    INSERT INTO awards_issuer_lnk (award_id, organization_id)
    SELECT a.id, 1 + (hashtext(a.document_id) & 2147483647) % ${UNITS} FROM awards a`);
  // Recipients: a named collective on even awards, 5 counted collectives at a province or district on a tenth.
  const recipients = async (which, count, unitIds) =>
    client.query(`
      WITH picked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM awards WHERE ${which}),
      made AS (INSERT INTO components_award_recipients (kind, count)
        SELECT 'collective', ${count} FROM picked RETURNING id),
      numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM made),
      linked AS (INSERT INTO awards_cmps (entity_id, cmp_id, component_type, field, "order")
        SELECT p.id, m.id, 'award.recipient', 'recipients', 1 FROM picked p JOIN numbered m USING (n) RETURNING cmp_id)
      INSERT INTO components_award_recipients_organization_lnk (recipient_id, organization_id)
      SELECT cmp_id, ${unitIds} FROM linked`);
  await recipients('id % 2 = 0', 'NULL', `1 + (hashtext(cmp_id::text) & 2147483647) % ${UNITS}`);
  await recipients('id % 10 = 1', '5', `2 + (hashtext(cmp_id::text) & 2147483647) % 763`);
  await client.query('ANALYZE');
};

const row = (label, r, floor, queries) =>
  console.log(
    label.padEnd(44),
    `${r.rps.toFixed(0).padStart(5)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms`,
    floor ? `  p99 × ${(r.p99 / floor.p99).toFixed(1).padStart(4)} of floor` : ''.padEnd(22),
    queries === undefined ? '' : `  ${queries} queries/request`,
    r.errors ? `  non-2xx ${r.errors}` : ''
  );

const port = 14370 + (process.pid % 500);

benchmark(
  'hoi_lhpn_bench_commendations',
  port,
  { SEED_ON_EMPTY_DATABASE: 'false', CACHE_ENABLED: 'false' },
  async ({ db, app }) => {
    await generate(db.client);
    const get = async (path) => (await fetch(`${app.url}${path}`)).json();
    const unitOf = async (level) =>
      (
        await db.client.query(
          `SELECT document_id FROM organizations WHERE level = $1 ORDER BY id LIMIT 1`,
          [level]
        )
      ).rows[0].document_id;
    /** Database queries one request runs: the app's counter around a few sequential requests. */
    const queriesPer = async (path, times = 5) => {
      const before = (await get('/api/bench/queries')).queries;
      for (let i = 0; i < times; i += 1) await get(path);
      return ((await get('/api/bench/queries')).queries - before) / times;
    };
    const run = (path, base = app.url, headers = {}) =>
      load({ url: `${base}${path}`, duration: seconds, connections: 1, headers });

    console.log(
      `\nCommendations, PostgreSQL, ${UNITS} units, ${AWARDS} awards, ${seconds}s per run, 1 connection (latency),`,
      'response cache off'
    );
    const floor = summary(await run('/api/bench/noop'));
    row('(a) no-op route (floor)', floor, null, await queriesPer('/api/bench/noop'));
    const cases = [];
    for (const level of ['commune', 'district', 'province'])
      cases.push([
        level,
        `/api/insights/units/${await unitOf(level)}/commendations?include=descendants`,
      ]);
    cases.push(['province, sort=form:asc page 3', `${cases[2][1]}&sort=form:asc&page=3`]);
    for (const [label, path] of cases) {
      const first = await get(path);
      const r = summary(await run(path));
      const size = `${first.meta.units} units ${first.meta.pagination.total} awards`;
      row(`${label.padEnd(31)} ${size.padStart(12)}`, r, floor, await queriesPer(path));
    }
    const cached = await startApp(db.database, port + 1, { SEED_ON_EMPTY_DATABASE: 'false' });
    try {
      const province = cases[2][1];
      const etag = (await fetch(`${cached.url}${province}`)).headers.get('etag');
      console.log('With the response cache on (a second instance, as shipped):');
      row('province, cached', summary(await run(province, cached.url)), floor);
      row(
        'province, 304 revalidation',
        summary(await run(province, cached.url, { 'if-none-match': etag })),
        floor
      );
    } finally {
      await cached.stop();
    }
  }
);
