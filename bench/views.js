// Benchmark of view counting on PostgreSQL with 10,000 published articles. Prints, in one run:
//   req/s, p50, p99 of (a) the app's no-op route (the floor), (b) the view beacon with distinct visitors,
//   (c) the naive read-then-update counter most Strapi guides show; hits acknowledged vs stored for (b), (c);
//   then the p99 of the most-viewed query over 10,000 articles × 365 days of buckets.
// Usage: node bench/views.js [seconds per run, default 10]
const { randomUUID } = require('node:crypto');
const { benchmark, load, summary } = require('./lib');

const ARTICLES = 10_000;
const DAYS = 365;
const seconds = Number(process.argv[2] ?? 10);

const insertArticles = async (client) => {
  await client.query(`
    INSERT INTO articles (document_id, title, slug, locale, published_at, created_at, updated_at)
    SELECT 'bench' || lpad(n::text, 19, '0'), 'Tin số ' || n, 'tin-so-' || n, 'vi', p, now(), now()
    FROM generate_series(1, ${ARTICLES}) AS n, (VALUES (NULL::timestamp), (now())) AS v(p)`);
  const { rows } = await client.query(
    "SELECT document_id FROM articles WHERE published_at IS NOT NULL AND locale = 'vi'"
  );
  return rows.map((row) => row.document_id);
};

/** 365 days of day buckets and 48 hour buckets for every article, plus the week, month and year buckets and totals they add up to. */
const insertHistory = async (client) => {
  await client.query('TRUNCATE insights_view_buckets, insights_view_totals');
  const today = (await client.query("SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS d"))
    .rows[0].d;
  await client.query(
    `
    INSERT INTO insights_view_buckets (content_type, period, starts_on, locale, document_id, views)
    SELECT 'api::article.article', 'day', to_char($1::date - d, 'YYYY-MM-DD'), 'vi', a.document_id, (hashtext(a.document_id || d) & 63)
    FROM (SELECT document_id FROM articles WHERE published_at IS NOT NULL) a, generate_series(0, ${DAYS - 1}) AS d`,
    [today]
  );
  // The last 48 hours of hour buckets (what the sweep keeps), for the rolling 24 hours.
  await client.query(`
    INSERT INTO insights_view_buckets (content_type, period, starts_on, locale, document_id, views)
    SELECT 'api::article.article', 'hour', to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - h * interval '1 hour', 'YYYY-MM-DD"T"HH24'),
           'vi', a.document_id, (hashtext(a.document_id || h) & 7)
    FROM (SELECT document_id FROM articles WHERE published_at IS NOT NULL) a, generate_series(0, 47) AS h`);
  for (const [period, start] of [
    ['week', "to_char(date_trunc('week', starts_on::date), 'YYYY-MM-DD')"],
    ['month', "to_char(date_trunc('month', starts_on::date), 'YYYY-MM-DD')"],
    ['year', "to_char(date_trunc('year', starts_on::date), 'YYYY-MM-DD')"],
  ]) {
    await client.query(`
      INSERT INTO insights_view_buckets (content_type, period, starts_on, locale, document_id, views)
      SELECT content_type, '${period}', ${start}, locale, document_id, sum(views)
      FROM insights_view_buckets WHERE period = 'day' GROUP BY 1, 3, 4, 5`);
  }
  await client.query(`
    INSERT INTO insights_view_totals (content_type, document_id, locale, views)
    SELECT content_type, document_id, locale, sum(views) FROM insights_view_buckets WHERE period = 'day' GROUP BY 1, 2, 3
`);
  await client.query('ANALYZE insights_view_buckets; ANALYZE insights_view_totals');
  return (
    await client.query("SELECT count(*)::int AS n FROM insights_view_buckets WHERE period = 'day'")
  ).rows[0].n;
};

const stored = async (client, where) =>
  Number(
    (
      await client.query(
        `SELECT coalesce(sum(views), 0) AS n FROM insights_view_totals WHERE ${where}`
      )
    ).rows[0].n
  );

