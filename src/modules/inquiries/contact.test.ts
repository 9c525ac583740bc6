/** Contact details: e-mail and Vietnamese phone numbers, normalised and compared. */
import { describe, expect, it } from 'vitest';
import { contactMatches, normaliseEmail, normalisePhone } from './contact.ts';

describe('normaliseEmail', () => {
  it.each([
    ['nguyen.van.an@gmail.com', 'nguyen.van.an@gmail.com'],
    ['  Nguyen.An@Example.VN ', 'nguyen.an@example.vn'],
    ['an+hoi-dap@so-tu-phap.hanoi.gov.vn', 'an+hoi-dap@so-tu-phap.hanoi.gov.vn'],
    ["o'brien_1@mail.co.uk", "o'brien_1@mail.co.uk"],
  ])('%j → %s', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['no @', 'nguyenvanan.gmail.com'],
    ['two @', 'an@b@example.vn'],
    ['nothing before @', '@example.vn'],
    ['a space inside', 'nguyen an@example.vn'],
    ['no top-level domain', 'an@localhost'],
    ['a one-letter TLD', 'an@example.v'],
    ['a numeric TLD', 'an@example.123'],
    ['a label starting with -', 'an@-example.vn'],
    ['an empty label', 'an@example..vn'],
    ['dots at the edge of the local part', '.an@example.vn'],
    ['consecutive dots', 'an..nguyen@example.vn'],
    ['diacritics', 'nguyễn@example.vn'],
    ['longer than 254 characters', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.vn`],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.vn`],
  ])('refuses %s', (_what, input) => {
    expect(normaliseEmail(input)).toBeUndefined();
  });
});

describe('normalisePhone', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912-345-678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084 912 345 678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['(024) 3825 1234', '02438251234'],
    ['+84 24 3825 1234', '02438251234'],
    ['0203 812 345', '0203812345'],
    ['0356789012', '0356789012'],
    ['1900 1234', '19001234'],
    ['1800.5678', '18005678'],
    ['０９１２３４５６７８', '0912345678'],
  ])('%j → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['letters', '0912 345 67a'],
    ['too short', '091234567'],
    ['too long', '09123456789'],
    ['a prefix not in use (01x)', '0123456789'],
    ['a prefix not in use (04x)', '0412345678'],
    ['a foreign number', '+1 202 555 0143'],
    ['a plus in the middle', '0912+345678'],
    ['a landline too long', '024382512345'],
    ['a 10-digit 1900 number', '1900123456'],
    ['a date', '15/01/2026'],
  ])('refuses %s', (_what, input) => {
    expect(normalisePhone(input)).toBeUndefined();
  });
});

describe('contactMatches', () => {
  const stored = { email: 'nguyen.an@example.vn', phone: '0912345678' };

  it('matches the e-mail or the phone however they are typed', () => {
    expect(contactMatches(stored, ' Nguyen.An@EXAMPLE.vn ')).toBe(true);
    expect(contactMatches(stored, '+84 912 345 678')).toBe(true);
    expect(contactMatches(stored, '0912.345.678')).toBe(true);
  });

  it('refuses another contact, and a phone given where an e-mail is stored (or the reverse)', () => {
    expect(contactMatches(stored, 'nguyen.an@example.com')).toBe(false);
    expect(contactMatches(stored, '0912345679')).toBe(false);
    expect(contactMatches({ email: '', phone: '0912345678' }, 'nguyen.an@example.vn')).toBe(false);
    expect(contactMatches({ email: 'nguyen.an@example.vn', phone: '' }, '0912345678')).toBe(false);
  });

  it('never matches when nothing usable is stored or given', () => {
    expect(contactMatches({ email: '', phone: '' }, '')).toBe(false);
    expect(contactMatches({ email: '', phone: '' }, 'x@example.vn')).toBe(false);
    expect(contactMatches(stored, 'nguyen.an')).toBe(false);
    expect(contactMatches({ email: 'not an address', phone: 'not a phone' }, 'not an address')).toBe(false);
  });
});
