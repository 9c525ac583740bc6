/**
 * Search relevance on the demo portal: a judged set of queries a citizen would type — with and
 * without diacritics, quoted phrases, one-letter typos, document numbers, exclusions — each with
 * the titles a good answer shows first (in order of preference). Reports precision@5 and the
 * reciprocal rank of the first relevant result per query, and fails when their means fall below
 * thresholds set a little under the values measured when the set was written (see the table the
 * test prints). Queries the search answers badly stay in the set, so the means say so.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import type { SearchHit, SearchResult } from '../src/modules/search/index.ts';

/**
 * Measured on the demo when the set was written — identical on PGlite and PostgreSQL — and the
 * thresholds a little below (measured − 0.05). Raise them when search gets better.
 */
const MEASURED = { precisionAt5: 0.96, mrr: 0.976, rightCorrections: 6 / 8 };
const MIN_MEAN_PRECISION_AT_5 = MEASURED.precisionAt5 - 0.05;
const MIN_MRR = MEASURED.mrr - 0.05;
/** Share of typo queries whose "Có phải bạn muốn tìm" is exactly the intended text. */
const MIN_RIGHT_CORRECTIONS = MEASURED.rightCorrections - 0.05;

type Rel = string | RegExp;
type Kind = 'accented' | 'plain' | 'phrase' | 'typo' | 'number' | 'exclusion';

interface Judged {
  q: string;
  kind: Kind;
  /** The relevant items, the most wanted first: a part of the title, or a pattern when one item is published under several titles. */
  relevant: readonly Rel[];
  /** Typos: the correction a citizen should be offered. */
  fix?: string;
}

// Titles (or unique parts of them) of the demo items, as judged below.
const PROC_PUBLIC = 'Công khai đầy đủ thủ tục hành chính';
const PROC_STATS = 'Số liệu giải quyết thủ tục hành chính quý III';
const PROC_QA = 'Hỏi đáp: Tra cứu tình trạng giải quyết hồ sơ thủ tục hành chính';
const PROC_AI = 'trả lời hỏi đáp về thủ tục hành chính';
const PROC_DIRECTIVE = 'kỷ cương hành chính trong giải quyết thủ tục';
/** The articles about administrative procedures (the issue's "procedure articles"). */
const PROCEDURES = [PROC_PUBLIC, PROC_QA, PROC_STATS, PROC_AI, PROC_DIRECTIVE];
const ONLINE_ROLLOUT = 'triển khai đồng bộ dịch vụ công trực tuyến toàn trình';
const ONLINE_HOWTO = 'Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến';
const BUILDING = 'cấp giấy phép xây dựng nhà ở riêng lẻ';
const BIRTH = 'Thủ tục đăng ký khai sinh';
const BIRTH_WARD = 'Phường Ba Đình hướng dẫn người dân đăng ký khai sinh';
const COPY = 'Chứng thực bản sao từ bản chính';
const RECEPTION_CITY = 'Thông báo lịch tiếp công dân định kỳ tháng 12';
const RECEPTION_MEETING = 'Chủ tịch UBND Thành phố tiếp công dân định kỳ tháng 11';
const RECEPTION_WARD = 'Lịch tiếp công dân của Chủ tịch UBND phường Ba Đình';
const FEEDBACK = 'Tiếp nhận phản ánh, kiến nghị của người dân';
const HOTLINE = 'Công bố số điện thoại đường dây nóng';
const HOTLINE_STATS = 'cuộc gọi đường dây nóng 10 tháng';
const REG_90 = '90/2006/QĐ-UBND';
/** QĐ 4263 is published twice: as a guidance item and as the portal's "operating rules" page (vi and en). */
const REG_4263 = /4263\/QĐ-UBND|^Quy chế quản lý, vận hành và cung cấp thông tin đối với Cổng|e-portals of Hanoi state agencies/;
const REG_7424 = '7424/QĐ-UBND';
const REG_819 = '819/QĐ-UBND';
const DIGITAL_PLAN = 'Kế hoạch chuyển đổi số Thành phố';
const DIGITAL_THEME = 'Chuyên đề: Chuyển đổi số';
const SECURITY = 'an toàn thông tin mạng';
const RECRUIT_2027 = 'kế hoạch tuyển dụng công chức năm 2027';
const RECRUIT_EXAM = 'Thi tuyển công chức Thành phố năm 2026';
const PRAISE = 'Tuyên dương 50 tập thể';
const HOLIDAY = 'nghỉ Tết Dương lịch năm 2027';
const ONE_STOP = 'một cửa, một cửa liên thông';
const WARD_HOURS = 'Phường Ba Đình thông báo lịch tiếp nhận hồ sơ';
const WORK_CALENDAR = 'Lịch làm việc của lãnh đạo UBND Thành phố tuần';
const REFORM_PLAN = 'Kế hoạch cải cách hành chính năm 2027';
/** Near-duplicate: "điểm nóng", "dây cáp", "tuyến đường" — every word of "đường dây nóng", never the phrase. */
const NOT_HOTLINE = 'điểm nóng ùn tắc, hạ ngầm dây cáp';

