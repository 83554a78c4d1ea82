// Search benchmark, on SQLite and on PostgreSQL: the seed content plus 10,000 generated articles
// (bench/search-corpus.js), indexed by `npm run search:reindex`, then every labelled query of
// bench/search-queries.json sent to GET /api/search as a reader would.
// Prints per database: nDCG@10 and the share of queries whose first hit is one of the best (over the labels),
// and the latency (p50, p95) of the search beside the app's no-op route, one request at a time, interleaved.
// Labels: a query looks for its `target` (what the reader meant, with its marks). An entry whose title holds the
// target as whole words is grade 2, one whose text does is grade 1 (compared as NFC lowercase text).
// Usage: node bench/search.js [rounds of latency over all queries, default 2]
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const knexFactory = require('knex');
const { appDatabaseEnv, server } = require('../scripts/postgres');
const { createDatabase, secrets, startApp } = require('./lib');
const { generateArticles } = require('./search-corpus');
const queries = require('./search-queries.json');

const ARTICLES = 10_000;
const rounds = Number(process.argv[2] ?? 2);
const root = path.join(__dirname, '..');
const port = 15370 + (process.pid % 500);

const normal = (text) => text.normalize('NFC').toLowerCase();
const holds = (text, target) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${normal(target)}($|[^\\p{L}\\p{N}])`, 'u').test(normal(text));
const grade = (entry, target) =>
  holds(entry.title, target) ? 2 : holds(entry.body, target) ? 1 : 0;

const dcg = (grades) => grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const insertCorpus = async (knex) => {
  const now = new Date().toISOString();
  const rows = generateArticles(ARTICLES).map((article) => ({
    document_id: article.documentId,
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    body: JSON.stringify(article.body),
    author: article.author,
    published_date: article.publishedDate,
    locale: 'vi',
    published_at: now,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 200) await knex('articles').insert(rows.slice(i, i + 200));
};

const run = (script, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, script)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last = '';
    child.stdout.on('data', (chunk) => {
      last = String(chunk).trim().split('\n').pop();
      process.stdout.write(`\r  ${last.padEnd(60)}`);
    });
    child.once('exit', (code) =>
      code === 0 ? (process.stdout.write('\n'), resolve()) : reject(new Error(`${script}: ${code}`))
    );
  });

const timed = async (url) => {
  const started = process.hrtime.bigint();
  const res = await fetch(url);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, body };
};

const measure = async (label, knex, env) => {
  console.log(`\n${label}: seed + ${ARTICLES} generated articles`);
  // First start: schema, seed, search tables; then the generated articles and a full reindex.
  const first = await startApp('unused', port, env);
  await first.stop();
  await insertCorpus(knex);
  await run('scripts/search-reindex.js', { ...secrets, LOG_LEVEL: 'error', ...env });
  const truth = await knex('search_entries')
    .where({ locale: 'vi' })
    .select('content_type', 'document_id', 'title', 'body');
  const entry = new Map(truth.map((row) => [`${row.content_type}:${row.document_id}`, row]));
  const app = await startApp('unused', port, env);
  try {
    const url = (q) => `${app.url}/api/search?q=${encodeURIComponent(q)}&pageSize=10`;
    const byKind = new Map();
    let ndcgSum = 0;
    let bestFirst = 0;
    for (const query of queries) {
      const { body } = await timed(url(query.q));
      const ideal = truth.map((entry) => grade(entry, query.target)).sort((a, b) => b - a);
      const grades = body.data.map((hit) =>
        grade(entry.get(`${hit.type}:${hit.documentId}`), query.target)
      );
      const ndcg = dcg(ideal.slice(0, 10)) === 0 ? 0 : dcg(grades) / dcg(ideal.slice(0, 10));
      ndcgSum += ndcg;
      if (grades[0] === ideal[0] && ideal[0] > 0) bestFirst += 1;
      const kind = byKind.get(query.kind) ?? { n: 0, sum: 0 };
      byKind.set(query.kind, { n: kind.n + 1, sum: kind.sum + ndcg });
    }
    const search = [];
    const noop = [];
    for (let round = 0; round < rounds; round += 1)
      for (const query of queries) {
        search.push((await timed(url(query.q))).ms);
        noop.push((await timed(`${app.url}/api/bench/noop`)).ms);
      }
    console.log(
      `  nDCG@10 ${(ndcgSum / queries.length).toFixed(3)}   best hit first ${((100 * bestFirst) / queries.length).toFixed(1)} %   (${queries.length} queries)`
    );
    console.log(
      `  by kind: ${[...byKind].map(([kind, { n, sum }]) => `${kind} ${(sum / n).toFixed(3)} (${n})`).join(', ')}`
    );
    console.log(
      `  latency over ${search.length} requests, one at a time: search p50 ${percentile(search, 50).toFixed(1)} ms p95 ${percentile(search, 95).toFixed(1)} ms | no-op p50 ${percentile(noop, 50).toFixed(1)} ms p95 ${percentile(noop, 95).toFixed(1)} ms | p95 ratio ${(percentile(search, 95) / percentile(noop, 95)).toFixed(1)}x`
    );
  } finally {
    await app.stop();
  }
};

const sqlite = async () => {
  const file = `.tmp/search-bench-${process.pid}.db`;
  const env = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file };
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(root, file) },
    useNullAsDefault: true,
  });
  try {
    await measure('SQLite (FTS5)', knex, env);
  } finally {
    await knex.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(path.join(root, `${file}${suffix}`), { force: true });
  }
};

const postgres = async () => {
  const db = await createDatabase('hoi_lhpn_bench_search');
  const env = appDatabaseEnv(db.database);
  const knex = knexFactory({ client: 'pg', connection: { ...server, database: db.database } });
  try {
    await measure('PostgreSQL (tsvector)', knex, env);
  } finally {
    await knex.destroy();
    await db.drop();
  }
};

sqlite()
  .then(postgres)
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
