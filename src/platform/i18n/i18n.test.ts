import { describe, expect, it } from 'vitest';
import { compareText, formatDate, formatDateLong, formatDateTime, isoDate, t } from './index.ts';
import { vi } from './vi.ts';
import { en } from './en.ts';

describe('dates in Asia/Ho_Chi_Minh', () => {
  it('formats the long Vietnamese date', () => {
    expect(formatDateLong(new Date('2026-02-23T03:00:00Z'), 'vi')).toBe('Thứ Hai, 23/02/2026');
    expect(formatDateLong(new Date('2026-02-23T03:00:00Z'), 'en')).toBe('Monday, 23/02/2026');
  });

  it('uses the Vietnamese day, not UTC, near midnight', () => {
    // 18:30 UTC on the 22nd is 01:30 on the 23rd in Viet Nam.
    const d = new Date('2026-02-22T18:30:00Z');
    expect(formatDate(d)).toBe('23/02/2026');
    expect(isoDate(d)).toBe('2026-02-23');
    expect(formatDateTime(d)).toBe('01:30 23/02/2026');
    expect(formatDateLong(d, 'vi')).toBe('Thứ Hai, 23/02/2026');
  });

  it('names Sunday "Chủ Nhật"', () => {
    expect(formatDateLong(new Date('2026-11-22T05:00:00Z'), 'vi')).toBe('Chủ Nhật, 22/11/2026');
  });
});

describe('messages', () => {
  it('fills placeholders', () => {
    expect(t('vi', 'home.welcome', { site: 'Phường Ba Đình' })).toBe('Chào mừng bạn đến với Phường Ba Đình');
    expect(t('en', 'home.welcome', { site: 'Ba Dinh' })).toBe('Welcome to Ba Dinh');
  });

  it('has every key in both catalogues, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const v of [...Object.values(vi), ...Object.values(en)]) expect(v.trim()).not.toBe('');
  });
});

describe('Vietnamese sorting', () => {
  it('sorts with the Vietnamese alphabet (Đ after D, Ư after U)', () => {
    const names = ['Phường Ô Chợ Dừa', 'Phường Đống Đa', 'Phường Ba Đình', 'Phường Dịch Vọng', 'Phường Ưng Hòa', 'Phường Ứng Thiên'];
    expect(names.slice().sort((a, b) => compareText('vi', a, b))).toEqual([
      'Phường Ba Đình',
      'Phường Dịch Vọng',
      'Phường Đống Đa',
      'Phường Ô Chợ Dừa',
      'Phường Ưng Hòa',
      'Phường Ứng Thiên',
    ]);
  });
});
