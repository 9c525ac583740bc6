import { describe, expect, it } from 'vitest';
import { isEmail, isHostName, isPhone, isSiteCode, normaliseEmail, normaliseHost, normalisePhone } from './validation.ts';

describe('host names', () => {
  it('normalises the Host header: lower case, no port, no final dot', () => {
    expect(normaliseHost('SoNoiVu.LocalHost:3000')).toBe('sonoivu.localhost');
    expect(normaliseHost('[::1]:3000')).toBe('[::1]');
    expect(normaliseHost('127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseHost('hanoi.gov.vn.')).toBe('hanoi.gov.vn');
  });

  it.each(['', 'bad host', 'a/b', 'x..y', 'evil.com/path', '<script>', 'a'.repeat(300)])('refuses the Host header %j with a 400', (h) => {
    expect(() => normaliseHost(h)).toThrow(/Host/);
  });

  it('says which names a site may be given', () => {
    expect(isHostName('sonoivu.hanoi.gov.vn')).toBe(true);
    expect(isHostName('-bad.vn')).toBe(false);
    expect(isHostName('under_score.vn')).toBe(false);
  });
});

describe('site codes, e-mail addresses and phone numbers', () => {
  it('takes lower-case codes without diacritics', () => {
    expect(isSiteCode('phuong-ba-dinh')).toBe(true);
    expect(isSiteCode('Phường')).toBe(false);
    expect(isSiteCode('-x')).toBe(false);
  });

  it('normalises e-mail addresses and refuses what cannot be one', () => {
    expect(normaliseEmail('  Nguyen.An@Example.VN ')).toBe('nguyen.an@example.vn');
    expect(isEmail('an@localhost')).toBe(false);
    expect(isEmail('nguyễn@example.vn')).toBe(false);
  });

  it('normalises Vietnamese phone numbers', () => {
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('(024) 3825 1234')).toBe('02438251234');
    expect(isPhone('+1 202 555 0100')).toBe(false);
  });
});
