/**
 * The search platform on a real database (PGlite, or PostgreSQL with DATABASE_URL): folding,
 * exact-first ranking, phrases, exclusions, filters, snippets, suggestions, autocomplete, the
 * registration interface, and input that must never become an error.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { withTx } from '../../platform/db/create-db.ts';
import { SearchService, type SearchDocument } from './search.service.ts';

let handle: TestDatabase;
let search: SearchService;
let siteA: number;
let siteB: number;

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

function doc(refId: number, title: string, body: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return { refId, siteId: siteA, lang: 'vi', kind: 'news', publishedAt: day(refId), path: `/tin/${refId}`, title, summary: '', fields: { body }, ...extra };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  siteA = (
    await sql<{ id: number }>`insert into sites (code, kind, name_vi, name_en) values ('cong', 'portal', 'Cổng', 'Portal') returning id`.execute(handle.db)
  ).rows[0]!.id;
  siteB = (
    await sql<{
      id: number;
    }>`insert into sites (code, kind, parent_id, name_vi, name_en) values ('phuong', 'ward', ${siteA}, 'Phường', 'Ward') returning id`.execute(handle.db)
  ).rows[0]!.id;
  search = new SearchService(handle.db);
  search.registerType({ type: 'article', label: (lang) => (lang === 'vi' ? 'Tin bài' : 'Articles'), fields: { summary: 'B', body: 'C', attachments: 'D' } });
  await withTx(handle.db, async (tx) => {
    await search.index(
      tx,
      'article',
      doc(1, 'Quy chế quản lý đường dây nóng', 'Ban chỉ đạo cải cách hành chính vận hành đường dây nóng để tiếp nhận phản ánh.'),
    );
    await search.index(tx, 'article', doc(2, 'Công khai thủ tục hành chính tại bộ phận một cửa', 'Các thủ tục hành chính được niêm yết công khai.'));
    await search.index(tx, 'article', doc(3, 'Tin về đường phố', 'Đường dây điện và nóng lòng chờ đợi: không phải cụm từ cần tìm.'));
    await search.index(tx, 'article', doc(4, 'Dương lịch và dưỡng sinh', 'Bài viết có chữ duong không dấu và dương lịch.'));
    await search.index(tx, 'article', doc(5, 'Đường giao thông nông thôn', 'Dự án làm đường.', { siteId: siteB, kind: 'project' }));
    await search.index(tx, 'article', doc(6, 'Quyết định số 90/2006/QĐ-UBND', 'Văn bản quy phạm pháp luật.', { lang: 'vi' }));
    await search.index(
      tx,
      'article',
      doc(7, 'Hanoi rolls out online public services', 'English text about the hotline.', { lang: 'en', path: '/english/news/7' }),
    );
    await search.index(tx, 'article', doc(10, 'Đường sắt đô thị theo chuyên mục', 'Bài có chuyên mục và chủ đề.', { categoryId: 77, topicIds: [5, 9] }));
  });
});
afterAll(async () => {
  await handle?.destroy();
});

const scope = () => ({ siteIds: [siteA, siteB] });
const titles = async (q: string, extra: object = {}) => (await search.search({ q, scope: { ...scope(), ...extra } })).hits.map((h) => h.title);

describe('finding', () => {
  it('finds words with or without diacritics', async () => {
    expect(await titles('thủ tục hành chính')).toContain('Công khai thủ tục hành chính tại bộ phận một cửa');
    expect(await titles('thu tuc hanh chinh')).toContain('Công khai thủ tục hành chính tại bộ phận một cửa');
    expect(await titles('THU TUC')).toContain('Công khai thủ tục hành chính tại bộ phận một cửa');
  });

  it('puts exact-diacritic matches above folded ones when diacritics are typed', async () => {
    const hits = await titles('đường');
    expect(hits.slice(0, 3)).not.toContain('Dương lịch và dưỡng sinh');
    expect(hits).toContain('Dương lịch và dưỡng sinh');
    expect((await titles('dương'))[0]).toBe('Dương lịch và dưỡng sinh');
  });

  it('matches a quoted phrase only where its words are adjacent', async () => {
    const hits = await titles('"đường dây nóng"');
    expect(hits).toEqual(['Quy chế quản lý đường dây nóng']);
    expect(await titles('"duong day nong"')).toEqual(['Quy chế quản lý đường dây nóng']);
  });

  it('excludes words with a minus', async () => {
    expect(await titles('đường -nóng')).not.toContain('Quy chế quản lý đường dây nóng');
    expect(await titles('đường -nóng')).toContain('Đường giao thông nông thôn');
  });

  it('finds the parts of a document number', async () => {
    expect(await titles('90/2006/QĐ-UBND')).toEqual(['Quyết định số 90/2006/QĐ-UBND']);
    expect(await titles('qd-ubnd 90')).toEqual(['Quyết định số 90/2006/QĐ-UBND']);
  });

  it('filters by site, type, language and date', async () => {
    expect(await titles('đường', { siteIds: [siteB] })).toEqual(['Đường giao thông nông thôn']);
    expect(await titles('đường', { types: [{ docType: 'article', kind: 'project' }] })).toEqual(['Đường giao thông nông thôn']);
    expect(await titles('hotline', { lang: 'en' })).toEqual(['Hanoi rolls out online public services']);
    expect(await titles('đường', { from: day(5), to: day(6) })).toEqual(['Đường giao thông nông thôn']);
    expect(await titles('đường', { categoryIds: [77] })).toEqual(['Đường sắt đô thị theo chuyên mục']);
    expect(await titles('đường', { topicId: 9 })).toEqual(['Đường sắt đô thị theo chuyên mục']);
    expect(await titles('đường', { topicId: 6 })).toEqual([]);
  });

  it('highlights the matched words in the snippet and the title', async () => {
    const [hit] = (await search.search({ q: 'duong day nong', scope: scope() })).hits;
    expect(hit!.titleParts.filter((p) => p.mark).map((p) => p.text)).toEqual(['đường', 'dây', 'nóng']);
    expect(hit!.snippet.some((p) => p.mark && p.text === 'đường')).toBe(true);
  });

  it('follows withdrawal at once', async () => {
    await withTx(handle.db, (tx) => search.index(tx, 'article', doc(8, 'Thông báo tạm thời', 'Sẽ bị gỡ.')));
    expect(await titles('tạm thời')).toEqual(['Thông báo tạm thời']);
    await withTx(handle.db, (tx) => search.remove(tx, 'article', 8));
    expect(await titles('tạm thời')).toEqual([]);
  });

  it('suggests a correction when a typo finds nothing', async () => {
    const r = await search.search({ q: 'quy che quan ly duong day nong', scope: scope() });
    expect(r.total).toBe(1);
    const typo = await search.search({ q: 'quy che quan ly duong day nogn', scope: scope() });
    expect(typo.total).toBe(0);
    expect(typo.suggestion?.text).toBe('quy chế quản lý đường dây nóng');
    expect(typo.suggestion?.hits[0]?.title).toBe('Quy chế quản lý đường dây nóng');
  });

  it('completes titles from a few letters, with or without diacritics', async () => {
    expect((await search.suggestTitles('cong khai', scope())).map((t) => t.title)).toEqual(['Công khai thủ tục hành chính tại bộ phận một cửa']);
    expect((await search.suggestTitles('giao thông', scope())).map((t) => t.title)).toEqual(['Đường giao thông nông thôn']);
  });
});

describe('registration', () => {
  it('refuses unknown types and bad codes', async () => {
    expect(() => search.registerType({ type: 'Bad Code', label: () => '', fields: {} })).toThrow();
    await expect(withTx(handle.db, (tx) => search.index(tx, 'unknown', doc(9, 'x', 'y')))).rejects.toThrow(/not registered/);
  });

  it('indexes declared fields with their weights: a title word outranks a body word', async () => {
    const other = new SearchService(handle.db);
    other.registerType({ type: 'faq', label: (lang) => (lang === 'vi' ? 'Hỏi đáp' : 'Q&A'), fields: { question: 'A', answer: 'C' } });
    await withTx(handle.db, async (tx) => {
      await other.index(tx, 'faq', {
        refId: 'a',
        siteId: siteA,
        lang: 'vi',
        publishedAt: day(30),
        path: '/hoi-dap/a',
        title: 'Câu hỏi thứ nhất',
        fields: { question: 'Hỏi về lệ phí trước bạ', answer: 'Trả lời.' },
      });
      await other.index(tx, 'faq', {
        refId: 'b',
        siteId: siteA,
        lang: 'vi',
        publishedAt: day(31),
        path: '/hoi-dap/b',
        title: 'Câu hỏi thứ hai',
        fields: { question: 'Hỏi khác', answer: 'Lệ phí trước bạ nộp tại kho bạc.' },
      });
    });
    const r = await other.search({ q: 'le phi truoc ba', scope: { ...scope(), types: [{ docType: 'faq' }] } });
    expect(r.hits.map((h) => h.refId)).toEqual(['a', 'b']);
  });
});

describe('bad input never becomes an error', () => {
  const nasty = [
    '',
    '   ',
    '"',
    '"đường dây',
    '!!!???...',
    "'; drop table search_documents; --",
    'a & | ! <-> :* (b',
    "'quoted' & 'lexeme':*",
    'x'.repeat(10_000),
    'đường '.repeat(2_000),
    'Thủ tục 行政 процедура 🚀',
    'thu\u0309 tu\u0323c', // decomposed (NFD) diacritics
    '\u0000\u0001\u200b',
    '-',
    '-đường',
    '- - -',
    '""',
    '"" -""',
    '\\',
    '%_%',
  ];
  for (const q of nasty) {
    it(`answers ${JSON.stringify(q.slice(0, 30))}${q.length > 30 ? '…' : ''}`, async () => {
      const r = await search.search({ q, scope: scope() });
      expect(Array.isArray(r.hits)).toBe(true);
      expect(r.total).toBeGreaterThanOrEqual(0);
      await search.suggestTitles(q, scope());
    });
  }

  it('reads decomposed Unicode like composed', async () => {
    expect(await titles('thu\u0309 tu\u0323c')).toContain('Công khai thủ tục hành chính tại bộ phận một cửa');
  });

  it('explains empty and exclusion-only queries', async () => {
    expect((await search.search({ q: '!!!', scope: scope() })).notices).toContain('empty');
    expect((await search.search({ q: '-đường', scope: scope() })).notices).toContain('only_exclusions');
    expect((await search.search({ q: 'x'.repeat(10_000), scope: scope() })).notices).toContain('truncated');
  });

  it('handles pages beyond the results', async () => {
    const r = await search.search({ q: 'đường', scope: scope(), page: 50 });
    expect(r.hits).toEqual([]);
    expect(r.notices).toContain('page_out_of_range');
    expect(r.total).toBeGreaterThan(0);
    const far = await search.search({ q: 'đường', scope: scope(), page: 1e9 });
    expect(far.notices).toContain('page_out_of_range');
  });

  it('handles filters that match nothing', async () => {
    expect((await search.search({ q: 'đường', scope: { siteIds: [] } })).hits).toEqual([]);
    expect((await search.search({ q: 'đường', scope: { siteIds: [999_999] } })).hits).toEqual([]);
    expect((await search.search({ q: 'đường', scope: { ...scope(), from: day(100), to: day(1) } })).hits).toEqual([]);
  });
});
