/**
 * Deterministic generator of realistic Vietnamese documents for the search benchmark
 * (200,000 documents on PostgreSQL, 50,000 on the embedded PGlite), and the queries to run.
 *
 * Source text: the regulation texts shipped as demo content (src/modules/demo/regulations/*.txt;
 * 003 is an OCR scan with damaged diacritics and is skipped). From them, once per process:
 * syllables with their frequencies; 2- to 4-syllable phrases seen at least twice, with clean
 * edges (not starting or ending with a function word, not cut out of a longer word: "hợp thông
 * tin" of "phối hợp thông tin" is not a phrase) and not a mere fragment of a longer phrase;
 * one-syllable words (syllables that mostly stand alone); and whole sentences. A small
 * hand-written lexicon adds what government news is about beyond the portal itself (health,
 * schools, land, order… one domain per document, departments mostly their own) and names of
 * people, streets and wards — the usual source of rare words in real news.
 *
 * A document is a sequence of sentences: whole source sentences (Zipf-like over a fixed shuffle)
 * and sentences assembled from a subject, a verb and prepositional or coordinated extensions whose
 * noun-phrase slots are filled with phrases and words drawn with a Zipf-like weight 1/rank^s — so
 * a few words are in nearly every document and many are rare — plus a few sentences with people,
 * numbers, dates and addresses. Each document has three topic phrases that recur in it (term
 * frequency > 1, as in real text) and lead its title. The grammar is rough (the text reads like
 * a careless summary, not like prose) but the vocabulary, phrases and statistics are real.
 * "Syllables" below are whitespace-separated words (a Vietnamese word is one syllable).
 *
 * Same seed → byte-identical output: a mulberry32 PRNG seeded per document from (seed, n), so
 * document n does not depend on how many documents are asked for; no Math.random, no clock.
 * 200,000 documents take ~6 s on one core; the generator keeps no document.
 *
 *   npx node bench/search-corpus.ts         — self-check: speed, lengths, document frequencies, samples
 *   npx node bench/search-corpus.ts pools   — the phrase and one-syllable pools
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoRegulations } from '../src/modules/demo/regulations/index.ts';

export interface CorpusDocument {
  /** 0-based index. */
  n: number;
  /** 8–20 syllables, like a news headline. */
  title: string;
  /** 20–45 syllables. */
  summary: string;
  /** Plain text, 150–700 syllables, paragraphs separated by "\n\n". */
  body: string;
  /** 'news' | 'announcement' | 'directive' | 'guidance' | 'plan' | 'statistics'. */
  kind: string;
  /** 0..29; 0 (the portal) gets about 40 %. */
  siteIndex: number;
  /** About 3 % 'en'. */
  lang: 'vi' | 'en';
  /** In [2020-11-01, 2026-11-01) UTC, recent dates denser, mostly weekday office hours (UTC+7). */
  publishedAt: Date;
}

export interface QuerySet {
  oneWordCommon: string[];
  oneWordRare: string[];
  twoWord: string[];
  phrase: string[];
  noDiacritics: string[];
}

export const DEFAULT_SEED = 20261101;

// ---------------------------------------------------------------------------------------------
// PRNG and weighted sampling

type Rng = () => number;

