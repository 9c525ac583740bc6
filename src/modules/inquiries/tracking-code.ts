/**
 * The tracking code a citizen receives for a question: "HD-7K3M-Q0ZP-X9TB". It is the only key
 * to the tracking page besides the contact, so it is random, not a sequence: 60 bits cannot be
 * guessed or walked through. Crockford's base32 leaves out I, L, O and U so it can be read aloud
 * or copied from paper without confusion.
 */
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'HD';
const LENGTH = 12;

/** A fresh code; 12 symbols × 5 bits = 60 bits from the CSPRNG. */
export function newTrackingCode(): string {
  // 32 is a power of two, so taking 5 bits per symbol is unbiased (no modulo on a byte).
  let bits = crypto.randomBytes(8).readBigUInt64BE();
  let symbols = '';
  for (let i = 0; i < LENGTH; i++) {
    symbols += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return format(symbols);
}

function format(symbols: string): string {
  return `${PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/** What people type for the same symbol: Crockford's decoding rules. */
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * " hd 7k3m q0zp x9tb" → "HD-7K3M-Q0ZP-X9TB"; undefined when it cannot be a code. Spaces and
 * dashes anywhere are dropped, case is ignored, O is read as 0 and I/L as 1; the "HD" prefix may
 * be left out. The result is the stored form, so lookups compare exactly.
 */
export function normaliseTrackingCode(input: string): string | undefined {
  // NFKC first: full-width letters and digits from a Vietnamese IME become ASCII.
  const compact = input
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]/g, '');
  const body = compact.length === LENGTH + PREFIX.length && compact.startsWith(PREFIX) ? compact.slice(PREFIX.length) : compact;
  if (body.length !== LENGTH) return undefined;
  let symbols = '';
  for (const ch of body) {
    const s = LOOK_ALIKES[ch] ?? ch;
    if (!ALPHABET.includes(s)) return undefined;
    symbols += s;
  }
  return format(symbols);
}
