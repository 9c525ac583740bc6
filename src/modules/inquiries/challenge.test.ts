/** The spoken-arithmetic spam check: questions, tokens, answers. */
import { describe, expect, it } from 'vitest';
import { challengeNonce, createChallenge, verifyChallenge } from './challenge.ts';

const SECRET = 'a-test-secret-of-reasonable-length';
const NOW = new Date('2026-03-14T08:00:00+07:00');
const HOUR = 60 * 60 * 1000;
/** A random() that returns the given values in turn: operand a, operand b, then the operator (< 0.5 = plus). */
const sequence =
  (...values: number[]) =>
  () =>
    values.shift() ?? 0;
/** random() values that pick operand n (1–9). */
const pick = (n: number) => (n - 1) / 9 + 0.01;

describe('createChallenge', () => {
  it('writes the question in words, in Vietnamese or English', () => {
    expect(createChallenge(SECRET, 'vi', NOW, sequence(pick(3), pick(4), 0.1)).question).toBe('Ba cộng bốn bằng mấy? Hãy nhập câu trả lời bằng chữ số.');
    expect(createChallenge(SECRET, 'en', NOW, sequence(pick(3), pick(4), 0.1)).question).toBe('What is three plus four? Type the answer in digits.');
  });

  it('never asks for a negative answer: subtraction takes the larger operand first', () => {
    expect(createChallenge(SECRET, 'vi', NOW, sequence(pick(2), pick(9), 0.9)).question).toBe('Chín trừ hai bằng mấy? Hãy nhập câu trả lời bằng chữ số.');
    expect(createChallenge(SECRET, 'en', NOW, sequence(pick(2), pick(9), 0.9)).question).toMatch(/^What is nine minus two\?/);
  });

  it('keeps operands within 1–9 even when random() returns 0 or 1', () => {
    expect(createChallenge(SECRET, 'en', NOW, sequence(0, 1, 0)).question).toMatch(/^What is one plus nine\?/);
  });

  it('does not put the answer in the token', () => {
    const { token } = createChallenge(SECRET, 'vi', NOW, sequence(pick(3), pick(4), 0.1));
    const payload = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['e', 'h', 'n']);
    expect(payload.n).toMatch(/^[0-9a-f]{16}$/);
    expect(payload.e).toBe(NOW.getTime() + 2 * HOUR);
    expect(JSON.stringify(payload)).not.toMatch(/:\s*7\b|"7"/);
  });

  it('gives two challenges with the same sum different tokens', () => {
    const a = createChallenge(SECRET, 'vi', NOW, sequence(pick(3), pick(4), 0.1));
    const b = createChallenge(SECRET, 'vi', NOW, sequence(pick(3), pick(4), 0.1));
    expect(a.token).not.toBe(b.token);
  });

  it('refuses an empty secret', () => {
    expect(() => createChallenge('', 'vi')).toThrow();
  });
});

describe('verifyChallenge', () => {
  const sevenVi = createChallenge(SECRET, 'vi', NOW, sequence(pick(3), pick(4), 0.1)).token;
  const fifteenEn = createChallenge(SECRET, 'en', NOW, sequence(pick(6), pick(9), 0.1)).token;
  const zero = createChallenge(SECRET, 'vi', NOW, sequence(pick(5), pick(5), 0.9)).token;

  it('accepts the right answer in digits, with surrounding spaces', () => {
    expect(verifyChallenge(SECRET, sevenVi, '7', NOW)).toBe('ok');
    expect(verifyChallenge(SECRET, sevenVi, '  7 \n', NOW)).toBe('ok');
    expect(verifyChallenge(SECRET, fifteenEn, '15', NOW)).toBe('ok');
    expect(verifyChallenge(SECRET, zero, '0', NOW)).toBe('ok');
  });

  it('accepts the number as a word, Vietnamese or English, any case, with or without diacritics', () => {
    for (const a of ['bảy', 'Bảy', 'BẢY', 'bẩy', 'bay', 'seven', 'Seven']) expect(verifyChallenge(SECRET, sevenVi, a, NOW)).toBe('ok');
    for (const a of ['mười lăm', 'Mười  Lăm', 'muoi lam', 'mười năm', 'fifteen']) expect(verifyChallenge(SECRET, fifteenEn, a, NOW)).toBe('ok');
    for (const a of ['không', 'khong', 'zero']) expect(verifyChallenge(SECRET, zero, a, NOW)).toBe('ok');
    // Decomposed input (as some keyboards send it) is compared in NFC.
    expect(verifyChallenge(SECRET, sevenVi, 'bảy'.normalize('NFD'), NOW)).toBe('ok');
  });

  it('says wrong for another number, a word it does not know or nothing', () => {
    for (const a of ['8', 'tám', 'eight', '', 'bảy mươi', '7.0', '-7']) expect(verifyChallenge(SECRET, sevenVi, a, NOW)).toBe('wrong');
  });

  it('says expired after two hours, not before', () => {
    expect(verifyChallenge(SECRET, sevenVi, '7', new Date(NOW.getTime() + 2 * HOUR))).toBe('ok');
    expect(verifyChallenge(SECRET, sevenVi, '7', new Date(NOW.getTime() + 2 * HOUR + 1))).toBe('expired');
  });

  it('says invalid for a tampered or foreign token', () => {
    const [body = '', sig = ''] = sevenVi.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { e: number };
    const later = Buffer.from(JSON.stringify({ ...payload, e: payload.e + 10 * HOUR }), 'utf8').toString('base64url');
    expect(verifyChallenge(SECRET, `${later}.${sig}`, '7', NOW)).toBe('invalid');
    expect(verifyChallenge(SECRET, `${body}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, '7', NOW)).toBe('invalid');
    expect(verifyChallenge('another-secret', sevenVi, '7', NOW)).toBe('invalid');
    for (const t of ['', 'abc', `${body}.${sig}.x`, '.']) expect(verifyChallenge(SECRET, t, '7', NOW)).toBe('invalid');
  });

  it('exposes the nonce of a genuine token only, for refusing replays', () => {
    expect(challengeNonce(SECRET, sevenVi)).toMatch(/^[0-9a-f]{16}$/);
    expect(challengeNonce('another-secret', sevenVi)).toBeUndefined();
  });
});
