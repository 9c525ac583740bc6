/**
 * The one place that says what a host name, an e-mail address, a Vietnamese phone number and a
 * site code look like — for services, forms (as TypeBox patterns) and the request's Host header.
 */
import { Type } from 'typebox';
import { BadRequest } from './http/errors.ts';

// ── Host names ───────────────────────────────────────────────────────────────────────────

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A DNS host name as an operator may give one to a site: lower case, labels of letters, digits and hyphens. */
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);
/** What a client may send in Host: also underscores (some internal names have them) and a final dot. */
const HOST_HEADER = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/;
const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/;

/** True for a host name a site may be given ("sonoivu.hanoi.gov.vn"). */
export function isHostName(value: string): boolean {
  return HOST_NAME.test(value.toLowerCase());
}

/** The host of a Host header, lower case, without port or final dot; undefined when it is not one. */
export function hostOfHeader(hostHeader: string | undefined): string | undefined {
  const raw = (hostHeader ?? '').trim().toLowerCase();
  const host = raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : raw.replace(/:\d{1,5}$/, '');
  if (!host || (!HOST_HEADER.test(host) && !IPV6_LITERAL.test(host))) return undefined;
  return host.replace(/\.$/, '');
}

/** The host of a request's Host header; a 400 when it is not a host name. */
export function normaliseHost(hostHeader: string | undefined): string {
  const host = hostOfHeader(hostHeader);
  if (host === undefined) throw new BadRequest('http.bad_host', 'Invalid Host header');
  return host;
}

// ── Site codes ───────────────────────────────────────────────────────────────────────────

/** Lower-case letters without diacritics, digits and inner hyphens, up to 50: also a sub-domain label. */
export const SITE_CODE_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$';
const SITE_CODE = new RegExp(SITE_CODE_PATTERN);

export function isSiteCode(value: string): boolean {
  return SITE_CODE.test(value);
}

export const SiteCode = Type.String({
  pattern: SITE_CODE_PATTERN,
  minLength: 1,
  maxLength: 50,
  description: 'Lower-case code without diacritics; also the sub-domain label (`<code>.<base domain>`).',
});

// ── E-mail addresses ─────────────────────────────────────────────────────────────────────

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

export function isEmail(value: string): boolean {
  return normaliseEmail(value) !== undefined;
}

// ── Vietnamese phone numbers ─────────────────────────────────────────────────────────────

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

export function isPhone(value: string): boolean {
  return normalisePhone(value) !== undefined;
}

// ── Colours ──────────────────────────────────────────────────────────────────────────────

/** A theme colour as "#rrggbb". */
export function isHexColour(value: string): boolean {
  return /^#[0-9a-f]{6}$/.test(value.toLowerCase());
}
