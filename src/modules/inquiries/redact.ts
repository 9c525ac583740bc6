/**
 * Automatic redaction of citizens' personal data before a question and its answer are published:
 * the regulation allows publishing the substance of a question, never who asked it. Each finding
 * becomes a bracketed Vietnamese placeholder ("[họ tên]", "[số điện thoại]", …).
 *
 * It is a safety net under the officer's own review, tuned to keep what makes an answer useful:
 * dates, document numbers, amounts, article numbers and ward / district / city names stay.
 *
 * Detection runs on the whole text, rule by rule in order of confidence (the citizen's own details
 * first, then fixed formats, then heuristics); a later finding that overlaps an earlier one is
 * dropped, so an ID-number rule never bites into a phone number already found.
 */
import { normalisePhone } from './contact.ts';

export interface KnownPersonalData {
  names?: string[];
  emails?: string[];
  phones?: string[];
  addresses?: string[];
  idNumbers?: string[];
}

type Kind = 'name' | 'phone' | 'email' | 'id' | 'address';

const PLACEHOLDER: Record<Kind, string> = {
  name: '[họ tên]',
  phone: '[số điện thoại]',
  email: '[địa chỉ email]',
  id: '[số định danh]',
  address: '[địa chỉ]',
};

interface Span {
  start: number;
  end: number;
  kind: Kind;
}

/** Redacts plain text (NFC-normalised first); `count` is the number of placeholders inserted. */
export function redactPersonalData(text: string, known?: KnownPersonalData): { text: string; count: number } {
  const t = text.normalize('NFC');
  const spans = findPersonalData(t, known);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += t.slice(at, s.start) + PLACEHOLDER[s.kind];
    at = s.end;
  }
  return { text: out + t.slice(at), count: spans.length };
}

// ---------------------------------------------------------------------------------------------
// Building blocks of the patterns. Text is NFC, so every Vietnamese letter is one code point.

/** A letter, mark or digit: what must not touch a match for it to stand alone. */
const WORDCHAR = '[\\p{L}\\p{M}\\p{N}]';
/** Horizontal space; U+00A0 because rich-text editors put &nbsp; between number groups. */
const SP = '[ \\t\\u00A0]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A lowercase word or phrase whose first letter may also be capitalised: "phố" → "[pP]hố". */
function either(phrase: string): string {
  const first = phrase.charAt(0);
  const rest = phrase.slice(1).split(' ').map(escapeRegExp).join(`${SP}+`);
  return `[${first}${first.toUpperCase()}]${rest}`;
}

function anyOf(phrases: readonly string[]): string {
  return `(?:${phrases.map(either).join('|')})`;
}

/** Finds every match of `re` (global) and turns the accepted ones into spans. */
function scan(text: string, re: RegExp, pick: (m: RegExpExecArray) => Span | undefined): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = pick(m);
    if (s) out.push(s);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** A span covering the last capture group, which every pattern using this puts at the very end. */
function tail(m: RegExpExecArray, group: string | undefined, kind: Kind): Span | undefined {
  if (!group) return undefined;
  const end = m.index + m[0].length;
  return { start: end - group.length, end, kind };
}

// ---------------------------------------------------------------------------------------------
// The rules, in order.

function findPersonalData(text: string, known: KnownPersonalData = {}): Span[] {
  const rules: Array<() => Span[]> = [
    () => knownEmails(text, known.emails ?? []),
    () => emails(text),
    () => knownPhones(text, known.phones ?? []),
    () => phones(text),
    () => knownIds(text, known.idNumbers ?? []),
    () => knownAddresses(text, known.addresses ?? []),
    () => addresses(text),
    () => knownNames(text, known.names ?? []),
    () => introducedNames(text),
    () => idNumbers(text),
  ];
  const accepted: Span[] = [];
  for (const rule of rules) {
    for (const s of rule()) {
      if (s.end > s.start && !accepted.some((a) => s.start < a.end && a.start < s.end)) accepted.push(s);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

// --- e-mail addresses --------------------------------------------------------------------------

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

function emails(text: string): Span[] {
  return scan(text, EMAIL, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'email' }));
}

function knownEmails(text: string, list: string[]): Span[] {
  return list.flatMap((raw) => {
    const e = raw.normalize('NFC').trim();
    if (!e.includes('@')) return [];
    const re = new RegExp(`(?<![\\p{L}\\p{N}._%+-])${escapeRegExp(e)}(?![\\p{L}\\p{N}-])`, 'giu');
    return scan(text, re, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'email' }));
  });
}

