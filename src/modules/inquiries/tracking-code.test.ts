/** Tracking codes: random, readable aloud, forgiving when typed back. */
import { describe, expect, it } from 'vitest';
import { newTrackingCode, normaliseTrackingCode } from './tracking-code.ts';

const CANONICAL = /^HD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('newTrackingCode', () => {
  it('has the canonical form, without I, L, O or U', () => {
    for (let i = 0; i < 200; i++) expect(newTrackingCode()).toMatch(CANONICAL);
  });

  it('is random: no repeats, and every symbol of the alphabet shows up about equally', () => {
    const codes = Array.from({ length: 4000 }, () => newTrackingCode());
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes) for (const ch of c.slice(3).replace(/-/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 48 000 symbols over 32 values: 1 500 expected each; a biased mapping (e.g. byte % 32 of a
    // smaller range, or a missing symbol) lands far outside ±15 %.
    for (const n of counts.values()) expect(Math.abs(n - 1500)).toBeLessThan(225);
  });

  it('round-trips through normaliseTrackingCode', () => {
    const code = newTrackingCode();
    expect(normaliseTrackingCode(code)).toBe(code);
    expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });
});

describe('normaliseTrackingCode', () => {
  it.each([
    ['HD-7K3M-Q0ZP-X9TB', 'HD-7K3M-Q0ZP-X9TB'],
    ['  hd-7k3m-q0zp-x9tb ', 'HD-7K3M-Q0ZP-X9TB'],
    ['HD7K3MQ0ZPX9TB', 'HD-7K3M-Q0ZP-X9TB'],
    ['hd 7k3m q0zp x9tb', 'HD-7K3M-Q0ZP-X9TB'],
    ['7K3M-Q0ZP-X9TB', 'HD-7K3M-Q0ZP-X9TB'],
    ['HD-7K3M-QOZP-X9TB', 'HD-7K3M-Q0ZP-X9TB'],
    ['HD-IL11-0000-0000', 'HD-1111-0000-0000'],
    ['ＨＤ－７Ｋ３Ｍ－Ｑ０ＺＰ－Ｘ９ＴＢ', 'HD-7K3M-Q0ZP-X9TB'],
    ['HD–7K3M–Q0ZP–X9TB', 'HD-7K3M-Q0ZP-X9TB'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseTrackingCode(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['too short', 'HD-7K3M-Q0ZP-X9T'],
    ['too long', 'HD-7K3M-Q0ZP-X9TBB'],
    ['U is not in the alphabet', 'HD-7K3M-Q0ZP-X9TU'],
    ['punctuation', 'HD-7K3M-Q0ZP-X9T!'],
    ['another prefix', 'XX-7K3M-Q0ZP-X9TB'],
    ['a number from another system', '000.12.34.H26-260115-0001'],
  ])('refuses %s', (_what, input) => {
    expect(normaliseTrackingCode(input)).toBeUndefined();
  });
});
