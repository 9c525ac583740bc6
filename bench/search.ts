/**
 * npm run bench:search — the search platform on a generated corpus of realistic Vietnamese
 * documents (bench/search-corpus.ts, deterministic): indexing throughput through the same
 * SearchService the product uses, then p50/p95 latency of each query kind with ranking,
 * snippets and the result count, as the search page asks for them (page 1, 10 results).
 *
 * Targets (issue #5): p95 < 50 ms on PostgreSQL at 200,000 documents and < 250 ms on PGlite
 * at 50,000, for every query kind.
 *
 * Settings: BENCH_ENGINES=postgres,pglite (default both); BENCH_DOCS_POSTGRES (200000),
 * BENCH_DOCS_PGLITE (50000); BENCH_REPEAT (5 timed runs of each query after one warm-up);
 * BENCH_KEEP=1 keeps the loaded databases (PostgreSQL database cong_bench_search, PGlite
 * directory data/bench-search-pglite) and reuses them next time when the count matches.
 * PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL (a server URL), else
 * postgres://postgres@127.0.0.1:5432/postgres.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, withTx, type DatabaseHandle } from '../src/platform/db/create-db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { SearchService, type SearchDocument } from '../src/modules/search/search.service.ts';
import { benchmarkQueries, generateCorpus } from './search-corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((s) => s.trim());
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const KEEP = process.env.BENCH_KEEP === '1';
const SITES = 30;
const BATCH = 250;

interface Loaded {
  handle: DatabaseHandle;
  search: SearchService;
  siteIds: number[];
  indexing?: { docs: number; seconds: number };
  done(): Promise<void>;
}

async function openPostgres(docs: number): Promise<{ handle: DatabaseHandle; fresh: boolean; done(): Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = 'cong_bench_search';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  let fresh = !exists;
  if (exists && KEEP) {
    const url = new URL(server);
    url.pathname = `/${name}`;
    const probe = new pg.Client({ connectionString: url.toString() });
    await probe.connect();
    const n = await probe.query('select count(*)::int as n from search_texts').catch(() => ({ rows: [{ n: -1 }] }));
    await probe.end();
    if (n.rows[0].n !== docs) fresh = true;
  } else if (exists) fresh = true;
  if (fresh) {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    handle,
    fresh,
    async done() {
      await handle.close();
      if (KEEP) return;
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name}`);
      await dropper.end();
    },
  };
}

async function openPglite(docs: number): Promise<{ handle: DatabaseHandle; fresh: boolean; done(): Promise<void> }> {
  const dir = path.join(ROOT, 'data', 'bench-search-pglite');
  const fresh = true;
  if (KEEP && fs.existsSync(dir)) {
    const handle = await openDatabase({ dataDir: dir });
    const n = await sql<{ n: number }>`select count(*)::int as n from search_texts`.execute(handle.db).catch(() => ({ rows: [{ n: -1 }] }));
    if (n.rows[0]!.n === docs) return { handle, fresh: false, done: () => handle.close() };
    await handle.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const handle = await openDatabase({ dataDir: dir });
  void fresh;
  return {
    handle,
    fresh: true,
    async done() {
      await handle.close();
      if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function load(engine: string, docs: number): Promise<Loaded> {
  const opened = engine === 'postgres' ? await openPostgres(docs) : await openPglite(docs);
  const { handle } = opened;
  await migrate(handle.db);
  const search = new SearchService(handle.db);
  search.registerType({ type: 'bench', label: (lang) => (lang === 'vi' ? 'Tin bài' : 'Articles'), fields: { summary: 'B', body: 'C' } });
  let siteIds = (await sql<{ id: number }>`select id from sites where code like 'bench%' order by id`.execute(handle.db)).rows.map((r) => r.id);
  let indexing: Loaded['indexing'];
  if (opened.fresh || siteIds.length !== SITES) {
    const portal = (
      await sql<{ id: number }>`insert into sites (code, kind, name_vi, name_en) values ('bench', 'portal', 'Cổng', 'Portal') returning id`.execute(handle.db)
    ).rows[0]!.id;
    siteIds = [portal];
    for (let i = 1; i < SITES; i++) {
      siteIds.push(
        (
          await sql<{
            id: number;
          }>`insert into sites (code, kind, parent_id, name_vi, name_en) values (${`bench${i}`}, 'ward', ${portal}, ${`Phường ${i}`}, ${`Ward ${i}`}) returning id`.execute(
            handle.db,
          )
        ).rows[0]!.id,
      );
    }
    const started = performance.now();
    let batch: SearchDocument[] = [];
    let done = 0;
    const flush = async () => {
      const rows = batch;
      batch = [];
      await withTx(handle.db, (tx) => search.indexMany(tx, 'bench', rows));
      done += rows.length;
      if (done % 20_000 === 0)
        process.stdout.write(`  ${engine}: ${done} documents indexed (${Math.round(done / ((performance.now() - started) / 1000))}/s)\n`);
    };
    for (const d of generateCorpus(docs)) {
      batch.push({
        refId: d.n,
        siteId: siteIds[d.siteIndex]!,
        lang: d.lang,
        kind: d.kind,
        publishedAt: d.publishedAt,
        path: `/tin/bai-${d.n}`,
        title: d.title,
        summary: d.summary,
        fields: { summary: d.summary, body: d.body },
      });
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    const seconds = (performance.now() - started) / 1000;
    indexing = { docs, seconds };
    await search.refreshStatistics(true);
  }
  return { handle, search, siteIds, ...(indexing ? { indexing } : {}), done: opened.done };
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

interface Row {
  engine: string;
  docs: number;
  kind: string;
  queries: number;
  p50: number;
  p95: number;
  max: number;
  avgHits: number;
}

async function measure(engine: string, docs: number): Promise<{ rows: Row[]; indexing?: Loaded['indexing'] }> {
  console.log(`\n${engine}: ${docs} documents`);
  const loaded = await load(engine, docs);
  const set = benchmarkQueries();
  const kinds: [string, string[], (ids: number[]) => number[]][] = [
    ['one word, common', set.oneWordCommon, (ids) => ids],
    ['one word, rare', set.oneWordRare, (ids) => ids],
    ['two words', set.twoWord, (ids) => ids],
    ['"phrase"', set.phrase, (ids) => ids],
    ['no diacritics', set.noDiacritics, (ids) => ids],
    ['one word, one ward', set.oneWordCommon, (ids) => [ids[7]!]],
    ['two words, one ward', set.twoWord, (ids) => [ids[7]!]],
  ];
  const rows: Row[] = [];
  for (const [kind, queries, scopeOf] of kinds) {
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const scope = { siteIds: scopeOf(loaded.siteIds) };
      await loaded.search.search({ q, scope });
      for (let i = 0; i < REPEAT; i++) {
        const t0 = performance.now();
        const r = await loaded.search.search({ q, scope });
        times.push(performance.now() - t0);
        if (i === 0) hits += r.total;
      }
    }
    times.sort((a, b) => a - b);
    rows.push({
      engine,
      docs,
      kind,
      queries: queries.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1]!,
      avgHits: hits / queries.length,
    });
    console.log(`  ${kind.padEnd(22)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`);
  }
  const indexing = loaded.indexing;
  await loaded.done();
  return { rows, ...(indexing ? { indexing } : {}) };
}

const results: { rows: Row[]; indexing?: Loaded['indexing']; engine: string }[] = [];
for (const engine of ENGINES) {
  const docs = Number(engine === 'postgres' ? (process.env.BENCH_DOCS_POSTGRES ?? 200_000) : (process.env.BENCH_DOCS_PGLITE ?? 50_000));
  results.push({ engine, ...(await measure(engine, docs)) });
}

console.log('\n| engine | documents | query kind | queries | p50 ms | p95 ms | max ms | matches (avg, capped) | target p95 |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
let failed = false;
for (const { rows, engine } of results) {
  const target = engine === 'postgres' ? 50 : 250;
  for (const r of rows) {
    const ok = r.p95 < target;
    if (!ok) failed = true;
    console.log(
      `| ${r.engine} | ${r.docs} | ${r.kind} | ${r.queries} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${Math.round(r.avgHits)} | < ${target} ${ok ? '✓' : '✗'} |`,
    );
  }
}
for (const { indexing, engine } of results) {
  if (indexing)
    console.log(
      `\nIndexing, ${engine}: ${indexing.docs} documents in ${indexing.seconds.toFixed(0)} s = ${Math.round(indexing.docs / indexing.seconds)} documents/s (batches of ${BATCH}, one transaction each)`,
    );
}
if (failed) process.exitCode = 1;