// --- phone numbers -----------------------------------------------------------------------------

/**
 * A run of digit groups with the separators people use in phone numbers. A run is not a phone by
 * itself — "1.500.000" is one too — `phones` then looks inside it for consecutive groups that
 * make a valid Vietnamese mobile or landline number.
 */
const DIGIT_RUN = /(?<![\p{L}\p{N}/])\(?\+?\d(?:[\d .\-()\u00A0]*\d)?(?![\p{L}\p{N}/])/gu;
const PHONE_GROUPS_MAX = 6;

function phones(text: string): Span[] {
  const out: Span[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length }));
    for (let i = 0; i < groups.length; ) {
      const j = longestPhone(text, groups, i, run.index);
      if (j === undefined) {
        i++;
        continue;
      }
      const first = groups[i];
      const last = groups[j];
      // The run's own "(+" belongs to the number when it starts there.
      if (first && last) out.push({ start: i === 0 ? run.index : first.start, end: last.end, kind: 'phone' });
      i = j + 1;
    }
  }
  return out;
}

/** The last group index j such that groups i..j read as a mobile or landline number. */
function longestPhone(text: string, groups: Array<{ start: number; end: number }>, i: number, runStart: number): number | undefined {
  let found: number | undefined;
  const first = groups[i];
  if (!first) return undefined;
  const from = i === 0 ? runStart : first.start;
  for (let j = i; j < Math.min(groups.length, i + PHONE_GROUPS_MAX); j++) {
    const n = normalisePhone(text.slice(from, groups[j]?.end));
    // Hotlines (1800/1900) are agencies' and businesses' numbers, never a citizen's: kept.
    if (n?.startsWith('0')) found = j;
  }
  return found;
}

function knownPhones(text: string, list: string[]): Span[] {
  return list.flatMap((raw) => {
    const digits = normalisePhone(raw) ?? raw.replace(/\D/g, '');
    if (digits.length < 8) return [];
    const gap = '[ .\\-()\\u00A0]*';
    // Compared by digits: any grouping, and +84 / 84 / 0084 in place of the leading 0.
    const body = digits.startsWith('0')
      ? `(?:\\(?(?:\\+|00)?84\\)?${gap}(?:\\(0\\)${gap})?|0)${digits.slice(1).split('').join(gap)}`
      : digits.split('').join(gap);
    const re = new RegExp(`(?<!\\p{N})\\(?${body}(?!\\p{N})`, 'gu');
    return scan(text, re, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'phone' }));
  });
}

// --- citizen ID numbers ------------------------------------------------------------------------

/**
 * CCCD (12 digits) or CMND (9 digits), unbroken or in groups of 3 or 4 separated by spaces. Dots,
 * commas, slashes and dashes next to it mean an amount, a date or a document number instead, and
 * a longer digit run is something else (an account, a transaction).
 */
