/**
 * A citizen's contact details: the e-mail address or Vietnamese phone number they give with a
 * question, checked and brought to one canonical form, so that the tracking page can later ask
 * "which contact did you give?" and compare without caring how it was typed.
 */
import crypto from 'node:crypto';

/** RFC 5321 caps a path at 256 octets, so an address (without the angle brackets) at 254. */
const EMAIL_MAX = 254;
/** The "dot-atom" of RFC 5322, in lowercase: what real mailboxes use; quoted local parts are refused. */
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^[a-z]{2,63}$/;

/**
 * "  Nguyen.An@Example.VN " → "nguyen.an@example.vn"; undefined when it cannot be an address.
 * Lowercased whole: no Vietnamese mail host treats the local part case-sensitively, and one form
 * is what lets a later comparison succeed. ASCII only — an address with diacritics is a typing
 * slip far more often than a real internationalised mailbox.
 */
export function normaliseEmail(input: string): string | undefined {
  const s = input.normalize('NFC').trim().toLowerCase();
  if (s.length === 0 || s.length > EMAIL_MAX) return undefined;
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@')) return undefined;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return undefined;
  return validDomain(domain) ? s : undefined;
}

function validDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  return labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l)) && TOP_LEVEL.test(tld);
}

/** Mobile: 03x, 05x, 07x, 08x, 09x and 7 more digits (the 2018 numbering plan). */
const MOBILE = /^0[35789]\d{8}$/;
/** Landline: 0 + a 2x/2xx area code + the subscriber number, 10 or 11 digits in all. */
const LANDLINE = /^02\d{8,9}$/;
/** Nationwide hotlines (1800 free, 1900 paid), the short 8-digit form. */
const HOTLINE = /^1[89]00\d{4}$/;

/**
 * "+84 912.345.678", "(024) 3825 1234", "0912-345-678" → digits only with the leading 0
 * ("0912345678", "02438251234"); undefined when it is not a Vietnamese number. Foreign numbers
 * are refused: the portal answers by Vietnamese SMS or by mail, and only these can be checked.
 */
export function normalisePhone(input: string): string | undefined {
  // NFKC so that full-width digits typed with a Vietnamese IME ("０９１２…") count as digits.
  const compact = input
    .normalize('NFKC')
    .trim()
    .replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return undefined;
  const digits = nationalForm(compact);
  if (digits === undefined) return undefined;
  return MOBILE.test(digits) || LANDLINE.test(digits) || HOTLINE.test(digits) ? digits : undefined;
}

/** "+84912…", "84912…", "0084912…", "+84 (0) 912…" → "0912…"; other "+" numbers are foreign. */
function nationalForm(compact: string): string | undefined {
  let d = compact;
  if (d.startsWith('+')) {
    if (!d.startsWith('+84')) return undefined;
    d = d.slice(1);
  } else if (d.startsWith('0084')) {
    d = d.slice(2);
  }
  // No domestic number starts with 84 (they start with 0 or 1), so the prefix is unambiguous.
  if (d.startsWith('840')) return d.slice(2);
  if (d.startsWith('84')) return `0${d.slice(2)}`;
  return d;
}

/**
 * Whether `given` (an e-mail address or a phone number, typed any way) is the contact stored with
 * a question. Both sides are normalised; an empty or unusable stored value never matches. The
 * comparison runs on SHA-256 digests so the buffers always have equal length and
 * crypto.timingSafeEqual applies — the answer must not leak, through timing, how much of a
 * guessed contact was right.
 */
export function contactMatches(stored: { email: string; phone: string }, given: string): boolean {
  const email = normaliseEmail(given);
  if (email !== undefined) return storedEquals(normaliseEmail(stored.email ?? ''), email);
  const phone = normalisePhone(given);
  if (phone !== undefined) return storedEquals(normalisePhone(stored.phone ?? ''), phone);
  return false;
}

/** Compares even when nothing is stored, so an empty record costs the same time as a wrong guess. */
function storedEquals(stored: string | undefined, given: string): boolean {
  const same = crypto.timingSafeEqual(digest(stored ?? ''), digest(given));
  return same && stored !== undefined && stored !== '';
}

function digest(s: string): Buffer {
  return crypto.createHash('sha256').update(s, 'utf8').digest();
}