/** mulberry32: 32-bit state, uniform in [0, 1). */
function mulberry32(seed: number): Rng {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of two integers (murmur3 finaliser), to seed one document's PRNG. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Walker/Vose alias table: O(1) draws from a fixed discrete distribution. */
interface Sampler {
  n: number;
  prob: Float64Array;
  alias: Uint32Array;
}

function makeSampler(weights: readonly number[]): Sampler {
  const n = weights.length;
  if (n === 0) throw new Error('empty distribution');
  let total = 0;
  for (const w of weights) total += w;
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = (weights[i]! * n) / total;
  const prob = new Float64Array(n);
  const alias = new Uint32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) (scaled[i]! < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return { n, prob, alias };
}

function draw(s: Sampler, rng: Rng): number {
  const x = rng() * s.n;
  const i = x | 0;
  return x - i < s.prob[i]! ? i : s.alias[i]!;
}

function zipfWeights(n: number, exponent: number, offset: number): number[] {
  const w: number[] = [];
  for (let r = 0; r < n; r++) w.push(1 / (r + 1 + offset) ** exponent);
  return w;
}

function shuffled<T>(list: readonly T[], rng: Rng): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = (rng() * (i + 1)) | 0;
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function pick<T>(list: readonly T[], rng: Rng): T {
  return list[(rng() * list.length) | 0]!;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const LETTERS = /^\p{L}+$/u;

function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** Lowercase, diacritics removed, đ → d ("Thủ tục" → "thu tuc"). */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Whole syllables of a text, lowercased (accent-sensitive), as the self-check counts them. */
export function syllablesOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Number of whitespace-separated words (= syllables in Vietnamese) of a text. */
export function countSyllables(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Words that glue phrases together; never the first or last word of a pooled phrase. */
const FUNCTION_WORDS = new Set(
  (
    'và của các những là được có cho với trong trên theo về để đã này đó khi thì từ tại hoặc do bị sẽ một ' +
    'không đến ra vào như nếu mà cũng đang nhằm bằng qua phải lên sau trước giữa nhưng vì nên hay ở ' +
    'đối thuộc gồm cùng đều đồng thời'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------
// Pools built once from the source texts (and a small hand-written lexicon)

/** Strings drawn with a fixed (Zipf-like) weight; `lens` are their syllable counts. */
interface WordList {
  items: string[];
  lens: number[];
  sampler: Sampler;
}

function wordList(items: readonly string[], exponent: number, offset: number): WordList {
  const norm = items.map((s) => s.normalize('NFC'));
  return { items: norm, lens: norm.map(countSyllables), sampler: makeSampler(zipfWeights(norm.length, exponent, offset)) };
}

interface Pools {
  /** Source phrases (display form), most frequent first, drawn Zipf-like. */
  phrases: WordList;
  phraseKeys: string[];
  /** Source syllables that stand alone (not inside a pooled phrase), content words only. */
  singles: WordList;
  /** Every syllable of the source, lowercased, by frequency. */
  syllableCount: Map<string, number>;
  /** Source syllables written in capitals (UBND, GTĐT): not words to query alone. */
  acronyms: Set<string>;
  /** Whole source sentences (ending with "."). */
  sentences: string[];
  sentenceLens: number[];
  /** Zipf-like over a fixed shuffle of the sentences: some recur often, many rarely. */
  sentenceSampler: Sampler;
  /** Topic lexicons, one per domain (see DOMAINS). */
  domains: WordList[];
  verbs: WordList;
  /** English pools for the ~3 % English documents. */
  enWords: WordList;
  enPhrases: WordList;
  enSentences: string[];
  enSentenceLens: number[];
}

/** Zipf exponents: how steeply frequency falls with rank. */
const PHRASE_EXPONENT = 1.25;
const SINGLE_EXPONENT = 1.2;
const DOMAIN_EXPONENT = 1.0;
const SENTENCE_EXPONENT = 1.0;

/** Units that stand alone in the source only before or after a number ("ngày 26 tháng 11"). */
const NEEDS_NUMBER = new Set(['ngày', 'tháng', 'năm', 'số', 'quý', 'lần', 'mười', 'mươi', 'giờ']);
const VOWEL = /[aeiouy]/;

const ENUMERATOR = /^\s*(?:[-–•+*]+|\d+(?:\.\d+)*[.)]?|[a-zđ]\)|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+[.:]?|[IVX]+[./])\s+/u;

function cleanLine(line: string): string {
  return line
    .replace(/\*\*/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, '')
    .replace(/\S+@\S+\.\S+/g, '')
    .replace(/\S+\.(?:vn|com|net|org)\b\S*/g, '')
    .replace(/\s[-–]\s/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isHeading(line: string): boolean {
  let upper = 0;
  let letters = 0;
  for (const ch of line) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (ch !== ch.toLowerCase()) upper++;
    }
  }
  return letters > 0 && upper / letters > 0.6;
}

function stripEnumerators(s: string): string {
  let prev: string;
  do {
    prev = s;
    s = s.replace(ENUMERATOR, '');
  } while (s !== prev);
  return s.trim();
}

function bumpForm(forms: Map<string, Map<string, number>>, key: string, form: string): void {
  let m = forms.get(key);
  if (!m) {
    m = new Map();
    forms.set(key, m);
  }
  m.set(form, (m.get(form) ?? 0) + 1);
}

function bestForm(forms: Map<string, Map<string, number>>, key: string): string {
  const m = forms.get(key);
  if (!m) return key;
  let best = key;
  let bestCount = 0;
  for (const [form, c] of m) {
    if (c > bestCount || (c === bestCount && form < best)) {
      best = form;
      bestCount = c;
    }
  }
  return best;
}

function byCountThenKey(counts: Map<string, number>): string[] {
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * What government news is about besides the portal itself: one lexicon per domain, most usual
 * phrase first. A document is about one domain (departments mostly about their own).
 */
const DOMAINS: readonly string[] = [
  // 0 administrative reform, digital government
  'cải cách hành chính; dịch vụ công trực tuyến; chuyển đổi số; hồ sơ trực tuyến; thủ tục hành chính; một cửa liên thông; ' +
    'bộ phận một cửa; thanh toán trực tuyến; định danh điện tử; chữ ký số; chính quyền số; cơ sở dữ liệu dân cư; ' +
    'mức độ hài lòng; chỉ số cải cách hành chính; trung tâm phục vụ hành chính công; số hóa hồ sơ; kết quả điện tử; ' +
    'nền tảng số; căn cước điện tử; tổ công nghệ số cộng đồng; kỹ năng số; trợ lý ảo; tổng đài hỗ trợ; ' +
    'máy tra cứu; phiếu hẹn; mã QR; tài khoản định danh; quầy tiếp nhận; ủy quyền; xác thực sinh trắc học; ' +
    'bản sao điện tử; luân chuyển hồ sơ; trễ hạn; xin lỗi người dân; cổng dịch vụ công quốc gia',
  // 1 health
  'y tế; tiêm chủng; phòng chống dịch bệnh; bệnh viện; trạm y tế; khám chữa bệnh; bảo hiểm y tế; an toàn thực phẩm; ' +
    'sốt xuất huyết; chăm sóc sức khỏe; người cao tuổi; vắc xin; dinh dưỡng; y tế cơ sở; hồ sơ sức khỏe điện tử; ' +
    'khám sức khỏe định kỳ; sơ cấp cứu; bác sĩ gia đình; ngộ độc thực phẩm; dân số; truyền nhiễm; tay chân miệng; hiến máu tình nguyện; ' +
    'sởi; bạch hầu; muỗi vằn; phun hóa chất; diệt bọ gậy; khẩu trang; thuốc lá điện tử; bếp ăn tập thể; ' +
    'mỹ phẩm; dược liệu; vi chất; suy dinh dưỡng thấp còi; thai sản; chuyển tuyến',
  // 2 education
  'giáo dục; học sinh; giáo viên; năm học mới; tuyển sinh; trường mầm non; trường tiểu học; trung học cơ sở; ' +
    'kỳ thi tốt nghiệp; sách giáo khoa; chương trình giáo dục phổ thông; học phí; bán trú; cơ sở vật chất; ' +
    'học sinh giỏi; giáo dục thường xuyên; khuyến học; học bổng; phổ cập giáo dục; kỹ năng sống; thư viện trường học; đồng phục; ' +
    'khai giảng; bế giảng; điểm chuẩn; bạo lực học đường; ngoại khóa; dạy thêm; bữa ăn bán trú; đuối nước học sinh; ' +
    'phòng học bộ môn; giáo dục hướng nghiệp; thi nghề',
  // 3 construction, urban affairs, transport
  'trật tự xây dựng; giấy phép xây dựng; quy hoạch chi tiết; chỉnh trang đô thị; chung cư cũ; hạ tầng giao thông; ' +
    'vỉa hè; thoát nước; chiếu sáng công cộng; công trình vi phạm; nhà ở xã hội; giải phóng mặt bằng; tiến độ thi công; ' +
    'nghiệm thu; đầu tư công; xe buýt; đường sắt đô thị; ùn tắc giao thông; phân luồng; bãi đỗ xe; đường vành đai; ' +
    'nút giao; cầu vượt; mặt đường; cống thoát nước; úng ngập; ' +
    'hầm chui; lát đá; biển báo; dải phân cách; đèn tín hiệu; xe đạp công cộng; bến xe; lòng đường; ' +
    'giàn giáo; vật liệu xây dựng; bê tông; cọc khoan nhồi; thang máy; mái tôn',
  // 4 land and environment
  'đất đai; quyền sử dụng đất; bồi thường; tái định cư; thu hồi đất; rác thải sinh hoạt; phân loại rác tại nguồn; ' +
    'ô nhiễm không khí; cây xanh; nước sạch; biến đổi khí hậu; quan trắc; bảo vệ môi trường; nước thải; ' +
    'đấu giá quyền sử dụng đất; khoáng sản; sông hồ; bụi mịn; chất thải rắn; lấn chiếm; đo đạc bản đồ; địa chính; ' +
    'sổ đỏ; đất nông nghiệp; đất công; bãi rác; lò đốt; túi ni lông; nhựa dùng một lần; hồ điều hòa; ' +
    'kè sông; sạt lở; ô nhiễm tiếng ồn; trồng cây',
  // 5 agriculture
  'sản xuất nông nghiệp; nông thôn mới; chăn nuôi; thủy lợi; hợp tác xã; sản phẩm OCOP; phòng chống thiên tai; ' +
    'vụ đông; vụ xuân; cây ăn quả; giống lúa; khuyến nông; đê điều; mùa mưa bão; dịch tả lợn châu Phi; thủy sản; ' +
    'nông sản; trang trại; cúm gia cầm; tiêu thụ nông sản; vùng trồng; làng nghề; ' +
    'bưởi; nhãn chín; rau an toàn; hoa đào; cá giống; vịt; bò sữa; phân bón; thuốc bảo vệ thực vật; ' +
    'máy gặt; mương; trạm bơm; giá lúa; gạo nếp',
  // 6 finance
  'ngân sách nhà nước; dự toán ngân sách; thu ngân sách; quyết toán; thuế thu nhập cá nhân; hóa đơn điện tử; ' +
    'giải ngân vốn đầu tư công; tiết kiệm chống lãng phí; tài sản công; mua sắm tập trung; kho bạc; phí và lệ phí; ' +
    'nợ đọng thuế; giá đất; chi thường xuyên; vốn vay; hộ kinh doanh; doanh thu; tín dụng chính sách; ' +
    'trái phiếu; lãi suất; tạm ứng; hoàn thuế; miễn giảm; quỹ đầu tư; thặng dư; bội chi; kiểm toán; ' +
    'biên lai; ủy nhiệm chi',
  // 7 justice
  'phổ biến giáo dục pháp luật; hộ tịch; đăng ký khai sinh; chứng thực; lý lịch tư pháp; trợ giúp pháp lý; ' +
    'hòa giải ở cơ sở; văn bản quy phạm pháp luật; thi hành án dân sự; xử lý vi phạm hành chính; đăng ký kết hôn; ' +
    'công chứng; kiểm tra văn bản; thừa phát lại; quốc tịch; tủ sách pháp luật; ngày pháp luật; giám định tư pháp; ' +
    'giám hộ; nhận cha mẹ con; cải chính hộ tịch; trích lục; di chúc; thừa kế; luật sư; đấu giá tài sản; ' +
    'hương ước; quy ước',
  // 8 home affairs, labour, social affairs
  'công chức; viên chức; tuyển dụng; thi đua khen thưởng; sắp xếp đơn vị hành chính; tinh giản biên chế; ' +
    'vị trí việc làm; bổ nhiệm; đánh giá xếp loại; chính quyền địa phương hai cấp; tín ngưỡng tôn giáo; văn thư lưu trữ; ' +
    'đạo đức công vụ; kỷ luật kỷ cương; người có công; bảo trợ xã hội; giải quyết việc làm; bảo hiểm xã hội; ' +
    'an sinh xã hội; trợ cấp; thương binh liệt sĩ; hộ nghèo; người khuyết tật; trẻ em; bình đẳng giới; xuất khẩu lao động; ' +
    'nhà tình nghĩa; mẹ Việt Nam anh hùng; hưu trí; thất nghiệp; sàn giao dịch việc làm; học nghề; ' +
    'bạo lực gia đình; quà tặng; lương hưu; nghỉ phép; luân chuyển cán bộ',
  // 9 industry and trade
  'xúc tiến thương mại; bình ổn giá; hàng giả; thương mại điện tử; chợ truyền thống; cụm công nghiệp; ' +
    'tiết kiệm năng lượng; xuất khẩu; doanh nghiệp nhỏ và vừa; an toàn điện; hàng Việt Nam; người tiêu dùng; ' +
    'quản lý thị trường; hàng hóa; siêu thị; khuyến mại; xăng dầu; nguồn gốc xuất xứ; kinh tế tuần hoàn; ' +
    'hội chợ; phiên chợ; đặc sản; tem truy xuất; gian hàng; nhãn hiệu; điện mặt trời; tiết kiệm điện; ' +
    'hàng lậu; livestream bán hàng; kho lạnh; logistics',
  // 10 science and technology
  'đổi mới sáng tạo; khởi nghiệp; trí tuệ nhân tạo; an toàn thông tin; dữ liệu mở; hạ tầng số; sở hữu trí tuệ; ' +
    'đo lường chất lượng; nhiệm vụ khoa học; điện toán đám mây; mã độc; tấn công mạng; bưu chính; cáp quang; ' +
    'chuyển giao công nghệ; phòng thí nghiệm; sáng chế; mạng di động; bán dẫn; dữ liệu lớn; ' +
    'mã nguồn mở; tên miền quốc gia; sóng 5G; chuỗi khối; robot; vi mạch; thiết bị bay không người lái; ' +
    'tem bưu chính; thư rác; tin giả; tin nhắn rác; bảo mật hai lớp',
  // 11 culture, sports, tourism
  'lễ hội; di tích lịch sử; di sản văn hóa; gia đình văn hóa; thể dục thể thao; giải chạy; du lịch cộng đồng; ' +
    'khách du lịch; làng nghề truyền thống; thư viện; biểu diễn nghệ thuật; nếp sống văn minh; ẩm thực; bảo tàng; ' +
    'tổ dân phố văn hóa; quảng bá du lịch; phố đi bộ; áo dài; ca trù; múa rối nước; bóng đá; điền kinh; ' +
    'đình làng; chùa; đền; hội xuân; chèo; quan họ; cờ tướng; bơi lội; võ thuật; cầu lông; ' +
    'sách quý; triển lãm; rước kiệu; bánh chưng; hoa sen',
  // 12 public order and safety
  'trật tự an toàn xã hội; phòng cháy chữa cháy; an toàn giao thông; tai nạn giao thông; ma túy; tội phạm; ' +
    'lừa đảo qua mạng; nồng độ cồn; cứu nạn cứu hộ; dân quân tự vệ; nghĩa vụ quân sự; camera an ninh; ' +
    'an ninh trật tự; tổ dân phố; pháo nổ; cháy nổ; vũ khí; đuối nước; tín dụng đen; đăng ký cư trú; ' +
    'bình chữa cháy; lối thoát nạn; nhà trọ; xe máy; mũ bảo hiểm; trộm cắp; đánh bạc; cờ bạc; ' +
    'buôn lậu; gây rối; tạm trú; đường ngang; cảnh sát khu vực',
  // 13 inspection, complaints, anti-corruption
  'tiếp công dân; khiếu nại; tố cáo; phòng chống tham nhũng; kê khai tài sản; thanh tra; kiến nghị; đơn thư; ' +
    'kết luận thanh tra; xử lý sai phạm; lãng phí; kiểm tra đột xuất; tiêu cực; thu hồi tài sản; trách nhiệm người đứng đầu; ' +
    'xung đột lợi ích; minh bạch; hòa giải; ' +
    'nhũng nhiễu; tặng quà; bồi hoàn; đơn nặc danh; vượt cấp; đông người; đối chất; ' +
    'quyết định giải quyết; thời hiệu; trưng cầu giám định',
];

/** Which domain each site writes about (−1: any). */
const SITE_DOMAIN = [-1, 8, 6, 7, 1, 2, 3, 9, 10, 5, 11, 11, 8, 13, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1];
const ANY_DOMAIN_SAMPLER = makeSampler([20, 8, 8, 12, 9, 4, 6, 6, 9, 5, 6, 8, 11, 6]);

const VERBS = (
  'thực hiện; triển khai; tổ chức; tăng cường; bảo đảm; cung cấp; kiểm tra; hướng dẫn; phối hợp; xử lý; ' +
  'cập nhật; giải quyết; tiếp nhận; ban hành; rà soát; đẩy mạnh; nâng cao; theo dõi; đánh giá; công khai; ' +
  'tuyên truyền; hoàn thành; chỉ đạo; xây dựng; quản lý; duy trì; báo cáo; thống nhất; hỗ trợ; đôn đốc; ' +
  'tập trung; khắc phục; tham mưu; đề xuất; bổ sung; phê duyệt; giám sát; tổng hợp; thông báo; ứng dụng; ' +
  'số hóa; kết nối; chia sẻ; nghiên cứu; lấy ý kiến; khảo sát; phổ biến; quán triệt; tháo gỡ; siết chặt'
).split('; ');

const MODALS = ['cần', 'phải', 'sẽ', 'đã', 'tiếp tục', 'đang', 'chủ động', 'khẩn trương', 'thường xuyên', 'có trách nhiệm'];
const PREPS = ['của', 'trong', 'đối với', 'trên', 'theo', 'về', 'cho', 'tại', 'với', 'từ', 'thuộc', 'gắn với', 'liên quan đến'];
const PREP_SAMPLER = makeSampler([30, 10, 8, 8, 7, 7, 8, 4, 6, 3, 3, 2, 2]);
const PURPOSE = ['nhằm', 'để', 'góp phần'];

const ENGLISH_SOURCE = `
The city e-portal is the single point of access to information and online public services of state agencies.
Citizens and businesses can submit applications for administrative procedures online and track their progress.
The hotline of the administrative reform steering committee receives questions and complaints from citizens.
State agencies must publish information on their e-portal in a timely, accurate and transparent manner.
The editorial board reviews news, announcements and legal documents before they are published on the portal.
The department of information and communications is responsible for the technical infrastructure of the portal.
Online public services are provided at full level so that citizens can complete the procedure without visiting the office.
The city people's committee directs departments, districts and communes to improve the quality of public services.
Information security and personal data protection are ensured in accordance with the law.
Users can search legal documents, administrative procedures and news by keyword, date and issuing agency.
The portal provides statistics on the handling of applications and the satisfaction of citizens.
Agencies shall update the list of administrative procedures and the guidance for each procedure.
The plan on digital transformation sets targets for online public services and the digital government.
Feedback from citizens and businesses is answered within the time limit set by the regulation.
The department of home affairs guides the implementation of administrative reform in the city.
Public investment projects, procurement and the state budget are disclosed on the e-portal.
Training courses on information technology skills are organised for officials and civil servants.
The city continues to simplify administrative procedures and to cut the time needed to process applications.
The results of the inspection are announced on the portal and sent to the agencies concerned.
Citizens may comment on draft legal documents through the consultation section of the portal.
The heads of agencies are responsible for the content of the information they provide.
Announcements on recruitment, land allocation and compensation are published in the announcement section.
The report shows that most applications were processed on time and online payment increased.
The city encourages the use of electronic identification and digital signatures in public services.
`;

let poolsCache: Pools | undefined;

function pools(): Pools {
  if (poolsCache) return poolsCache;

  const dir = path.resolve(import.meta.dirname, '../src/modules/demo/regulations');
  // 003 is an OCR scan whose diacritics are damaged ("Quy ché hoat djng ciia"): not used.
  const files = demoRegulations.map((r) => r.file).filter((f) => !f.startsWith('003_'));

  const syllableCount = new Map<string, number>();
  const syllableForms = new Map<string, Map<string, number>>();
  const gramCount = new Map<string, number>();
  const gramForms = new Map<string, Map<string, number>>();
  const runs: string[][] = [];
  const sentenceSet = new Set<string>();
  const sentences: string[] = [];

  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8').normalize('NFC').replace(/\r\n?/g, '\n');
    for (const raw of text.split('\n')) {
      const line = cleanLine(raw);
      if (!/\p{L}/u.test(line)) continue;
      const heading = isHeading(line);
      for (const rawSentence of line.split(/(?<=[.;:!?])\s+/)) {
        const sentence = stripEnumerators(rawSentence);
        if (sentence.length === 0) continue;

        // Syllables and n-grams, in runs of letter-only tokens between punctuation.
        let first = true;
        for (const segment of sentence.split(/[,.;:!?()"“”‘’[\]…]+/)) {
          let run: string[] = [];
          let runForms: string[] = [];
          const flush = (): void => {
            for (let len = 2; len <= 5; len++) {
              for (let i = 0; i + len <= run.length; i++) {
                const key = run.slice(i, i + len).join(' ');
                gramCount.set(key, (gramCount.get(key) ?? 0) + 1);
                if (!heading && !(first && i === 0)) bumpForm(gramForms, key, runForms.slice(i, i + len).join(' '));
              }
            }
            if (run.length > 0) runs.push(run);
            run = [];
            runForms = [];
          };
          for (const rawToken of segment.split(' ')) {
            const token = rawToken.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
            if (token.length === 0) continue;
            if (!LETTERS.test(token)) {
              flush();
              first = false;
              continue;
            }
            const key = token.toLowerCase();
            syllableCount.set(key, (syllableCount.get(key) ?? 0) + 1);
            if (!heading && !(first && run.length === 0)) bumpForm(syllableForms, key, token);
            run.push(key);
            runForms.push(token);
          }
          flush();
          first = false;
        }

        // Whole sentences worth mixing into documents.
        if (heading) continue;
        let s = sentence.replace(/[;:,]$/, '.');
        if (!/[.!?]$/.test(s)) s += '.';
        s = capitalize(s);
        const words = countSyllables(s);
        const opens = (s.match(/\(/g) ?? []).length;
        const closes = (s.match(/\)/g) ?? []).length;
        if (words < 6 || words > 45 || opens !== closes) continue;
        if (/^(?:Nơi nhận|Lưu|Như Điều)/.test(s) || /(?:\.\.\.|…)/.test(s)) continue;
        let letterWords = 0;
        for (const w of s.split(' ')) if (/^\p{L}+[,.;:]?$/u.test(w)) letterWords++;
        if (letterWords < words * 0.7) continue;
        if (!sentenceSet.has(s)) {
          sentenceSet.add(s);
          sentences.push(s);
        }
      }
    }
  }

  // Association of two neighbouring syllables (Dice: 2·c(xy) / (c(x) + c(y))); "phối hợp" 0.6,
  // "thông tin" 0.97, "cấp thông" (of "cung cấp thông tin") 0.4, "của các" 0.15.
  const dice = (x: string, y: string): number => {
    const c = gramCount.get(`${x} ${y}`) ?? 0;
    return c === 0 ? 0 : (2 * c) / (syllableCount.get(x)! + syllableCount.get(y)!);
  };
  const BOUND = 0.1;
  const EDGE = 0.02;

  // Phrases: 2–4-grams not starting or ending with a function word, seen at least twice with
  // clean edges ("hợp thông tin" of "phối hợp thông tin" is not a phrase),
  // in at least half of their occurrences, and not a fragment of a longer n-gram that accounts
  // for ≥ 80 % of them ("tin điện tử"; extensions ending in a function word do not count).
  const longestExtension = new Map<string, number>();
  for (const [key, c] of gramCount) {
    const parts = key.split(' ');
    if (parts.length < 3 || FUNCTION_WORDS.has(parts[0]!) || FUNCTION_WORDS.has(parts[parts.length - 1]!)) continue;
    for (const sub of [parts.slice(1).join(' '), parts.slice(0, -1).join(' ')]) {
      if (c > (longestExtension.get(sub) ?? 0)) longestExtension.set(sub, c);
    }
  }
  const NOT_IN_PHRASES = new Set(['điều', 'khoản', 'điểm', 'chương', 'mục']);
  const eligible = (key: string, c: number): boolean => {
    const parts = key.split(' ');
    if (parts.length > 4 || c < 2) return false;
    if (FUNCTION_WORDS.has(parts[0]!) || FUNCTION_WORDS.has(parts[parts.length - 1]!)) return false;
    if (NEEDS_NUMBER.has(parts[parts.length - 1]!)) return false; // "Quyết định số" wants its number
    if (parts.some((p) => p.length === 1 || /^[ivxlc]+$/.test(p) || NOT_IN_PHRASES.has(p))) return false;
    return (longestExtension.get(key) ?? 0) < 0.8 * c;
  };
  const clean = new Map<string, number>();
  for (const run of runs) {
    for (let len = 2; len <= 4; len++) {
      for (let i = 0; i + len <= run.length; i++) {
        // An edge is unclean when the syllable there belongs more to its outside neighbour
        // ("hợp thông tin" after "phối") than to the rest of the phrase.
        if (i > 0) {
          const out = dice(run[i - 1]!, run[i]!);
          if (out >= EDGE && out > dice(run[i]!, run[i + 1]!)) continue;
        }
        if (i + len < run.length) {
          const out = dice(run[i + len - 1]!, run[i + len]!);
          if (out >= EDGE && out > dice(run[i + len - 2]!, run[i + len - 1]!)) continue;
        }
        const key = run.slice(i, i + len).join(' ');
        clean.set(key, (clean.get(key) ?? 0) + 1);
      }
    }
  }
  const phraseCountMap = new Map<string, number>();
  for (const [key, c] of gramCount) {
    const k = clean.get(key) ?? 0;
    if (eligible(key, c) && k >= 2 && k >= 0.5 * c) phraseCountMap.set(key, c);
  }
  const phraseKeys = byCountThenKey(phraseCountMap);

  // Syllables standing alone: segment each run greedily with the phrase pool (longest match);
  // what no phrase covers and is not associated with a neighbour is a one-syllable word ("mới").
  const free = new Map<string, number>();
  for (const run of runs) {
    let i = 0;
    while (i < run.length) {
      let matched = 0;
      for (let len = Math.min(4, run.length - i); len >= 2 && matched === 0; len--) {
        if (phraseCountMap.has(run.slice(i, i + len).join(' '))) matched = len;
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
      const key = run[i]!;
      const alone = !(i > 0 && dice(run[i - 1]!, key) >= BOUND) && !(i + 1 < run.length && dice(key, run[i + 1]!) >= BOUND);
      const form = bestForm(syllableForms, key);
      if (
        alone &&
        !FUNCTION_WORDS.has(key) &&
        !NOT_IN_PHRASES.has(key) &&
        !NEEDS_NUMBER.has(key) &&
        VOWEL.test(stripDiacritics(key)) &&
        form !== form.toUpperCase() &&
        !/^[ivxlc]+$/.test(key)
      ) {
        free.set(key, (free.get(key) ?? 0) + 1);
      }
      i++;
    }
  }
  // Only syllables that mostly stand alone: "thông" alone now and then is still a piece of "thông tin".
  for (const [key, c] of free) if (c < 0.25 * syllableCount.get(key)!) free.delete(key);
  const singleKeys = byCountThenKey(free);
  const acronyms = new Set(
    [...syllableCount.keys()].filter((k) => {
      const form = bestForm(syllableForms, k);
      return form.length > 1 && form === form.toUpperCase();
    }),
  );

  // English: the same idea on a small hand-written text.
  const enCount = new Map<string, number>();
  const enGram = new Map<string, number>();
  const enSentences = ENGLISH_SOURCE.trim().split('\n');
  const EN_STOP = new Set('the of and to a in on for by is are be at as can their they from with that so this must shall may'.split(' '));
  for (const s of enSentences) {
    const toks = s.replace(/[.,]/g, '').toLowerCase().split(' ');
    for (const t of toks) enCount.set(t, (enCount.get(t) ?? 0) + 1);
    for (let len = 2; len <= 3; len++) {
      for (let i = 0; i + len <= toks.length; i++) {
        const g = toks.slice(i, i + len);
        if (EN_STOP.has(g[0]!) || EN_STOP.has(g[len - 1]!)) continue;
        const key = g.join(' ');
        enGram.set(key, (enGram.get(key) ?? 0) + 1);
      }
    }
  }

  poolsCache = {
    phrases: wordList(
      phraseKeys.map((k) => bestForm(gramForms, k)),
      PHRASE_EXPONENT,
      1,
    ),
    phraseKeys,
    singles: wordList(
      singleKeys.map((k) => bestForm(syllableForms, k)),
      SINGLE_EXPONENT,
      1,
    ),
    syllableCount,
    acronyms,
    sentences,
    sentenceLens: sentences.map(countSyllables),
    sentenceSampler: makeSampler(shuffled(zipfWeights(sentences.length, SENTENCE_EXPONENT, 10), mulberry32(0x5e17))),
    domains: DOMAINS.map((d) => wordList(d.split('; '), DOMAIN_EXPONENT, 1)),
    verbs: wordList(VERBS, 0.8, 2),
    enWords: wordList(
      byCountThenKey(enCount).filter((w) => !EN_STOP.has(w) || w === 'and' || w === 'of'),
      1.0,
      1,
    ),
    enPhrases: wordList(byCountThenKey(enGram), 0.9, 1),
    enSentences,
    enSentenceLens: enSentences.map(countSyllables),
  };
  return poolsCache;
}

// ---------------------------------------------------------------------------------------------
// Document metadata

const KINDS = ['news', 'announcement', 'directive', 'guidance', 'plan', 'statistics'] as const;
type Kind = (typeof KINDS)[number];
const KIND_SAMPLER = makeSampler([0.46, 0.18, 0.07, 0.1, 0.1, 0.09]);

/** Site 0 (the portal) ~40 %; the 29 others by a falling power law (site 1 ~7 %, site 29 ~0.8 %). */
const SITE_SAMPLER = (() => {
  const rest = zipfWeights(29, 0.75, 0.5);
  const sum = rest.reduce((a, b) => a + b, 0);
  return makeSampler([0.4, ...rest.map((w) => (0.6 * w) / sum)]);
})();

/** The agency behind each site, as named in its documents. */
const SITE_AGENCIES = [
  'Ủy ban nhân dân thành phố',
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Tư pháp',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Khoa học và Công nghệ',
  'Sở Nông nghiệp và Môi trường',
  'Sở Văn hóa và Thể thao',
  'Sở Du lịch',
  'Sở Dân tộc và Tôn giáo',
  'Thanh tra thành phố',
  'Văn phòng Ủy ban nhân dân thành phố',
  'Ủy ban nhân dân phường Ba Đình',
  'Ủy ban nhân dân phường Hoàn Kiếm',
  'Ủy ban nhân dân phường Cầu Giấy',
  'Ủy ban nhân dân phường Hà Đông',
  'Ủy ban nhân dân phường Long Biên',
  'Ủy ban nhân dân phường Tây Hồ',
  'Ủy ban nhân dân phường Đống Đa',
  'Ủy ban nhân dân phường Hoàng Mai',
  'Ủy ban nhân dân xã Sóc Sơn',
  'Ủy ban nhân dân xã Ba Vì',
  'Ủy ban nhân dân xã Đông Anh',
  'Ủy ban nhân dân xã Gia Lâm',
  'Ủy ban nhân dân xã Mê Linh',
  'Ủy ban nhân dân xã Thạch Thất',
  'Ủy ban nhân dân xã Phú Xuyên',
];

const SITE_AGENCIES_EN = [
  'The City People’s Committee',
  'The Department of Home Affairs',
  'The Department of Finance',
  'The Department of Justice',
  'The Department of Health',
  'The Department of Education and Training',
  'The Department of Construction',
  'The Department of Industry and Trade',
  'The Department of Science and Technology',
  'The Department of Agriculture and Environment',
];

/** Places mentioned in passing ("tại phường …"); a source of rare proper-name syllables. */
const PLACES = [
  'phường Ba Đình',
  'phường Hoàn Kiếm',
  'phường Cầu Giấy',
  'phường Hà Đông',
  'phường Long Biên',
  'phường Tây Hồ',
  'phường Đống Đa',
  'phường Hoàng Mai',
  'phường Thanh Xuân',
  'phường Bạch Mai',
  'phường Văn Miếu',
  'phường Kim Liên',
  'phường Láng',
  'phường Ô Chợ Dừa',
  'phường Giảng Võ',
  'phường Ngọc Hà',
  'phường Nghĩa Đô',
  'phường Phú Diễn',
  'phường Xuân Đỉnh',
  'phường Tây Mỗ',
  'phường Yên Nghĩa',
  'phường Kiến Hưng',
  'phường Lĩnh Nam',
  'phường Vĩnh Hưng',
  'phường Bồ Đề',
  'phường Việt Hưng',
  'phường Phúc Lợi',
  'phường Sơn Tây',
  'phường Tùng Thiện',
  'phường Chương Mỹ',
  'xã Sóc Sơn',
  'xã Ba Vì',
  'xã Đông Anh',
  'xã Gia Lâm',
  'xã Mê Linh',
  'xã Thạch Thất',
  'xã Phú Xuyên',
  'xã Ứng Hòa',
  'xã Mỹ Đức',
  'xã Thường Tín',
  'xã Quốc Oai',
  'xã Hoài Đức',
  'xã Đan Phượng',
  'xã Phúc Thọ',
  'xã Thanh Oai',
  'xã Sơn Đồng',
  'xã Minh Châu',
  'xã Cổ Đô',
  'xã Yên Bài',
  'xã Hương Sơn',
  'xã Bát Tràng',
  'xã Kim Anh',
  'xã Nội Bài',
  'xã Tiến Thắng',
];

/** Invented people (common names, no real person meant) quoted in news. */
const SURNAMES =
  'Nguyễn Trần Lê Phạm Hoàng Vũ Phan Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Lương Đào Tạ Mai Cao Lưu Kiều Quách Tô Triệu Phùng Khúc Vương Lại'.split(' ');
const SURNAME_SAMPLER = makeSampler(zipfWeights(SURNAMES.length, 1.3, 0));
const MIDDLE_NAMES = 'Văn Thị Đức Minh Hữu Quang Thanh Ngọc Xuân Hồng Thu Kim Anh Tuấn Bảo Công Mạnh Phương Hải Thế Diệu Khắc'.split(' ');
const GIVEN_NAMES = (
  'Anh Bình Cường Dũng Đạt Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Huy Khánh Lan Linh Long Mai Minh Nam Nga Ngân ' +
  'Nhung Phong Phúc Phương Quân Quang Sơn Tâm Thắng Thảo Thành Thủy Trang Trung Tú Tuấn Vân Việt Yến Khôi Toàn ' +
  'Thuận Kiên Lộc Nghĩa Chiến Thịnh Hoan Diệp Quyên Loan Oanh Ánh Khuê Uyên Tiến Ninh Định Đoàn Hiển Luyến Tường ' +
  'Khiêm Nhàn Thoa Xuyến Đức Hậu Vinh Cảnh Kha Duyên Thơm Nguyệt Hưởng Bích Sâm Quế Chinh Thiện Tùng Lâm'
).split(' ');
/** Who speaks for an agency, by the first word of its name. */
function positions(agency: string): string[] {
  if (agency.startsWith('Sở')) return ['Giám đốc', 'Phó Giám đốc', 'Chánh Văn phòng', 'Trưởng phòng Hành chính'];
  if (agency.startsWith('Thanh tra')) return ['Chánh Thanh tra', 'Phó Chánh Thanh tra'];
  if (agency.startsWith('Văn phòng')) return ['Chánh Văn phòng', 'Phó Chánh Văn phòng', 'Trưởng Ban Biên tập'];
  return ['Chủ tịch', 'Phó Chủ tịch', 'Bí thư Đảng ủy', 'Trưởng Ban Biên tập'];
}
/** Streets for addresses (a source of rare names, as in real news). */
const STREETS = (
  'Lê Duẩn; Nguyễn Trãi; Trần Hưng Đạo; Hai Bà Trưng; Lý Thường Kiệt; Phan Đình Phùng; Hoàng Hoa Thám; Kim Mã; ' +
  'Láng Hạ; Giải Phóng; Tôn Đức Thắng; Nguyễn Chí Thanh; Xuân Thủy; Phạm Văn Đồng; Trường Chinh; Đại Cồ Việt; ' +
  'Bà Triệu; Hàng Bài; Hàng Đào; Hàng Ngang; Hàng Bạc; Hàng Mã; Hàng Buồm; Lương Văn Can; Đinh Tiên Hoàng; ' +
  'Tràng Tiền; Lý Thái Tổ; Quán Thánh; Thụy Khuê; Âu Cơ; Lạc Long Quân; Văn Cao; Đội Cấn; Liễu Giai; Đào Tấn; ' +
  'Nguyễn Khánh Toàn; Trần Duy Hưng; Khuất Duy Tiến; Lê Văn Lương; Tố Hữu; Nguyễn Xiển; Kim Giang; Minh Khai; ' +
  'Tam Trinh; Nguyễn Văn Cừ; Ngọc Lâm; Nguyễn Văn Linh; Cổ Linh; Vạn Phúc; Quang Trung; Cầu Gỗ; Hàng Chiếu; ' +
  'Phùng Hưng; Thợ Nhuộm; Lò Đúc; Huế; Bạch Đằng; Yên Phụ; Nghi Tàm; Võ Chí Công; Hoàng Quốc Việt; ' +
  'Trần Cung; Cầu Diễn; Hồ Tùng Mậu; Mễ Trì; Tố Như; Ngọc Hồi; Pháp Vân; Lĩnh Nam; Thanh Nhàn; Kim Ngưu; ' +
  'Nguyễn Lương Bằng; Tây Sơn; Chùa Bộc; Thái Hà; Huỳnh Thúc Kháng; Nguyễn Du; Quang Minh; Phan Bội Châu; ' +
  'Hàng Khay; Chu Văn An; Điện Biên Phủ; Hùng Vương; Ông Ích Khiêm; Sơn Tây; Lê Trọng Tấn; Quang Tiến; ' +
  'Ngô Gia Tự; Đức Giang; Nguyễn Sơn; Bồ Đề; Gia Thụy; Sài Đồng; Thạch Bàn; Vũ Tông Phan; Khương Đình; ' +
  'Trịnh Văn Bô; Xuân Phương; Hữu Hưng; Phúc Diễn; Tây Tựu; Thượng Cát; Đông Ngạc; Vĩnh Tuy; Lạc Trung; ' +
  'Thanh Bình; Quyết Thắng; Ba La; Phú Lãm; Biên Giang; Đồng Mai; Yên Lộ; Tản Đà; Nguyễn Thái Học'
).split('; ');
const STREET_SAMPLER = makeSampler(zipfWeights(STREETS.length, 0.6, 3));

/** 1234567 → "1.234.567" (the Vietnamese thousands separator), independent of the ICU data. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const EVENTS = ['hội nghị', 'buổi làm việc', 'lễ phát động', 'hội nghị trực tuyến', 'buổi đối thoại', 'hội thảo', 'phiên họp'];

const TITLE_PREFIXES: Record<Kind, string[]> = {
  news: [
    'Triển khai',
    'Đẩy mạnh',
    'Tăng cường',
    'Nâng cao chất lượng',
    'Hội nghị về',
    'Kiểm tra công tác',
    'Tổ chức',
    'Tập huấn',
    'Rà soát',
    'Hoàn thiện',
    'Thúc đẩy',
    'Sơ kết',
    'Tổng kết',
    'Ra mắt',
    'Đối thoại với người dân về',
    'Hiệu quả từ',
    'Chuyển biến trong',
  ],
  announcement: [
    'Thông báo về việc',
    'Thông báo kết quả',
    'Thông báo lịch',
    'Thông báo tiếp nhận',
    'Thông báo lấy ý kiến về',
    'Thông báo tạm dừng',
    'Công khai',
  ],
  directive: ['Chỉ thị về việc', 'Chỉ thị tăng cường', 'Công văn chỉ đạo', 'Quyết định về việc', 'Quyết định ban hành'],
  guidance: ['Hướng dẫn thực hiện', 'Hướng dẫn quy trình', 'Hướng dẫn về', 'Giải đáp vướng mắc về', 'Hỏi đáp về'],
  plan: ['Kế hoạch triển khai', 'Kế hoạch thực hiện', 'Kế hoạch kiểm tra', 'Kế hoạch tuyên truyền về', 'Chương trình'],
  statistics: ['Số liệu thống kê về', 'Báo cáo kết quả', 'Tình hình', 'Kết quả thực hiện', 'Thống kê'],
};

const TITLE_LINKS = ['và', 'trong', 'đối với', 'về', 'gắn với', 'trên', 'của'];

const OPENERS = [
  'Theo đó,',
  'Bên cạnh đó,',
  'Ngoài ra,',
  'Đồng thời,',
  'Trong thời gian tới,',
  'Cụ thể,',
  'Thời gian qua,',
  'Để thực hiện tốt nhiệm vụ,',
  'Trên cơ sở đó,',
  'Tuy nhiên,',
  'Qua đó,',
  'Trước đó,',
];

const STAT_SUBJECTS = [
  'tỷ lệ hồ sơ giải quyết đúng hạn',
  'tỷ lệ hồ sơ trực tuyến toàn trình',
  'mức độ hài lòng của người dân',
  'số lượt truy cập cổng thông tin điện tử',
  'tỷ lệ thanh toán trực tuyến',
  'số phản ánh, kiến nghị được xử lý',
];
const STAT_UNITS = ['hồ sơ', 'lượt truy cập', 'phản ánh', 'doanh nghiệp', 'hộ gia đình', 'lượt người', 'cuộc kiểm tra', 'tin bài'];

/** Share of whole source sentences in the body, by kind. */
const WHOLE_SENTENCE_SHARE: Record<Kind, number> = {
  news: 0.15,
  announcement: 0.2,
  directive: 0.4,
  guidance: 0.35,
  plan: 0.3,
  statistics: 0.12,
};

const END_MS = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;
const SPAN_DAYS = Math.round((END_MS - Date.UTC(2020, 10, 1)) / DAY_MS);
const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * Days back from 2026-11-01 with a density falling linearly from 3 (today) to 1 (six years ago);
 * mostly weekdays, office hours in Vietnam (UTC+7).
 */
function publishedAt(rng: Rng): Date {
  const u = rng();
  const x = (3 - Math.sqrt(9 - 8 * u)) / 2; // inverse CDF of f(x) ∝ 3 − 2x on [0, 1)
  let day = Math.min(SPAN_DAYS - 1, Math.floor(x * SPAN_DAYS)) + 1; // 1..SPAN_DAYS days back
  const weekday = new Date(END_MS - day * DAY_MS).getUTCDay();
  if ((weekday === 0 || weekday === 6) && rng() < 0.85) day += weekday === 6 ? 1 : 2; // to Friday
  if (day > SPAN_DAYS) day -= 7;
  const hour = 7 + Math.floor(rng() * 4 + rng() * 7); // 7–17 h, mostly mid-day
  const seconds = Math.floor(rng() * 3600);
  return new Date(END_MS - day * DAY_MS + hour * 3_600_000 + seconds * 1000 - VN_OFFSET_MS);
}

// ---------------------------------------------------------------------------------------------
// Text generation

interface Ctx {
  rng: Rng;
  p: Pools;
  domain: WordList;
  /** Phrases this document is about; they recur in its title, summary and body. */
  topics: string[];
  topicLens: number[];
  agency: string;
  place: string;
  year: number;
}

/** Builds a sentence within a syllable budget. */
class Sentence {
  parts: string[] = [];
  n = 0;
  readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  get room(): number {
    return this.max - this.n;
  }
  add(text: string, len: number): void {
    this.parts.push(text);
    this.n += len;
  }
  comma(): void {
    const i = this.parts.length - 1;
    if (i >= 0 && !/[,.:;]$/.test(this.parts[i]!)) this.parts[i] += ',';
  }
  /** The sentence as built (first letter as the pools have it), with a full stop. */
  text(): string {
    return `${this.parts.join(' ')}.`;
  }
}

function fromList(list: WordList, rng: Rng, room: number): [string, number] | undefined {
  const i = draw(list.sampler, rng);
  return list.lens[i]! <= room ? [list.items[i]!, list.lens[i]!] : undefined;
}

/** A noun-phrase-like chunk of at most `room` (≥ 1) syllables. */
function np(c: Ctx, room: number, topicShare = 0.1): [string, number] {
  const { rng, p } = c;
  const r = rng();
  let got: [string, number] | undefined;
  if (r < topicShare) {
    const t = (rng() * c.topics.length) | 0;
    if (c.topicLens[t]! <= room) got = [c.topics[t]!, c.topicLens[t]!];
  } else if (r < 0.3) got = fromList(c.domain, rng, room);
  else if (r < 0.85) got = fromList(p.phrases, rng, room);
  return got ?? fromList(p.singles, rng, 1)!;
}

/** Adds a chunk, drawn again (once) when it repeats one already in the sentence. */
function addNp(c: Ctx, s: Sentence, topicShare?: number): void {
  let [t, n] = np(c, s.room, topicShare);
  if (s.parts.includes(t)) [t, n] = np(c, s.room, topicShare);
  s.add(t, n);
}

/** verb (+ object) if it fits. */
function addPredicate(c: Ctx, s: Sentence): boolean {
  const v = fromList(c.p.verbs, c.rng, s.room - 1);
  if (!v) return false;
  s.add(v[0], v[1]);
  addNp(c, s);
  return true;
}

/**
 * A sentence of `min`..`max` syllables (min ≤ max): subject, predicate, then prepositional or
 * coordinated extensions. Not capitalised (it may follow a lead), ends with a full stop.
 */
function synthSentence(c: Ctx, min: number, max: number, opener: boolean): [string, number] {
  const { rng } = c;
  const s = new Sentence(max);
  if (opener && max - min > 6 && rng() < 0.2) {
    const o = pick(OPENERS, rng);
    s.add(o, countSyllables(o));
  }
  // Subject.
  const r = rng();
  const agencyLen = countSyllables(c.agency);
  if (r < 0.08 && s.room >= agencyLen + 3) s.add(c.agency, agencyLen);
  else if (r < 0.18 && s.room >= 3) {
    s.add(rng() < 0.7 ? 'các' : 'những', 1);
    addNp(c, s);
  } else addNp(c, s, 0.2);
  // Predicate.
  if (s.n < min || rng() < 0.5) {
    if (rng() < 0.35 && s.room >= 4) {
      const m = pick(MODALS, rng);
      const len = countSyllables(m);
      s.add(m, len);
      if (!addPredicate(c, s)) addNp(c, s);
    } else addPredicate(c, s);
  }
  // Extensions until long enough.
  while (s.n < min) {
    const x = rng();
    if (s.room < 3) addNp(c, s);
    else if (x < 0.55) {
      const prep = PREPS[draw(PREP_SAMPLER, rng)]!;
      const len = countSyllables(prep);
      if (len < s.room) s.add(prep, len);
      addNp(c, s);
    } else if (x < 0.73) {
      s.add(rng() < 0.9 ? 'và' : 'hoặc', 1);
      addNp(c, s);
    } else if (x < 0.88 && s.room >= 4) {
      s.comma();
      if (!addPredicate(c, s)) addNp(c, s);
    } else if (x < 0.975 && s.room >= 4) {
      const w = pick(PURPOSE, rng);
      s.add(w, countSyllables(w));
      if (!addPredicate(c, s)) addNp(c, s);
    } else if (s.room >= 2) {
      s.add('tại', 1);
      if (countSyllables(c.place) <= s.room) s.add(c.place, countSyllables(c.place));
      else addNp(c, s);
    } else addNp(c, s);
  }
  return [s.text(), s.n];
}

/** A syllable count in [min, max], skewed towards the lower end. */
function lengthIn(rng: Rng, min: number, max: number, skew: number): number {
  return min + Math.floor(rng() ** skew * (max - min + 1));
}

function truncateSentence(s: string, words: number): string {
  const w = s.split(' ').slice(0, words);
  w[w.length - 1] = w[w.length - 1]!.replace(/[^\p{L}\p{N})]+$/u, '');
  return `${w.join(' ')}.`;
}

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1);
}

/** `lead` followed by a synthesized sentence, `min`..`max` syllables in all (lead included). */
function led(c: Ctx, lead: string, min: number, max: number): [string, number] {
  const leadLen = countSyllables(lead);
  const restMax = Math.max(1, max - leadLen);
  const [rest, n] = synthSentence(c, Math.min(restMax, Math.max(1, min - leadLen)), restMax, false);
  return [`${lead} ${rest}`, n + leadLen];
}

function personName(rng: Rng): string {
  const middle = pick(MIDDLE_NAMES, rng);
  const honorific = middle === 'Thị' ? 'bà' : middle === 'Văn' ? 'ông' : rng() < 0.55 ? 'ông' : 'bà';
  return `${honorific} ${SURNAMES[draw(SURNAME_SAMPLER, rng)]!} ${middle} ${pick(GIVEN_NAMES, rng)}`;
}

function dmy(rng: Rng, year: number): string {
  return `${1 + ((rng() * 28) | 0)}/${1 + ((rng() * 12) | 0)}/${year}`;
}

/** Sentences with people, numbers and dates, as news and reports have them. */
function specialSentence(c: Ctx, kind: Kind, max: number): [string, number] | undefined {
  const { rng } = c;
  const r = rng();
  let lead: string;
  if (r < 0.3) {
    lead = `Phát biểu tại ${pick(EVENTS, rng)}, ${personName(rng)}, ${pick(positions(c.agency), rng)} ${c.agency}, ${pick(['đề nghị', 'yêu cầu', 'nhấn mạnh', 'cho biết'], rng)}`;
  } else if (r < 0.5 || kind === 'statistics') {
    const count = Math.floor(rng() ** 2 * 50_000) + 12;
    lead = `Tính đến ngày ${dmy(rng, c.year)}, đã có ${thousands(count)} ${pick(STAT_UNITS, rng)}`;
  } else if (r < 0.8) {
    const street = STREETS[draw(STREET_SAMPLER, rng)]!;
    lead = `Tại ${pick(['trụ sở', 'hội trường', 'nhà văn hóa', 'điểm tiếp nhận'], rng)} số ${1 + ((rng() * 300) | 0)} ${rng() < 0.6 ? 'phố' : 'đường'} ${street}, ${c.agency} ${pick(['đã tổ chức', 'tiếp tục', 'tổ chức', 'triển khai'], rng)}`;
  } else {
    const number = `${1 + ((rng() * 9000) | 0)}/${pick(['QĐ-UBND', 'KH-UBND', 'UBND-KSTTHC', 'TB-VP', 'SNV-CCHC'], rng)}`;
    lead = `Căn cứ ${pick(['Quyết định', 'Kế hoạch', 'Công văn', 'Thông báo'], rng)} số ${number} ngày ${dmy(rng, c.year)} của ${c.agency},`;
  }
  const leadLen = countSyllables(lead);
  if (leadLen + 8 > max) return undefined;
  return led(c, lead, leadLen + 6, Math.min(max, leadLen + 16));
}

function titleVi(c: Ctx, kind: Kind): string {
  const { rng } = c;
  const target = lengthIn(rng, 8, 20, 1.6);
  const prefix = pick(TITLE_PREFIXES[kind], rng);
  const suffix = rng() < 0.4 ? (rng() < 0.45 ? `năm ${c.year}` : rng() < 0.6 ? `tại ${c.place}` : `trên địa bàn thành phố`) : '';
  const budget = 20 - countSyllables(suffix);
  const s = new Sentence(budget);
  s.add(prefix, countSyllables(prefix));
  s.add(c.topics[0]!, c.topicLens[0]!);
  while (s.n < target - countSyllables(suffix)) {
    if (s.room >= 3 && rng() < 0.6) {
      const link = pick(TITLE_LINKS, rng);
      s.add(link, countSyllables(link));
    }
    addNp(c, s, 0.3);
  }
  if (suffix) s.add(suffix, countSyllables(suffix));
  return capitalize(s.parts.join(' '));
}

function summaryVi(c: Ctx, kind: Kind): string {
  const { rng } = c;
  const target = lengthIn(rng, 20, 45, 1.2);
  const leads: Record<Kind, string> = {
    news: `${c.agency} ${rng() < 0.5 ? 'tổ chức' : 'triển khai'}`,
    announcement: `${c.agency} thông báo`,
    directive: `${c.agency} yêu cầu`,
    guidance: `${c.agency} hướng dẫn`,
    plan: `${c.agency} ban hành kế hoạch`,
    statistics: `Theo số liệu của ${c.agency},`,
  };
  const lead = leads[kind];
  const leadLen = countSyllables(lead);
  if (target - leadLen >= 22 && rng() < 0.5) {
    const firstLen = lengthIn(rng, 8, target - leadLen - 10, 1);
    const [a, na] = synthSentence(c, firstLen, firstLen + 2, false);
    const rest = target - leadLen - na;
    const [b] = synthSentence(c, rest, Math.min(45 - leadLen - na, rest + 2), false);
    return `${lead} ${a} ${capitalize(b)}`;
  }
  const [s] = synthSentence(c, target - leadLen, Math.min(45 - leadLen, target - leadLen + 3), false);
  return `${lead} ${s}`;
}

function firstSentence(c: Ctx, kind: Kind, date: Date): [string, number] | undefined {
  const { rng } = c;
  const local = new Date(date.getTime() + VN_OFFSET_MS);
  const d = local.getUTCDate();
  const m = local.getUTCMonth() + 1;
  if (kind === 'news') {
    const lead = `Ngày ${d}/${m}, ${c.agency} ${pick(['tổ chức', 'triển khai', 'chủ trì', 'phối hợp tổ chức'], rng)}`;
    return led(c, lead, countSyllables(lead) + 8, countSyllables(lead) + 20);
  }
  if (kind === 'statistics') {
    const x = Math.floor(rng() * 400 + 550) / 10;
    const up = Math.floor(rng() * 150 + 5) / 10;
    const s =
      `Trong ${pick(['quý I', 'quý II', 'quý III', 'quý IV', '6 tháng đầu năm', '9 tháng'], rng)} năm ${c.year}, ` +
      `${pick(STAT_SUBJECTS, rng)} đạt ${String(x).replace('.', ',')}%, tăng ${String(up).replace('.', ',')}% so với cùng kỳ năm ${c.year - 1}.`;
    return [s, countSyllables(s)];
  }
  if (kind === 'plan') {
    const lead = `Thực hiện ${pick(['chỉ đạo', 'kế hoạch', 'chương trình công tác'], rng)} năm ${c.year}, ${c.agency} ban hành kế hoạch`;
    return led(c, lead, countSyllables(lead) + 6, countSyllables(lead) + 16);
  }
  return undefined;
}

function bodyVi(c: Ctx, kind: Kind, date: Date): string {
  const { rng, p } = c;
  const skew = kind === 'directive' || kind === 'guidance' ? 1.1 : 1.7;
  const target = lengthIn(rng, 150, 700, skew);
  const wholeShare = WHOLE_SENTENCE_SHARE[kind];
  const specialShare = kind === 'news' || kind === 'statistics' ? 0.08 : 0.03;
  const paragraphs: string[] = [];
  let n = 0;
  let para: string[] = [];
  let paraLeft = 2 + ((rng() * 4) | 0);
  const first = firstSentence(c, kind, date);
  if (first) {
    para.push(first[0]);
    n += first[1];
    paraLeft--;
  }
  while (n < target) {
    let s: string | undefined;
    let len = 0;
    const room = 700 - n;
    const r = rng();
    if (r < wholeShare) {
      const i = draw(p.sentenceSampler, rng);
      s = p.sentences[i]!;
      len = p.sentenceLens[i]!;
      if (len > room) {
        s = truncateSentence(s, room);
        len = room;
      }
    } else if (r < wholeShare + specialShare) {
      [s, len] = specialSentence(c, kind, room) ?? ['', 0];
    }
    if (!s) {
      const min = Math.min(room, lengthIn(rng, 8, 30, 1.3));
      [s, len] = synthSentence(c, min, Math.min(room, min + 3), true);
      s = capitalize(s);
    }
    para.push(s);
    n += len;
    if (--paraLeft === 0) {
      paragraphs.push(para.join(' '));
      para = [];
      paraLeft = 2 + ((rng() * 4) | 0);
    }
  }
  if (para.length > 0) paragraphs.push(para.join(' '));
  return paragraphs.join('\n\n');
}

function enText(c: Ctx, min: number, max: number): [string, number] {
  const { rng, p } = c;
  const parts: string[] = [];
  let n = 0;
  while (n < min) {
    const list = rng() < 0.6 ? p.enPhrases : p.enWords;
    const got = fromList(list, rng, max - n) ?? fromList(p.enWords, rng, 1);
    if (!got) continue;
    parts.push(got[0]);
    n += got[1];
  }
  return [capitalize(parts.join(' ')), n];
}

function documentEn(c: Ctx, kind: Kind): { title: string; summary: string; body: string } {
  const { rng, p } = c;
  const [title] = enText(c, lengthIn(rng, 8, 18, 1.5), 20);
  const agency = pick(SITE_AGENCIES_EN, rng);
  const [sum] = enText(c, lengthIn(rng, 14, 36, 1.2), 38);
  const summary = `${agency} ${kind === 'news' ? 'reports' : 'publishes'}: ${lowerFirst(sum)}.`;
  const target = lengthIn(rng, 150, 500, 1.5);
  const paragraphs: string[] = [];
  let para: string[] = [];
  let n = 0;
  while (n < target) {
    if (rng() < 0.55) {
      const i = (rng() * p.enSentences.length) | 0;
      para.push(p.enSentences[i]!);
      n += p.enSentenceLens[i]!;
    } else {
      const [t, l] = enText(c, lengthIn(rng, 8, 24, 1.2), 26);
      para.push(`${t}.`);
      n += l;
    }
    if (para.length >= 3 && rng() < 0.4) {
      paragraphs.push(para.join(' '));
      para = [];
    }
  }
  if (para.length > 0) paragraphs.push(para.join(' '));
  return { title, summary, body: paragraphs.join('\n\n') };
}

function makeDocument(n: number, seed: number): CorpusDocument {
  const p = pools();
  const rng = mulberry32(mix(seed, n));
  const kind = KINDS[draw(KIND_SAMPLER, rng)]!;
  const siteIndex = draw(SITE_SAMPLER, rng);
  const lang: 'vi' | 'en' = rng() < 0.03 ? 'en' : 'vi';
  const date = publishedAt(rng);
  const year = new Date(date.getTime() + VN_OFFSET_MS).getUTCFullYear();
  const own = SITE_DOMAIN[siteIndex]!;
  const domain = p.domains[own >= 0 && rng() < 0.75 ? own : draw(ANY_DOMAIN_SAMPLER, rng)]!;
  // Topics: two phrases of the domain (the first one usual) and one from anywhere in the source
  // phrases (most of them rare there).
  const topics = [
    domain.items[draw(domain.sampler, rng)]!,
    domain.items[(rng() * domain.items.length) | 0]!,
    p.phrases.items[(rng() * p.phrases.items.length) | 0]!,
  ];
  const c: Ctx = {
    rng,
    p,
    domain,
    topics,
    topicLens: topics.map(countSyllables),
    agency: rng() < 0.7 ? SITE_AGENCIES[siteIndex]! : pick(SITE_AGENCIES, rng),
    place: pick(PLACES, rng),
    year,
  };
  if (lang === 'en') return { n, ...documentEn(c, kind), kind, siteIndex, lang, publishedAt: date };
  const title = titleVi(c, kind);
  const summary = summaryVi(c, kind);
  const body = bodyVi(c, kind, date);
  return { n, title, summary, body, kind, siteIndex, lang, publishedAt: date };
}

/** Documents 0..count−1; document n depends only on (seed, n). */
export function* generateCorpus(count: number, seed: number = DEFAULT_SEED): Generator<CorpusDocument> {
  for (let n = 0; n < count; n++) yield makeDocument(n, seed);
}

// ---------------------------------------------------------------------------------------------
// Benchmark queries

/** Documents sampled (default seed) to measure which syllables are common or rare. */
const DF_SAMPLE = 10_000;
let dfCache: Map<string, number> | undefined;

/** Number of documents (out of `sample`) containing each syllable, accent-sensitive, case-folded. */
export function documentFrequencies(sample: number = DF_SAMPLE, seed: number = DEFAULT_SEED): Map<string, number> {
  if (sample === DF_SAMPLE && seed === DEFAULT_SEED && dfCache) return dfCache;
  const df = new Map<string, number>();
  for (const d of generateCorpus(sample, seed)) {
    for (const s of new Set(syllablesOf(`${d.title} ${d.summary} ${d.body}`))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  if (sample === DF_SAMPLE && seed === DEFAULT_SEED) dfCache = df;
  return df;
}

/** `k` items spread over frequency bands: ~35 % from the top tenth, ~35 % middle, ~30 % tail. */
function stratified(sorted: readonly string[], k: number, rng: Rng): string[] {
  const n = sorted.length;
  const bands = [sorted.slice(0, Math.ceil(n / 10)), sorted.slice(Math.ceil(n / 10), Math.ceil(n / 2)), sorted.slice(Math.ceil(n / 2))];
  const quota = [Math.round(k * 0.35), Math.round(k * 0.35)];
  quota.push(k - quota[0]! - quota[1]!);
  const out: string[] = [];
  for (const [i, band] of bands.entries()) out.push(...shuffled(band, rng).slice(0, quota[i]!));
  return out;
}

/**
 * About 20 queries of each kind, drawn from the source pools; document frequencies are measured
 * on 10,000 documents of the default corpus seed (they hardly depend on the seed).
 *
 * Measured on the first 20,000 documents of the default seed (npx node bench/search-corpus.ts):
 * the most widespread syllables, "thông" and "tin" (of "thông tin"), are each in 97.0 % of the
 * documents, "của" in 96.8 %, "và" in 96.7 %; oneWordCommon (seed 1) spans 97.0 % down to 70 %;
 * oneWordRare words are in 0.1–0.8 %; "phrase" queries match 0.8–42 % of the documents.
 */
export function benchmarkQueries(seed: number = 1): QuerySet {
  const p = pools();
  const rng = mulberry32(mix(seed, 0x51ab));
  const df = documentFrequencies();
  const byDf = [...df.keys()].filter((k) => LETTERS.test(k) && k.length > 1).sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : a > b ? 1 : 0));

  // The five most widespread syllables, then 15 more among the 80 most widespread.
  const oneWordCommon = [...byDf.slice(0, 5), ...shuffled(byDf.slice(5, 80), rng).slice(0, 15)].sort(
    (a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : a > b ? 1 : 0),
  );

  // Syllables in < 1 % (and ≥ 3) of the sample: 15 words of the source and the lexicons, 5 that
  // only occur in names of people, streets and places.
  const words = new Set<string>(p.syllableCount.keys());
  for (const d of DOMAINS) for (const w of syllablesOf(d)) words.add(w);
  const names = new Set<string>();
  for (const n of [...STREETS, ...PLACES, ...GIVEN_NAMES, ...SURNAMES]) {
    for (const w of syllablesOf(n)) if (!words.has(w)) names.add(w);
  }
  const rare = (k: string): boolean => {
    const f = df.get(k)!;
    if (FUNCTION_WORDS.has(k) || NEEDS_NUMBER.has(k) || p.acronyms.has(k) || /^[ivxlc]+$/.test(k)) return false;
    return f >= 3 && f < DF_SAMPLE * 0.008 && k.length <= 7 && VOWEL.test(stripDiacritics(k));
  };
  const rareWords = shuffled(
    byDf.filter((k) => words.has(k) && rare(k)),
    rng,
  );
  const rareNames = shuffled(
    byDf.filter((k) => names.has(k) && rare(k)),
    rng,
  );
  const oneWordRare = [...rareWords.slice(0, 15), ...rareNames.slice(0, 20 - Math.min(15, rareWords.length))];

  // Multi-syllable candidates: source phrases and lexicon phrases, ranked by the sample document
  // frequency of their rarest syllable (an upper bound of the phrase's own).
  const candidates = new Set<string>(p.phraseKeys);
  for (const d of p.domains) for (const item of d.items) candidates.add(item.toLowerCase());
  const rarest = (q: string): number => Math.min(...q.split(' ').map((w) => df.get(w) ?? 0));
  const ranked = (lens: number[]): string[] =>
    [...candidates]
      .filter((q) => lens.includes(q.split(' ').length) && rarest(q) > 0 && LETTERS.test(q.replace(/ /g, '')))
      .sort((x, y) => rarest(y) - rarest(x) || (x < y ? -1 : x > y ? 1 : 0));
  // The examples everyone thinks of first lead their lists when the pools have them.
  const lead = (q: string): string[] => (candidates.has(q) && rarest(q) > 0 ? [q] : []);
  const twoWord = stratified(ranked([2]), 20, rng);
  const phrase = [...new Set([...lead('đường dây nóng'), ...stratified(ranked([3]), 20, rng)])].slice(0, 20).map((q) => `"${q}"`);
  const accented = ranked([2, 3, 4]).filter((q) => stripDiacritics(q) !== q);
  const noDiacritics = [...new Set([...lead('thủ tục hành chính'), ...stratified(accented, 24, rng)].map(stripDiacritics))].slice(0, 20);

  return { oneWordCommon, oneWordRare, twoWord, phrase, noDiacritics };
}

// ---------------------------------------------------------------------------------------------
// Self-check: npx node bench/search-corpus.ts

if (import.meta.main && process.argv[2] === 'pools') {
  const p = pools();
  console.log(p.phrases.items.map((x, i) => `${x}:${p.phrases.lens[i]}`).join(' | '));
  console.log(p.singles.items.join(' '));
  process.exit(0);
}

if (import.meta.main) {
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  const t0 = performance.now();
  pools();
  const t1 = performance.now();
  let chars = 0;
  for (const d of generateCorpus(200_000)) chars += d.body.length;
  const t2 = performance.now();
  const p = pools();
  console.log(
    `pools: ${p.syllableCount.size} source syllables, ${p.singles.items.length} free-standing ones, ` +
      `${p.phrases.items.length} phrases, ${p.sentences.length} sentences, ` +
      `${p.domains.reduce((x, d) => x + d.items.length, 0)} lexicon phrases (${(t1 - t0).toFixed(0)} ms)`,
  );
  console.log(`200,000 documents in ${((t2 - t1) / 1000).toFixed(1)} s (${(chars / 1e6).toFixed(0)} M characters of body)`);

  const N = 20_000;
  const df = new Map<string, number>();
  const kinds = new Map<string, number>();
  const years = new Map<number, number>();
  let site0 = 0;
  let en = 0;
  let total = 0;
  let tokens = 0;
  const bounds = { title: [1e9, 0], summary: [1e9, 0], body: [1e9, 0] } as Record<string, [number, number]>;
  const sums = { title: 0, summary: 0, body: 0 } as Record<string, number>;
  for (const d of generateCorpus(N)) {
    for (const f of ['title', 'summary', 'body'] as const) {
      const k = countSyllables(d[f]);
      sums[f]! += k;
      const b = bounds[f]!;
      if (d.lang === 'vi') {
        b[0] = Math.min(b[0], k);
        b[1] = Math.max(b[1], k);
      }
      total += k;
    }
    const syl = syllablesOf(`${d.title} ${d.summary} ${d.body}`);
    tokens += syl.length;
    for (const s of new Set(syl)) df.set(s, (df.get(s) ?? 0) + 1);
    kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
    const y = d.publishedAt.getUTCFullYear();
    years.set(y, (years.get(y) ?? 0) + 1);
    if (d.siteIndex === 0) site0++;
    if (d.lang === 'en') en++;
  }
  console.log(
    `\nover ${N.toLocaleString('en')} documents: ${(total / N).toFixed(0)} syllables per document on average ` +
      `(title ${(sums.title! / N).toFixed(1)}, summary ${(sums.summary! / N).toFixed(1)}, body ${(sums.body! / N).toFixed(0)}); ` +
      `${df.size} distinct tokens in ${tokens.toLocaleString('en')}`,
  );
  console.log(`Vietnamese lengths: title ${bounds.title!.join('–')}, summary ${bounds.summary!.join('–')}, body ${bounds.body!.join('–')} syllables`);
  console.log(`kinds: ${[...kinds].map(([k, v]) => `${k} ${pct(v / N)}`).join(', ')}`);
  console.log(`site 0: ${pct(site0 / N)}; English: ${pct(en / N)}`);
  console.log(
    `years: ${[...years]
      .sort((a, b) => a[0] - b[0])
      .map(([y, v]) => `${y} ${pct(v / N)}`)
      .join(', ')}`,
  );
  const dfs = [...df].filter(([k]) => LETTERS.test(k)).map(([, v]) => v);
  const share = (lo: number, hi: number): number => dfs.filter((v) => v >= lo * N && v < hi * N).length;
  console.log(
    `words (letters only) by document frequency: ≥50 % ${share(0.5, 2)}, 10–50 % ${share(0.1, 0.5)}, 1–10 % ${share(0.01, 0.1)}, ` +
      `0.1–1 % ${share(0.001, 0.01)}, <0.1 % ${share(0, 0.001)}`,
  );

  const top = [...df].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`most widespread: ${top.map(([k, v]) => `${k} ${pct(v / N)}`).join(', ')}`);

  const t3 = performance.now();
  const q = benchmarkQueries();
  const t4 = performance.now();
  console.log(`\nbenchmarkQueries() in ${(t4 - t3).toFixed(0)} ms`);
  const frac = (w: string): string => pct((df.get(w) ?? 0) / N);
  console.log(`oneWordCommon: ${q.oneWordCommon.map((w) => `${w} ${frac(w)}`).join(', ')}`);
  console.log(`oneWordRare: ${q.oneWordRare.map((w) => `${w} ${frac(w)}`).join(', ')}`);
  console.log(`twoWord: ${q.twoWord.join(' | ')}`);
  console.log(`phrase: ${q.phrase.join(' | ')}`);
  console.log(`noDiacritics: ${q.noDiacritics.join(' | ')}`);

  // Phrase queries: documents containing the phrase as consecutive syllables.
  const phraseHits = new Map<string, number>(q.phrase.map((x) => [x.slice(1, -1), 0]));
  for (const d of generateCorpus(N)) {
    const text = ` ${syllablesOf(`${d.title} ${d.summary} ${d.body}`).join(' ')} `;
    for (const k of phraseHits.keys()) if (text.includes(` ${k} `)) phraseHits.set(k, phraseHits.get(k)! + 1);
  }
  console.log(`phrase hits: ${[...phraseHits].map(([k, v]) => `${k} ${pct(v / N)}`).join(', ')}`);

  const all = [...generateCorpus(40)];
  for (const d of [all[0]!, all[2]!, all.find((x) => x.lang === 'en')!]) {
    console.log(`\n--- #${d.n} ${d.kind}, site ${d.siteIndex}, ${d.lang}, ${d.publishedAt.toISOString()}`);
    console.log(`TITLE: ${d.title}\nSUMMARY: ${d.summary}\n${d.body}`);
  }
}