/*
 * Weak when the set was written (kept on purpose; the means include them):
 * - every word must be in the document: "xin giấy phép xây dựng nhà ở" misses the building-permit guide
 *   (no "xin") and shows only the long regulations; "đăng ký khai sinh cho con" misses the ward's article;
 * - "tuyển dụng công chức -2027": the exam article matches only because "dụng" folds to the "dung" of
 *   "nội dung", and a fixed page ranks above it;
 * - corrections: "chuyen dio so" → "chuyên đổi số" (the first title word that folds alike, with the wrong
 *   marks, which then ranks by those marks); "an toàn thông tni" → "an toàn thông thị" (a tie at one edit);
 * - unquoted "đường dây nóng": the near-duplicate ranks second (the rank ignores how close the words are).
 */
const JUDGED: readonly Judged[] = [
  // With diacritics.
  { q: 'thủ tục hành chính', kind: 'accented', relevant: PROCEDURES },
  { q: 'dịch vụ công trực tuyến', kind: 'accented', relevant: [ONLINE_HOWTO, ONLINE_ROLLOUT, REG_7424] },
  { q: 'cấp giấy phép xây dựng', kind: 'accented', relevant: [BUILDING] },
  { q: 'đăng ký khai sinh', kind: 'accented', relevant: [BIRTH, BIRTH_WARD] },
  { q: 'chứng thực bản sao', kind: 'accented', relevant: [COPY] },
  { q: 'tiếp công dân', kind: 'accented', relevant: [RECEPTION_CITY, RECEPTION_MEETING, RECEPTION_WARD] },
  { q: 'lịch tiếp công dân', kind: 'accented', relevant: [RECEPTION_CITY, RECEPTION_WARD] },
  { q: 'phản ánh kiến nghị', kind: 'accented', relevant: [FEEDBACK, HOTLINE_STATS] },
  { q: 'chuyển đổi số', kind: 'accented', relevant: [DIGITAL_PLAN, DIGITAL_THEME] },
  { q: 'an toàn thông tin', kind: 'accented', relevant: [SECURITY] },
  { q: 'tuyển dụng công chức', kind: 'accented', relevant: [RECRUIT_2027, RECRUIT_EXAM] },
  { q: 'tuyên dương', kind: 'accented', relevant: [PRAISE] },
  { q: 'bộ phận một cửa', kind: 'accented', relevant: [PROC_PUBLIC, ONE_STOP, WARD_HOURS] },
  { q: 'đường dây nóng', kind: 'accented', relevant: [HOTLINE, REG_90, HOTLINE_STATS] },
  { q: 'kế hoạch cải cách hành chính', kind: 'accented', relevant: [REFORM_PLAN] },
  { q: 'hỏi đáp', kind: 'accented', relevant: [PROC_QA, PROC_AI] },
  { q: 'nghỉ Tết Dương lịch', kind: 'accented', relevant: [HOLIDAY] },
  // … as citizens ask.
  { q: 'số điện thoại đường dây nóng', kind: 'accented', relevant: [HOTLINE] },
  { q: 'xin giấy phép xây dựng nhà ở', kind: 'accented', relevant: [BUILDING] },
  { q: 'đăng ký khai sinh cho con', kind: 'accented', relevant: [BIRTH, BIRTH_WARD] },
  // Without diacritics.
  { q: 'thu tuc hanh chinh', kind: 'plain', relevant: PROCEDURES },
  { q: 'dich vu cong truc tuyen', kind: 'plain', relevant: [ONLINE_HOWTO, ONLINE_ROLLOUT, REG_7424] },
  { q: 'giay phep xay dung', kind: 'plain', relevant: [BUILDING] },
  { q: 'dang ky khai sinh', kind: 'plain', relevant: [BIRTH, BIRTH_WARD] },
  { q: 'chung thuc ban sao', kind: 'plain', relevant: [COPY] },
  { q: 'tiep cong dan', kind: 'plain', relevant: [RECEPTION_CITY, RECEPTION_MEETING, RECEPTION_WARD] },
  { q: 'chuyen doi so', kind: 'plain', relevant: [DIGITAL_PLAN, DIGITAL_THEME] },
  { q: 'tuyen dung cong chuc', kind: 'plain', relevant: [RECRUIT_2027, RECRUIT_EXAM] },
  { q: 'duong day nong', kind: 'plain', relevant: [HOTLINE, REG_90, HOTLINE_STATS] },
  { q: 'nghi tet duong lich', kind: 'plain', relevant: [HOLIDAY] },
  { q: 'tuyen duong tap the ca nhan tieu bieu', kind: 'plain', relevant: [PRAISE] },
  { q: 'mot cua lien thong', kind: 'plain', relevant: [ONE_STOP] },
  { q: 'an toan thong tin mang', kind: 'plain', relevant: [SECURITY] },
  { q: 'tra cuu ho so', kind: 'plain', relevant: [PROC_QA, ONLINE_HOWTO] },
  { q: 'nop ho so truc tuyen', kind: 'plain', relevant: [ONLINE_HOWTO] },
  { q: 'lich lam viec lanh dao', kind: 'plain', relevant: [WORK_CALENDAR] },
  // Quoted phrases.
  { q: '"đường dây nóng"', kind: 'phrase', relevant: [HOTLINE, REG_90, HOTLINE_STATS] },
  { q: '"duong day nong"', kind: 'phrase', relevant: [HOTLINE, REG_90, HOTLINE_STATS] },
  { q: '"một cửa liên thông"', kind: 'phrase', relevant: [ONE_STOP] },
  { q: '"tiếp công dân" tháng 12', kind: 'phrase', relevant: [RECEPTION_CITY, RECEPTION_WARD] },
  { q: '"chứng thực bản sao"', kind: 'phrase', relevant: [COPY] },
  { q: '"cổng giao tiếp điện tử"', kind: 'phrase', relevant: [REG_90] },
  // One letter wrong, missing or swapped.
  { q: 'chung thuc bna sao', kind: 'typo', relevant: [COPY], fix: 'chứng thực bản sao' },
  { q: 'giay phep xay dugn', kind: 'typo', relevant: [BUILDING], fix: 'giấy phép xây dựng' },
  { q: 'dang ky khai snh', kind: 'typo', relevant: [BIRTH, BIRTH_WARD], fix: 'đăng ký khai sinh' },
  { q: 'tuyen dung cong chuv', kind: 'typo', relevant: [RECRUIT_2027, RECRUIT_EXAM], fix: 'tuyển dụng công chức' },
  { q: 'thủ tục hành chímh', kind: 'typo', relevant: PROCEDURES, fix: 'thủ tục hành chính' },
  { q: 'chuyen dio so', kind: 'typo', relevant: [DIGITAL_PLAN, DIGITAL_THEME], fix: 'chuyển đổi số' },
  { q: 'duong day nogn', kind: 'typo', relevant: [HOTLINE, REG_90, HOTLINE_STATS], fix: 'đường dây nóng' },
  { q: 'an toàn thông tni', kind: 'typo', relevant: [SECURITY], fix: 'an toàn thông tin' },
  // Document numbers.
  { q: '90/2006/QĐ-UBND', kind: 'number', relevant: [REG_90] },
  { q: '4263/QĐ-UBND', kind: 'number', relevant: [REG_4263] },
  { q: '819/QĐ-UBND', kind: 'number', relevant: [REG_819] },
  { q: '15/CT-UBND', kind: 'number', relevant: [PROC_DIRECTIVE] },
  { q: '08/CT-UBND', kind: 'number', relevant: [SECURITY] },
  { q: '23/2015/NĐ-CP', kind: 'number', relevant: [COPY] },
  { q: 'Nghị định 123/2015', kind: 'number', relevant: [BIRTH] },
  // Exclusions.
  { q: 'đăng ký khai sinh -"Ba Đình"', kind: 'exclusion', relevant: [BIRTH] },
  { q: 'lịch tiếp công dân -phường', kind: 'exclusion', relevant: [RECEPTION_CITY] },
  { q: 'tuyển dụng công chức -2027', kind: 'exclusion', relevant: [RECRUIT_EXAM] },
  { q: 'công chức -2027', kind: 'exclusion', relevant: [RECRUIT_EXAM] },
  { q: 'dich vu cong truc tuyen -"toan trinh"', kind: 'exclusion', relevant: [ONLINE_HOWTO, REG_7424] },
  { q: 'duong day nong -"quy che"', kind: 'exclusion', relevant: [HOTLINE, HOTLINE_STATS] },
];

