/**
 * SQL snapshots of the hot queries, as Immich keeps them: the statements of a search (a word, a
 * phrase, an exclusion), of a citizen's submission (one statement: the request, its first event,
 * its deadlines and the citizen's mail) and of the live listings and item page of content, as
 * Kysely compiles them while the real pages and API answer. Each is kept in test/sql/<name>.sql;
 * the test fails when a statement differs from its file, so a reviewer sees every change to
 * these queries in the diff. After an intended change: `UPDATE_SQL_SNAPSHOTS=1 npm run test:sql`
 * rewrites the files (and removes those no longer written), then commit them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { factories, type TestSite } from './factories.ts';
import { SNAPSHOT_DIR, SqlRecorder, snapshotText, UPDATING } from './sql-snapshot.ts';

let t: TestApp;
let portal: TestSite;
let itemSlug: string;
const recorder = new SqlRecorder();
const written = new Set<string>();

beforeAll(async () => {
  t = await buildTestApp({ seed: false, env: { PAGE_CACHE: 'false' }, plugins: [recorder] });
  const f = factories(t);
  portal = await f.site();
  // A ward: the portal's searches cover its component sites too.
  await f.site({ kind: 'ward' });
  itemSlug = (await f.item(portal, 'live', { title: 'Hướng dẫn thủ tục đăng ký hộ kinh doanh' })).slug;
  await f.item(portal, 'live', { title: 'Thông báo đăng ký kết hôn trực tuyến' });
  // Whether words count as rare (and the candidates come from the GIN index) depends on the
  // planner's statistics: take them now, so that both engines plan the same statement.
  await sql`analyze search_documents`.execute(t.db.db);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ url, headers: { host: portal.host } });

/** Compares the one statement `pick` selects with test/sql/<name>.sql (or writes the file when updating). */
function matchesSnapshot(name: string, title: string, statements: readonly string[], pick: (statement: string) => boolean): void {
  const picked = statements.filter(pick);
  expect(picked, `${name}: exactly one statement of those run should be picked`).toHaveLength(1);
  const text = snapshotText(title, picked[0]!);
  const file = path.join(SNAPSHOT_DIR, `${name}.sql`);
  written.add(`${name}.sql`);
  if (UPDATING) {
    fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  const hint = 'if the change is intended, run UPDATE_SQL_SNAPSHOTS=1 npm run test:sql and commit the file';
  expect(fs.existsSync(file), `test/sql/${name}.sql is missing: ${hint}`).toBe(true);
  expect(text, `the SQL of test/sql/${name}.sql changed: ${hint}`).toBe(fs.readFileSync(file, 'utf8'));
}

describe('search (search.repo.ts: candidates and ranking in one statement)', () => {
  const searchStatement = (s: string) => s.trimStart().startsWith('with cand as');

  it('for words', async () => {
    let body = '';
    const statements = await recorder.record(async () => {
      body = (await get(`/tim-kiem?q=${encodeURIComponent('thủ tục')}`)).body;
    });
    expect(body).toContain('thủ tục');
    matchesSnapshot('search-words', 'Search for words: GET /tim-kiem?q=thủ tục', statements, searchStatement);
  });

  it('for a quoted phrase', async () => {
    let body = '';
    const statements = await recorder.record(async () => {
      body = (await get(`/tim-kiem?q=${encodeURIComponent('"đăng ký hộ"')}`)).body;
    });
    expect(body).toContain('Hướng dẫn');
    expect(body).not.toContain('Thông báo đăng ký kết hôn');
    matchesSnapshot('search-phrase', 'Search for a phrase: GET /tim-kiem?q="đăng ký hộ"', statements, searchStatement);
  });

  it('with an exclusion', async () => {
    let body = '';
    const statements = await recorder.record(async () => {
      body = (await get(`/tim-kiem?q=${encodeURIComponent('đăng ký -kết')}`)).body;
    });
    expect(body).toContain('Hướng dẫn');
    expect(body).not.toContain('Thông báo đăng ký kết hôn');
    matchesSnapshot('search-exclusion', 'Search with an exclusion: GET /tim-kiem?q=đăng ký -kết', statements, searchStatement);
  });
});

describe('a citizen’s submission (inquiries.repo.ts insertReceivedAtOnce, with calendar deadlines and mail)', () => {
  it('is one statement', async () => {
    let status = 0;
    const statements = await recorder.record(async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/inquiries',
        headers: { host: portal.host, 'content-type': 'application/json' },
        payload: JSON.stringify({
          site: portal.code,
          kind: 'question',
          field: 'giao-duc',
          title: 'Tuyển sinh lớp 1 năm học 2027–2028',
          content: 'Con tôi sinh năm 2021; xin hỏi có được đăng ký học trường gần nơi tạm trú không?',
          name: 'Lê Thị Mai',
          email: 'mai@example.com',
          phone: '0987 654 321',
          address: 'số 5 phố Lê Thanh Nghị',
          consentPrivacy: true,
        }),
      });
      status = res.statusCode;
    });
    expect(status).toBe(201);
    matchesSnapshot(
      'inquiry-submission',
      'A citizen’s submission: POST /api/v1/inquiries',
      statements,
      (s) => s.trimStart().startsWith('with ') && s.includes('insert into "inquiries"'),
    );
  });
});

describe('live content (public.repo.ts, content.repo.ts)', () => {
  it('of a listing: the count and the page', async () => {
    const statements = await recorder.record(async () => {
      expect((await get('/tin-tuc')).statusCode).toBe(200);
    });
    const live = (s: string) => s.includes('from "content_items"') && s.includes('"content_items"."visibility" = ');
    matchesSnapshot('content-live-count', 'Live items of a listing, counted: GET /tin-tuc', statements, (s) => live(s) && s.startsWith('select count(*)'));
    matchesSnapshot('content-live-list', 'Live items of a listing, one page: GET /tin-tuc', statements, (s) => live(s) && s.includes(' limit '));
  });

  it('of an item page', async () => {
    const statements = await recorder.record(async () => {
      expect((await get(`/tin/${itemSlug}`)).statusCode).toBe(200);
    });
    matchesSnapshot('content-live-item', 'A live item by its address: GET /tin/<slug>', statements, (s) => s.includes('"content_items"."slug" = '));
  });
});

it('keeps no snapshot file that the test does not write', () => {
  const files = fs.existsSync(SNAPSHOT_DIR) ? fs.readdirSync(SNAPSHOT_DIR).filter((f) => f.endsWith('.sql')) : [];
  const stale = files.filter((f) => !written.has(f));
  if (UPDATING) for (const f of stale) fs.rmSync(path.join(SNAPSHOT_DIR, f));
  else expect(stale, 'snapshots no longer written: UPDATE_SQL_SNAPSHOTS=1 npm run test:sql removes them').toEqual([]);
});