benchmark(
  'hoi_lhpn_bench',
  13370 + (process.pid % 500),
  {
    INSIGHTS_RATE_LIMIT_MAX_HITS: '100000000',
    // Every benchmark hit comes from loopback: one client IP.
    INSIGHTS_IP_MAX_HITS: '100000000',
    INSIGHTS_IP_DOCUMENT_MAX_HITS: '100000000',
    SEED_ON_EMPTY_DATABASE: 'false',
  },
  async ({ db, app }) => {
    const ids = await insertArticles(db.client);
    const pick = () => ids[Math.floor(Math.random() * ids.length)];
    const json = { 'content-type': 'application/json' };
    const rows = [];

    // The floor is the same request shape as the beacon (POST, JSON body) on a route that does nothing.
    const floor = summary(
      await load({
        url: `${app.url}/api/bench/noop`,
        duration: seconds,
        method: 'POST',
        headers: json,
        body: JSON.stringify({ type: 'article', documentId: ids[0], locale: 'vi' }),
      })
    );
    rows.push(['(a) no-op route (floor)', floor]);

    let beaconAcked = 0;
    const beacon = summary(
      await load({
        url: `${app.url}/api/insights/views`,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              headers: {
                ...json,
                'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0 bench/${randomUUID()}`,
              },
              body: JSON.stringify({ type: 'article', documentId: pick(), locale: 'vi' }),
            }),
            onResponse: (status, body) => {
              if (status === 200 && JSON.parse(body).data.counted) beaconAcked += 1;
            },
          },
        ],
      })
    );
    rows.push([
      '(b) view beacon, distinct visitors',
      {
        ...beacon,
        acked: beaconAcked,
        stored: await stored(db.client, "content_type = 'api::article.article'"),
      },
    ]);

    // The naive counter on 100 hot articles, so that concurrent read-then-update collides as on a front page.
    const hot = ids.slice(0, 100);
    let naiveAcked = 0;
    const naive = summary(
      await load({
        url: `${app.url}/api/bench/naive-views`,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              headers: json,
              body: JSON.stringify({ documentId: hot[Math.floor(Math.random() * hot.length)] }),
            }),
            onResponse: (status) => {
              if (status === 200) naiveAcked += 1;
            },
          },
        ],
      })
    );
    rows.push([
      '(c) naive read-then-update counter',
      {
        ...naive,
        acked: naiveAcked,
        stored: await stored(db.client, "content_type = 'bench::naive'"),
      },
    ]);

    console.log(
      `\nView counting, PostgreSQL, ${ARTICLES} articles, ${seconds}s per run, 20 connections, loopback`
    );
    console.log(
      'run'.padEnd(38),
      'req/s'.padStart(8),
      '× floor'.padStart(8),
      'p50 ms'.padStart(7),
      'p99 ms'.padStart(7),
      'acked'.padStart(8),
      'stored'.padStart(8),
      'lost'.padStart(7)
    );
    for (const [name, r] of rows) {
      const lost = r.acked === undefined ? '' : String(r.acked - r.stored);
      console.log(
        name.padEnd(38),
        r.rps.toFixed(0).padStart(8),
        (r.rps / floor.rps).toFixed(2).padStart(8),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        String(r.acked ?? '').padStart(8),
        String(r.stored ?? '').padStart(8),
        lost.padStart(7)
      );
    }

    const buckets = await insertHistory(db.client);
    console.log(
      `\nMost viewed over ${ARTICLES} articles × ${DAYS} days (${buckets} day buckets), 1 connection (latency, not queueing)`
    );
    for (const period of ['day', 'week', 'month', 'year', 'all', '24h', '7d', '30d']) {
      const top = summary(
        await load({
          url: `${app.url}/api/insights/views/top?type=article&period=${period}&locale=vi&limit=10`,
          duration: Math.max(3, seconds / 2),
          connections: 1,
        })
      );
      console.log(
        `top period=${period}`.padEnd(38),
        `${top.rps.toFixed(0)} req/s`.padStart(12),
        `p50 ${top.p50} ms`.padStart(12),
        `p99 ${top.p99} ms`.padStart(12),
        top.errors ? `errors ${top.errors}` : ''
      );
    }
  }
);
