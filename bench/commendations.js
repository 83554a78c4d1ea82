// Benchmark of a unit's commendations with include=descendants on PostgreSQL: a generated tree of 10,000 units
// (1 central, 63 provinces, 700 districts, the rest communes) and 100,000 published awards (random issuer,
// half with a collective recipient). Prints req/s, p50 and p99 per unit level, one connection (latency).
// Usage: node bench/commendations.js [seconds per run, default 10]
const { benchmark, load, summary } = require('./lib');

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
    INSERT INTO awards (document_id, title, slug, form, decision_date, award_status, counted_collectives, counted_individuals,
      collective_count, individual_count, locale, published_at, created_at, updated_at)
    SELECT 'award' || lpad(n::text, 19, '0'), 'Khen thưởng ' || n, 'khen-thuong-' || n,
      (ARRAY['certificate_of_merit','certificate_of_commendation','emulation_flag','emulation_title'])[1 + n % 4],
      DATE '2015-01-01' + (n % 3650), 'active', 0, 1, 0, 1, 'vi', now(), now(), now()
    FROM generate_series(1, ${AWARDS}) AS n`);
  await client.query(`
    INSERT INTO awards_issuer_lnk (award_id, organization_id)
    SELECT a.id, 1 + (hashtext(a.document_id) & 2147483647) % ${UNITS} FROM awards a`);
  await client.query(`
    WITH picked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM awards WHERE id % 2 = 0),
    made AS (INSERT INTO components_award_recipients (kind) SELECT 'collective' FROM picked RETURNING id),
    numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM made)
    INSERT INTO awards_cmps (entity_id, cmp_id, component_type, field, "order")
    SELECT p.id, m.id, 'award.recipient', 'recipients', 1 FROM picked p JOIN numbered m USING (n)`);
  await client.query(`
    INSERT INTO components_award_recipients_organization_lnk (recipient_id, organization_id)
    SELECT c.cmp_id, 1 + (hashtext(c.cmp_id::text) & 2147483647) % ${UNITS} FROM awards_cmps c WHERE c.field = 'recipients'`);
  await client.query('ANALYZE');
};

benchmark(
  'hoi_lhpn_bench_commendations',
  14370 + (process.pid % 500),
  {
    SEED_ON_EMPTY_DATABASE: 'false',
  },
  async ({ db, app }) => {
    await generate(db.client);
    const unitOf = async (level) =>
      (
        await db.client.query(
          `SELECT document_id FROM organizations WHERE level = $1 ORDER BY id LIMIT 1`,
          [level]
        )
      ).rows[0].document_id;
    console.log(
      `\nCommendations with include=descendants, PostgreSQL, ${UNITS} units, ${AWARDS} awards, 1 connection`
    );
    for (const level of ['commune', 'district', 'province']) {
      const unit = await unitOf(level);
      const first = await (
        await fetch(`${app.url}/api/insights/units/${unit}/commendations?include=descendants`)
      ).json();
      const r = summary(
        await load({
          url: `${app.url}/api/insights/units/${unit}/commendations?include=descendants`,
          duration: seconds,
          connections: 1,
        })
      );
      console.log(
        `${level.padEnd(9)} ${String(first.meta.units).padStart(5)} units ${String(first.data.length).padStart(6)} awards`,
        `${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms`,
        r.errors ? `errors ${r.errors}` : ''
      );
    }
  }
);
