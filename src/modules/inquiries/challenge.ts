/**
 * The spam check on the question form: a sum written in words ("Ba cộng bốn bằng mấy?"). Unlike
 * an image CAPTCHA it is read out by a screen reader and needs no third-party service that would
 * see our visitors. It stops bulk scripts, not a determined human — that is rate limiting's job.
 *
 * Stateless: the form carries a signed token, and the expected answer is in it only as an HMAC
 * keyed with the server's secret, so neither the page nor the token gives the answer away.
 */
import crypto from 'node:crypto';
import { t } from './messages.ts';

/** Long enough to write a question slowly, with a screen reader or on a phone. */
const VALID_MS = 2 * 60 * 60 * 1000;

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const EN_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
];

export type ChallengeLang = 'vi' | 'en';

/** The operands (1–9) as the question says them. */
const NUMBER_WORDS: Readonly<Record<ChallengeLang, readonly string[]>> = { vi: VI_DIGITS, en: EN_NUMBERS };
export type ChallengeResult = 'ok' | 'wrong' | 'expired' | 'invalid';

interface Payload {
  /** HMAC of `${n}:${answer}`: lets us check an answer without the token revealing it. */
  h: string;
  /** Expiry, epoch milliseconds. */
  e: number;
  /** 16 hex digits, so two challenges with the same answer carry different hashes. */
  n: string;
}

/** A new question (in the visitor's language) and the token to send back with the answer. */
export function createChallenge(
  secret: string,
  lang: ChallengeLang,
  now: Date = new Date(),
  random: () => number = secureRandom,
): { question: string; token: string } {
  requireSecret(secret);
  let a = operand(random);
  let b = operand(random);
  const plus = random() < 0.5;
  // Subtraction always takes the larger first: a negative answer is hard to type and to say.
  if (!plus && a < b) [a, b] = [b, a];
  const answer = plus ? a + b : a - b;
  const n = crypto.randomBytes(8).toString('hex');
  const payload: Payload = { h: answerHash(secret, n, answer), e: now.getTime() + VALID_MS, n };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return { question: question(lang, a, b, plus), token: `${body}.${sign(secret, body)}` };
}

function question(lang: ChallengeLang, a: number, b: number, plus: boolean): string {
  const words = NUMBER_WORDS[lang];
  const text = t(lang, 'challenge.question', { a: words[a] ?? '', op: t(lang, plus ? 'challenge.plus' : 'challenge.minus'), b: words[b] ?? '' });
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** 1–9; clamped because a caller's random() may return exactly 1. */
function operand(random: () => number): number {
  return Math.min(9, 1 + Math.floor(random() * 9));
}

function secureRandom(): number {
  return crypto.randomInt(0, 2 ** 32) / 2 ** 32;
}

/**
 * Checks an answer against its token: 'invalid' for a token we did not sign (or malformed),
 * 'expired' after two hours, otherwise 'ok' or 'wrong'. The answer may be digits or the number
 * in Vietnamese or English words, with or without diacritics. The check is stateless, so a
 * solved token can be replayed until it expires — callers that care keep the nonce
 * (`challengeNonce`) of accepted tokens.
 */
export function verifyChallenge(secret: string, token: string, answer: string, now: Date = new Date()): ChallengeResult {
  requireSecret(secret);
  const payload = readToken(secret, token);
  if (!payload) return 'invalid';
  if (now.getTime() > payload.e) return 'expired';
  const value = parseAnswer(answer);
  if (value === undefined) return 'wrong';
  return safeEqual(answerHash(secret, payload.n, value), payload.h) ? 'ok' : 'wrong';
}

/** The nonce of a token we signed (expired or not), for callers that refuse a second use. */
export function challengeNonce(secret: string, token: string): string | undefined {
  return readToken(secret, token)?.n;
}

function readToken(secret: string, token: string): Payload | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 2) return undefined;
  const [body = '', sig = ''] = parts;
  if (!safeEqual(sign(secret, body), sig)) return undefined;
  try {
    const p: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return isPayload(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

function isPayload(p: unknown): p is Payload {
  if (typeof p !== 'object' || p === null) return false;
  const { h, e, n } = p as Record<string, unknown>;
  return typeof h === 'string' && typeof e === 'number' && Number.isFinite(e) && typeof n === 'string' && /^[0-9a-f]{16}$/.test(n);
}

/*
 * The same secret keys both HMACs; their inputs cannot collide — a signature covers base64url
 * text (no ':'), an answer hash covers "<hex nonce>:<digits>".
 */
function sign(secret: string, body: string): string {
  return crypto.createHmac('sha256', secret).update(body, 'utf8').digest('base64url');
}

function answerHash(secret: string, nonce: string, answer: number): string {
  return crypto.createHmac('sha256', secret).update(`${nonce}:${answer}`, 'utf8').digest('base64url');
}

/** Constant-time on equal lengths; unequal lengths (a mangled token) may return early — they carry no secret. */
function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function requireSecret(secret: string): void {
  if (!secret) throw new Error('challenge: an empty secret would let anyone forge tokens');
}

/** Every spelling we accept for 0–18, keyed by its lowercase NFC form and its diacritic-free form. */
const WORDS: ReadonlyMap<string, number> = buildWords();

function buildWords(): Map<string, number> {
  const spellings: Array<[string, number]> = [];
  for (const [i, w] of VI_DIGITS.entries()) spellings.push([w, i]);
  spellings.push(['bẩy', 7], ['mười', 10], ['mươi', 10]);
  const units: Array<[string, number]> = [
    ['một', 1],
    ['hai', 2],
    ['ba', 3],
    ['bốn', 4],
    ['tư', 4],
    ['lăm', 5],
    ['năm', 5],
    ['sáu', 6],
    ['bảy', 7],
    ['bẩy', 7],
    ['tám', 8],
  ];
  for (const [w, i] of units) spellings.push([`mười ${w}`, 10 + i]);
  for (const [i, w] of EN_NUMBERS.entries()) spellings.push([w, i]);
  const map = new Map<string, number>();
  for (const [w, i] of spellings) {
    map.set(w, i);
    map.set(fold(w), i);
  }
  return map;
}

/** "  Mười  Lăm " → 15, "7" → 7, "bay" → 7; undefined for anything else. */
function parseAnswer(answer: string): number | undefined {
  const s = answer
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/gu, ' ');
  if (/^\d{1,3}$/.test(s)) return Number(s);
  return WORDS.get(s) ?? WORDS.get(fold(s));
}

/** Without diacritics, for visitors on a keyboard with no Vietnamese input ("muoi lam"). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').normalize('NFC');
}