let t: TestApp;
let siteIds: number[];

beforeAll(async () => {
  t = await buildTestApp();
  const sites = await t.modules.sites.listSites();
  const portal = sites.find((s) => s.code === 'hanoi')!;
  // The portal and every site below it, as the portal's own search covers them.
  siteIds = [portal.id];
  for (let i = 0; i < siteIds.length; i++) for (const s of sites) if (s.parent_id === siteIds[i] && !siteIds.includes(s.id)) siteIds.push(s.id);
});
afterAll(async () => {
  await t?.close();
});

const search = (q: string): Promise<SearchResult> => t.modules.search.search.search({ q, scope: { siteIds } });

/** The results a citizen sees: the hits, or the suggestion's ("Có phải bạn muốn tìm") when the query found nothing. */
function shown(r: SearchResult): { hits: SearchHit[]; suggestion?: string } {
  if (r.total === 0 && r.suggestion) return { hits: r.suggestion.hits, suggestion: r.suggestion.text };
  return { hits: r.hits };
}

const titles = (hits: readonly SearchHit[]) => hits.map((h) => h.title);
/** Index of the judged item a hit is, or -1. */
const judgedIndex = (relevant: readonly Rel[], hit: SearchHit) =>
  relevant.findIndex((r) => (typeof r === 'string' ? hit.title.includes(r) : r.test(hit.title)));