const ID_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}/.,\\-])(?<!\\p{N}${SP})(?:\\d{12}|\\d{3} \\d{3} \\d{3} \\d{3}|\\d{4} \\d{4} \\d{4}|\\d{9}|\\d{3} \\d{3} \\d{3})(?![\\p{L}\\p{N}/\\-]|[.,]\\p{N}|${SP}\\p{N})`,
  'gu',
);
/** A unit after the number makes it a quantity: "150000000 đồng", "123456789 m²". */
const UNIT_AFTER = new RegExp(`^${SP}*(?:đồng|đ|vnđ|vnd|usd|triệu|tỷ|tỉ|nghìn|ngàn|%|m2|m²|m3|km|kg|tấn|lượt|người|hộ)(?![\\p{L}\\p{N}])`, 'iu');

function idNumbers(text: string): Span[] {
  return scan(text, ID_NUMBER, (m) => {
    const end = m.index + m[0].length;
    return UNIT_AFTER.test(text.slice(end, end + 12)) ? undefined : { start: m.index, end, kind: 'id' };
  });
}

function knownIds(text: string, list: string[]): Span[] {
  return list.flatMap((raw) => {
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 8) return [];
    const re = new RegExp(`(?<!\\p{N})${digits.split('').join('[ .\\-]?')}(?!\\p{N})`, 'gu');
    return scan(text, re, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'id' }));
  });
}

// --- street addresses --------------------------------------------------------------------------

/** A house or alley number: 12, 12A, 12/3, 45/2B. */
const NUM = `\\d+[A-Za-z]?(?:\\/\\d+[A-Za-z]?)*(?!${WORDCHAR})`;
/** Administrative units end a street name: they stay readable. */
const ADMIN = `(?:Phường|Quận|Huyện|Xã|Tỉnh|TP|Tp|Thị${SP}+(?:xã|trấn)|Thành${SP}+phố)(?![\\p{L}])`;
const NAME_WORD = `(?!${ADMIN})\\p{Lu}\\p{Ll}*(?!${WORDCHAR})`;
/** A street or hamlet name: capitalised words ("Lê Thanh Nghị", "Nguyễn Thị Minh Khai"). */
const STREET_NAME = `${NAME_WORD}(?:${SP}+${NAME_WORD}){0,5}`;
/** "Đường 30 Tháng 4", "đường 3/2": streets named after dates. */
const NUMBERED_NAME = `${NUM}(?:${SP}+[tT]háng${SP}+\\d+)?`;
const SO = `(?:[sS]ố${SP}+)?`;
/** Alleys are numbered and hang off a named street, which may follow directly: "hẻm 45 Nguyễn Trãi". */
const ALLEY = anyOf(['ngõ', 'ngách', 'hẻm', 'kiệt']);
const OTHER_MARKER = anyOf(['tổ dân phố', 'khu phố', 'đường', 'phố', 'tổ', 'thôn', 'xóm', 'ấp']);
const SEGMENT = `(?:${ALLEY}${SP}+${SO}(?:${NUM}(?:${SP}+${STREET_NAME})?|${STREET_NAME})|${OTHER_MARKER}${SP}+${SO}(?:${NUMBERED_NAME}|${STREET_NAME}))`;
const SEPARATOR = `(?:${SP}*,${SP}*|${SP}+)`;

/** A house number and one or more street segments: "12A ngõ 34 đường Láng". */
const HOUSE_ADDRESS = new RegExp(`(?<![\\p{L}\\p{N}/.,])${NUM}(?:${SEPARATOR}${SEGMENT})+`, 'gu');
/** A hamlet or residential group is small enough to identify a family: "thôn Đông", "tổ dân phố 5". */
const HAMLET = new RegExp(`(?<!${WORDCHAR})${anyOf(['tổ dân phố', 'thôn', 'xóm', 'ấp'])}${SP}+${SO}(?:${NUM}|${STREET_NAME})(?:${SEPARATOR}${SEGMENT})*`, 'gu');
/** "tại số 1 Tràng Tiền", "số nhà 12 Hàng Bài": a street without marker, only after words that announce an address. */
const NUMBER_AND_STREET = new RegExp(
  `(?<=(?<!${WORDCHAR})(?:${anyOf(['nhà', 'tại', 'ở', 'chỉ', 'trú', 'ngụ'])}:?${SP}+[sS]ố|[sS]ố${SP}+nhà)${SP}+)${NUM}${SP}+${STREET_NAME}`,
  'gu',
);

/** Words before a number that make it a count, a year or an article, not a house number. */
const NOT_HOUSE_BEFORE = new Set([
  'năm',
  'ngày',
  'tháng',
  'quý',
  'điều',
  'khoản',
  'điểm',
  'chương',
  'mục',
  'khoảng',
  'gần',
  'hơn',
  'có',
  'gồm',
  'trong',
  'với',
  'tổng',
  'cả',
  'các',
  'những',
  'km',
  'lộ',
  'tuyến',
]);

function addresses(text: string): Span[] {
  const house = scan(text, HOUSE_ADDRESS, (m) => {
    const before = previousWord(text, m.index);
    const year = /^(?:19|20)\d\d$/.test(m[0].match(/^\d+/)?.[0] ?? '') && before !== 'số' && before !== 'nhà';
    if (NOT_HOUSE_BEFORE.has(before) || year) return undefined;
    return { start: m.index, end: m.index + m[0].length, kind: 'address' };
  });
  const hamlet = scan(text, HAMLET, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'address' }));
  const street = scan(text, NUMBER_AND_STREET, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'address' }));
  return union([...house, ...hamlet, ...street]);
}

/**
 * Overlapping address findings are one address: "tổ dân phố số 5, khu phố 3" is found from the
 * hamlet and from the house number "5"; keeping either alone would leave part of it readable.
 */
function union(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The word just before `index`, lowercase ("" at the start of the text). */
function previousWord(text: string, index: number): string {
  return (
    text
      .slice(Math.max(0, index - 40), index)
      .match(/(\p{L}+)[^\p{L}]*$/u)?.[1]
      ?.toLowerCase() ?? ''
  );
}

function knownAddresses(text: string, list: string[]): Span[] {
  return list.flatMap((raw) => {
    const a = raw.normalize('NFC').trim();
    if (a.length < 4) return [];
    const pattern = a
      .split(/\s*,\s*/)
      .map((part) => part.split(/\s+/).map(escapeRegExp).join('\\s+'))
      .join('\\s*,\\s*');
    const re = new RegExp(`(?<!${WORDCHAR})${pattern}(?!${WORDCHAR})`, 'giu');
    return scan(text, re, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'address' }));
  });
}

// --- personal names ----------------------------------------------------------------------------

/** Forms of address and self-introductions that a personal name follows. Longer phrases first. */
const NAME_MARKERS = [
  'tên tôi là',
  'tên em là',
  'tên cháu là',
  'tên mình là',
  'tôi tên là',
  'em tên là',
  'cháu tên là',
  'tôi tên',
  'tôi là',
  'em là',
  'cháu là',
  'mình là',
  'công dân',
  'bạn đọc',
  'bạn',
  'ông',
  'bà',
  'anh',
  'chị',
  'em',
  'cháu',
  'cô',
  'chú',
  'bác',
];
/** Honorifics written capitalised in the middle of a sentence in formal letters ("câu hỏi của Ông …"). */
const FORMAL_MARKERS = new Set(['ông', 'bà', 'công dân', 'bạn', 'bạn đọc']);
/** A syllable of a name: "Nguyễn", "B", or all capitals "NGUYỄN". */
const NAME_SYLLABLE = `\\p{Lu}(?:\\p{Ll}*|\\p{Lu}+)(?!${WORDCHAR})`;
const MARKER = anyOf(NAME_MARKERS);
const INTRODUCED_NAME = new RegExp(`(?<!${WORDCHAR})(${MARKER}(?:${SP}*\\/${SP}*${MARKER})*)${SP}+(${NAME_SYLLABLE}(?:${SP}+${NAME_SYLLABLE}){0,3})`, 'gu');

/**
 * Capitalised words after a marker that are not names: verbs and function words people
 * capitalise at random, titles, bodies, acronyms. Only words that are never a Vietnamese name
 * syllable — "Thị", "Thành", "Năm", "Trường" are names and are handled as phrases below.
 */
const NOT_A_NAME = new Set([
  'xin',
  'cảm',
  'kính',
  'chào',
  'hỏi',
  'cho',
  'nhờ',
  'mong',
  'theo',
  'muốn',
  'đã',
  'đang',
  'sẽ',
  'có',
  'không',
  'là',
  'được',
  'vì',
  'nên',
  'nhưng',
  'và',
  'thì',
  'rất',
  'cũng',
  'vừa',
  'mới',
  'tôi',
  'người',
  'ở',
  'tại',
  'trú',
  'số',
  'chủ',
  'phó',
  'giám',
  'trưởng',
  'bộ',
  'sở',
  'phòng',
  'ban',
  'ủy',
  'uỷ',
  'tổ',
  'bí',
  'cán',
  'luật',
  'thủ',
  'thứ',
  'thẩm',
  'kiểm',
  'viện',
  'đảng',
  'tòa',
  'toà',
  'cục',
  'tổng',
  'xã',
  'phường',
  'quận',
  'huyện',
  'tỉnh',
  'thôn',
  'xóm',
  'ấp',
  'đường',
  'phố',
  'ubnd',
  'hđnd',
  'cccd',
  'cmnd',
  'tp',
  'bhxh',
  'bhyt',
  'mttq',
  'thpt',
  'thcs',
  'vn',
]);
/** A capitalised first word plus the lowercase word after it: a title or a common noun, not a name. */
const NOT_A_NAME_PHRASE = new Set([
  'thành phố',
  'thị xã',
  'thị trấn',
  'công an',
  'công chứng',
  'công giáo',
  'thanh tra',
  'đại biểu',
  'đại tá',
  'đại úy',
  'đại uý',
  'trung tá',
  'thượng tá',
  'thiếu tá',
  'trung úy',
  'trung uý',
  'thượng úy',
  'thượng uý',
  'thiếu úy',
  'thiếu uý',
  'văn phòng',
  'việt kiều',
  'hội đồng',
  'ngân hàng',
  'trường học',
  'nhân dân',
  'nhà nước',
  'giáo viên',
  'bác sĩ',
  'kỹ sư',
  'giáo sư',
  'tiến sĩ',
  'thạc sĩ',
  'kế toán',
  'thư ký',
  'nông dân',
  'quân đội',
  'bảo hiểm',
  'hòa giải',
  'hoà giải',
  'năm nay',
  'trường hợp',
  'đoàn viên',
  'hội viên',
  'đảng viên',
]);
/** Places a name marker can be part of: "tỉnh Bà Rịa", "Bác Hồ" (a public figure, not a citizen). */
const MARKER_PLACES = new Set([
  'bà rịa',
  'bà chiểu',
  'bà đen',
  'bà điểm',
  'bà triệu',
  'bà huyện',
  'bà hom',
  'bà quẹo',
  'bà kiệu',
  'ông lãnh',
  'ông ích',
  'ông tạ',
  'ông đồn',
  'cô tô',
  'bác hồ',
]);
/**
 * Provinces (before and after the 2025 merger) and the country: "công dân Hà Nội", "bạn đọc Huế"
 * name no one. Checked only after the markers places follow — "chị Hòa Bình" is a person.
 */
const PLACE_MARKERS = new Set(['công dân', 'bạn', 'bạn đọc']);
const PLACES = [
  'việt nam',
  'hồ chí minh',
  'thủ đô',
  'trung ương',
  'an giang',
  'bà rịa',
  'bạc liêu',
  'bắc giang',
  'bắc kạn',
  'bắc ninh',
  'bến tre',
  'bình dương',
  'bình định',
  'bình phước',
  'bình thuận',
  'cà mau',
  'cao bằng',
  'cần thơ',
  'đà nẵng',
  'đắk lắk',
  'đắk nông',
  'điện biên',
  'đồng nai',
  'đồng tháp',
  'gia lai',
  'hà giang',
  'hà nam',
  'hà nội',
  'hà tĩnh',
  'hải dương',
  'hải phòng',
  'hậu giang',
  'hòa bình',
  'hoà bình',
  'huế',
  'hưng yên',
  'khánh hòa',
  'khánh hoà',
  'kiên giang',
  'kon tum',
  'lai châu',
  'lâm đồng',
  'lạng sơn',
  'lào cai',
  'long an',
  'nam định',
  'nghệ an',
  'ninh bình',
  'ninh thuận',
  'phú thọ',
  'phú yên',
  'quảng bình',
  'quảng nam',
  'quảng ngãi',
  'quảng ninh',
  'quảng trị',
  'sóc trăng',
  'sơn la',
  'tây ninh',
  'thái bình',
  'thái nguyên',
  'thanh hóa',
  'thanh hoá',
  'thừa thiên',
  'tiền giang',
  'trà vinh',
  'tuyên quang',
  'vĩnh long',
  'vĩnh phúc',
  'yên bái',
].map((p) => p.split(' '));
/** Before a capitalised marker, a word that makes the marker part of a place name ("phố Bà Triệu"). */
const PLACE_KIND_BEFORE = new Set([
  'tỉnh',
  'phố',
  'đường',
  'phường',
  'xã',
  'quận',
  'huyện',
  'trấn',
  'cầu',
  'chợ',
  'núi',
  'sông',
  'đền',
  'chùa',
  'đình',
  'miếu',
  'lăng',
  'bến',
  'ngõ',
  'hẻm',
  'kênh',
  'rạch',
  'hội',
  'xứ',
  'khu',
  'ấp',
  'thôn',
  'xóm',
  'trường',
  'đảo',
  'hồ',
  'ga',
  'tiếng',
  'nước',
]);

function introducedNames(text: string): Span[] {
  return scan(text, INTRODUCED_NAME, (m) => {
    const marker = (m[1] ?? '').split('/').at(-1)?.trim().split(/\s+/).join(' ') ?? '';
    const run = m[2] ?? '';
    const runStart = m.index + m[0].length - run.length;
    if (!markerCounts(text, m.index, m[1] ?? '')) return undefined;
    const words = [...run.matchAll(/\S+/gu)];
    const kept = words.findIndex((w) => NOT_A_NAME.has(w[0].toLowerCase()));
    const name = kept === -1 ? words : words.slice(0, kept);
    const first = name[0];
    const last = name.at(-1);
    if (!first || !last) return undefined;
    const lower = name.map((w) => w[0].toLowerCase());
    const nextWord = text.slice(runStart + first[0].length).match(/^[ \t\u00A0]+(\p{Ll}+)/u)?.[1] ?? '';
    if (NOT_A_NAME_PHRASE.has(`${lower[0]} ${nextWord}`)) return undefined;
    if (MARKER_PLACES.has(`${marker.toLowerCase().split(' ').at(-1)} ${lower[0]}`)) return undefined;
    if (PLACE_MARKERS.has(marker.toLowerCase()) && PLACES.some((p) => p.every((w, i) => lower[i] === w))) return undefined;
    return { start: runStart, end: runStart + last.index + last[0].length, kind: 'name' };
  });
}

/**
 * A lowercase marker always counts. A capitalised one counts at the start of a sentence or line,
 * or — for the formal honorifics — anywhere but right after a place word: "Anh" in "tiếng Anh"
 * or "Bà" in "phố Bà Triệu" is part of a proper noun.
 */
function markerCounts(text: string, index: number, marker: string): boolean {
  const firstChar = marker.charAt(0);
  if (firstChar === firstChar.toLowerCase()) return true;
  if (sentenceStart(text, index)) return true;
  const first = marker
    .split(/[\s/]+/)
    .slice(0, 2)
    .join(' ')
    .toLowerCase();
  const formal = FORMAL_MARKERS.has(first) || FORMAL_MARKERS.has(first.split(' ')[0] ?? '');
  return formal && !PLACE_KIND_BEFORE.has(previousWord(text, index));
}

/** Only opening quotes, brackets and bullets between `index` and the previous sentence end or line break. */
function sentenceStart(text: string, index: number): boolean {
  let k = index - 1;
  while (k >= 0 && /[ \t\u00A0"“”'‘’(«[*•\-–—]/u.test(text.charAt(k))) k--;
  return k < 0 || /[.!?:;…\n\r]/u.test(text.charAt(k));
}

/** Forms of address before the short form of a known name: "chị Thu Hà" for Nguyễn Thị Thu Hà. */
const TITLES = '(?:ông|bà|anh|chị|em|cháu|cô|chú|bác|bạn|công dân)';

function knownNames(text: string, list: string[]): Span[] {
  return list.flatMap((raw) => {
    const syllables = raw.normalize('NFC').trim().split(/\s+/).filter(Boolean);
    const join = (parts: string[]) => parts.map(escapeRegExp).join(`${SP}+`);
    const found: Span[] = [];
    // A single syllable anywhere would also hit "an" in "an toàn": only the full name goes everywhere.
    if (syllables.length >= 2) {
      const re = new RegExp(`(?<!${WORDCHAR})${join(syllables)}(?!${WORDCHAR})`, 'giu');
      found.push(...scan(text, re, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'name' })));
    }
    const short = syllables.slice(-2);
    if (syllables.length >= 3) {
      const re = new RegExp(`(?<!${WORDCHAR})${TITLES}${SP}+(${join(short)})(?!${WORDCHAR})`, 'giu');
      found.push(...scan(text, re, (m) => tail(m, m[1], 'name')));
    }
    return found;
  });
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Tags that end a line of text: a name or number never runs across them. */
const BLOCK_TAG =
  /^<\/?(?:p|div|br|hr|li|ul|ol|h[1-6]|table|thead|tbody|tfoot|tr|td|th|caption|blockquote|pre|section|article|header|footer|aside|nav|main|figure|figcaption|dl|dt|dd|address)\b/i;
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Where a character of the joined text came from: a text part of the split HTML and its offsets. */
interface Origin {
  part: number;
  start: number;
  end: number;
}

/**
 * Redacts the text of an HTML fragment (already sanitised), leaving every tag and attribute as it
 * was. The text nodes are read as one text — inline tags invisible, block tags as line breaks, a
 * few entities decoded — so "Tôi là <strong>Nguyễn Văn An</strong>" and "0912&nbsp;345&nbsp;678"
 * are found; a finding spread over several text nodes becomes one placeholder in the first.
 * Attributes (a mailto: link's href, a title) are not text and are NOT redacted.
 */
export function redactHtml(html: string, known?: KnownPersonalData): { html: string; count: number } {
  const parts = html.split(/(<[^>]*>)/);
  for (let i = 0; i < parts.length; i += 2) parts[i] = (parts[i] ?? '').normalize('NFC');
  const { joined, origins } = joinText(parts);
  const spans = findPersonalData(joined, known);
  const edits = new Map<number, Array<{ start: number; end: number; text: string }>>();
  for (const s of spans) {
    const seen = new Set<number>();
    const touched = origins.slice(s.start, s.end).filter((o): o is Origin => o !== undefined);
    for (const o of touched) {
      if (seen.has(o.part)) continue;
      seen.add(o.part);
      const inPart = touched.filter((t) => t.part === o.part);
      const edit = { start: o.start, end: Math.max(...inPart.map((t) => t.end)), text: seen.size === 1 ? PLACEHOLDER[s.kind] : '' };
      edits.set(o.part, [...(edits.get(o.part) ?? []), edit]);
    }
  }
  for (const [part, list] of edits) {
    let t = parts[part] ?? '';
    for (const e of list.sort((a, b) => b.start - a.start)) t = t.slice(0, e.start) + e.text + t.slice(e.end);
    parts[part] = t;
  }
  return { html: parts.join(''), count: spans.length };
}

function joinText(parts: string[]): { joined: string; origins: Array<Origin | undefined> } {
  let joined = '';
  const origins: Array<Origin | undefined> = [];
  parts.forEach((p, part) => {
    if (part % 2 === 1) {
      if (BLOCK_TAG.test(p)) {
        joined += '\n';
        origins.push(undefined);
      }
      return;
    }
    let at = 0;
    const push = (chars: string, start: number, end: number) => {
      for (let k = 0; k < chars.length; k++) origins.push({ part, start, end });
      joined += chars;
    };
    for (const m of p.matchAll(ENTITY)) {
      for (let k = at; k < m.index; k++) push(p.charAt(k), k, k + 1);
      push(decodeEntity(m[1] ?? '') ?? m[0], m.index, m.index + m[0].length);
      at = m.index + m[0].length;
    }
    for (let k = at; k < p.length; k++) push(p.charAt(k), k, k + 1);
  });
  return { joined, origins };
}

function decodeEntity(body: string): string | undefined {
  const lower = body.toLowerCase();
  if (lower.startsWith('#')) {
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return NAMED_ENTITIES[lower];
}