const isOne = (rel: Rel) => (hit: SearchHit) => judgedIndex([rel], hit) === 0;

interface Measured {
  judged: Judged;
  precision: number;
  rr: number;
  top: string[];
  suggestion?: string | undefined;
}

/** Precision@5 (relevant items among the first five / min(5, relevant items)) and the reciprocal rank of the first relevant one. */
function measure(judged: Judged, r: SearchResult): Measured {
  const { hits, suggestion } = shown(r);
  const top5 = hits.slice(0, 5);
  const relevantInTop5 = new Set(top5.map((h) => judgedIndex(judged.relevant, h)).filter((i) => i >= 0)).size;
  const first = hits.findIndex((h) => judgedIndex(judged.relevant, h) >= 0);
  return {
    judged,
    precision: relevantInTop5 / Math.min(5, judged.relevant.length),
    rr: first < 0 ? 0 : 1 / (first + 1),
    top: titles(top5),
    suggestion,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

describe('search relevance on the demo portal', () => {
  const results = new Map<string, SearchResult>();

  beforeAll(async () => {
    for (const j of JUDGED) results.set(j.q, await search(j.q));
  });

  it('judges at least 40 queries of every kind', () => {
    expect(JUDGED.length).toBeGreaterThanOrEqual(40);
    expect(new Set(JUDGED.map((j) => j.q)).size).toBe(JUDGED.length);
    for (const kind of ['accented', 'plain', 'phrase', 'typo', 'number', 'exclusion'] as const)
      expect(JUDGED.filter((j) => j.kind === kind).length, kind).toBeGreaterThanOrEqual(4);
  });

  it('keeps mean precision@5 and MRR at or above the thresholds', () => {
    const rows = JUDGED.map((j) => measure(j, results.get(j.q)!));
    const p5 = mean(rows.map((r) => r.precision));
    const mrr = mean(rows.map((r) => r.rr));
    const fixed = (r: Measured) => (r.judged.fix === undefined ? '' : r.suggestion === r.judged.fix ? ' ✓' : ' ✗');
    const line = (r: Measured) =>
      `${r.precision.toFixed(2).padStart(5)} ${r.rr.toFixed(2).padStart(5)}  ${r.judged.kind.padEnd(9)} ${short(r.judged.q, 38).padEnd(38)} ${r.suggestion ? `[→ ${r.suggestion}${fixed(r)}] ` : ''}${r.top.map((x) => short(x, 44)).join(' | ') || '—'}`;
    const typos = rows.filter((r) => r.judged.fix !== undefined);
    const right = typos.filter((r) => r.suggestion === r.judged.fix).length / typos.length;
    // Every result list in full, to compare engines (PGlite and PostgreSQL must agree).
    const digest = createHash('sha256')
      .update(JSON.stringify(JUDGED.map((j) => titles(shown(results.get(j.q)!).hits))))
      .digest('hex')
      .slice(0, 16);
    const byKind = [...new Set(JUDGED.map((j) => j.kind))].map((kind) => {
      const of = rows.filter((r) => r.judged.kind === kind);
      return `${mean(of.map((r) => r.precision))
        .toFixed(3)
        .padStart(5)} ${mean(of.map((r) => r.rr))
        .toFixed(3)
        .padStart(5)}  mean of ${kind} (${of.length})`;
    });
    console.log(
      [
        '  P@5    RR  kind      query                                  top 5 (→ suggestion when the query found nothing)',
        ...rows.map(line),
        ...byKind,
        `${p5.toFixed(3).padStart(5)} ${mrr.toFixed(3).padStart(5)}  mean P@5, MRR over ${rows.length} queries (thresholds ${MIN_MEAN_PRECISION_AT_5.toFixed(3)}, ${MIN_MRR.toFixed(3)})`,
        `typo corrections right: ${typos.filter((r) => r.suggestion === r.judged.fix).length}/${typos.length}; results digest ${digest}`,
      ].join('\n'),
    );
    expect(p5).toBeGreaterThanOrEqual(MIN_MEAN_PRECISION_AT_5);
    expect(mrr).toBeGreaterThanOrEqual(MIN_MRR);
    expect(right).toBeGreaterThanOrEqual(MIN_RIGHT_CORRECTIONS);
  });
});

describe('what the issue demands in any case', () => {
  /** The articles with "thủ tục hành chính" in their title. */
  const PROCEDURE_TITLES = [PROC_PUBLIC, PROC_STATS, PROC_QA, PROC_AI];

  it('finds the procedure articles first with and without diacritics', async () => {
    const plain = await search('thu tuc hanh chinh');
    const marked = await search('thủ tục hành chính');
    for (const r of [plain, marked]) {
      const top = r.hits.slice(0, 5);
      for (const title of PROCEDURE_TITLES) expect(top.some(isOne(title)), `${r.query.text}: ${title}`).toBe(true);
    }
    expect(titles(marked.hits.slice(0, 5)).sort()).toEqual(titles(plain.hits.slice(0, 5)).sort());
  });

  it('ranks exact-diacritic matches before matches that only agree once folded', async () => {
    for (const q of ['thủ tục hành chính', 'tuyên dương', 'đường dây nóng']) {
      const r = await search(q);
      expect(r.hits[0]!.exact, q).toBe(true);
      const firstFolded = r.hits.findIndex((h) => !h.exact);
      if (firstFolded >= 0)
        expect(
          r.hits.slice(firstFolded).every((h) => !h.exact),
          q,
        ).toBe(true);
    }
    // "tuyên dương" (praise) first; "tuyến đường", "lòng đường" only match folded, and come after it.
    const praise = await search('tuyên dương');
    expect(praise.hits[0]!.title).toContain(PRAISE);
    const road = praise.hits.findIndex(isOne(NOT_HOTLINE));
    expect(road).toBeGreaterThan(0);
    expect(praise.hits[road]!.exact).toBe(false);
    // Without diacritics the same words are found through folding: "duong" is "dương" and "đường".
    expect((await search('nghi tet duong lich')).hits[0]!.title).toContain(HOLIDAY);
  });

  it('finds the hotline regulation (QĐ 90/2006/QĐ-UBND) by the phrase "đường dây nóng", and not the page that only has its words', async () => {
    for (const q of ['"đường dây nóng"', '"duong day nong"']) {
      const phrase = await t.modules.search.search.search({ q, scope: { siteIds }, pageSize: 50 });
      expect(phrase.total, q).toBeLessThan(50);
      expect(phrase.hits.slice(0, 5).some(isOne(REG_90)), q).toBe(true);
      expect(phrase.hits.some(isOne(HOTLINE)), q).toBe(true);
      expect(phrase.hits.some(isOne(NOT_HOTLINE)), q).toBe(false);
    }
    // Unquoted, every word is enough: the near-duplicate is found too (where it ranks is measured above, not asserted).
    expect((await search('đường dây nóng')).hits.some(isOne(NOT_HOTLINE))).toBe(true);
  });

  it('still finds a title with one letter wrong, missing or swapped (through "Có phải bạn muốn tìm")', async () => {
    // Each typo is in the title it should find (for "chímh": every title with "thủ tục hành chính").
    const cases: [string, readonly Rel[]][] = [
      ['giay phep xay dugn', [BUILDING]],
      ['chung thuc bna sao', [COPY]],
      ['dang ky khai snh', [BIRTH]],
      ['duong day nogn', [HOTLINE]],
      ['thủ tục hành chímh', PROCEDURE_TITLES],
      ['an toàn thông tni', [SECURITY]],
    ];
    for (const [q, wanted] of cases) {
      const r = await search(q);
      expect(r.total, q).toBe(0);
      const { hits, suggestion } = shown(r);
      expect(suggestion, q).toBeDefined();
      expect(
        hits.slice(0, 5).some((h) => judgedIndex(wanted, h) >= 0),
        `${q} → ${suggestion}: ${titles(hits.slice(0, 5)).join(' | ')}`,
      ).toBe(true);
    }
  });
});
