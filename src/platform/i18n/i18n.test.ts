import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareText, formatDate, formatDateLong, formatDateTime, isoDate, LANGS, t } from './index.ts';
import { placeholdersOf, registeredCatalogues } from './messages.ts';

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

  /** What is wrong with a catalogue: keys in one language only, placeholders that differ, empty texts. */
  function problemsOf(name: string, catalogue: Readonly<Record<string, Readonly<Record<string, string>> | undefined>>): string[] {
    const vi = catalogue.vi ?? {};
    const en = catalogue.en ?? {};
    const problems: string[] = [];
    for (const key of Object.keys(vi)) if (!(key in en)) problems.push(`${name}: ${key} has no English`);
    for (const key of Object.keys(en)) if (!(key in vi)) problems.push(`${name}: ${key} has no Vietnamese`);
    for (const [key, text] of Object.entries(vi)) {
      if (!text.trim() || (key in en && !en[key]!.trim())) problems.push(`${name}: ${key} is empty`);
      if (key in en && placeholdersOf(en[key]!).join() !== placeholdersOf(text).join()) problems.push(`${name}: ${key} has other placeholders in English`);
    }
    return problems;
  }

  it('has, in every catalogue of every module, the same keys and placeholders in Vietnamese and English, none empty', async () => {
    // Every module's catalogue is `src/modules/<name>/messages.ts`: load them all.
    const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modules');
    const files = fs
      .readdirSync(modules)
      .map((m) => path.join(modules, m, 'messages.ts'))
      .filter((f) => fs.existsSync(f));
    for (const f of files) await import(f);
    const catalogues = registeredCatalogues();
    expect(catalogues.map((c) => c.name)).toEqual(expect.arrayContaining(['platform', 'content', 'inquiries', 'calendar']));
    expect(catalogues.flatMap((c) => problemsOf(c.name, c.catalogue))).toEqual([]);
  });

  it('names a key in one language only, and a placeholder English lacks', () => {
    expect(problemsOf('x', { vi: { 'a.b': 'Một', 'a.c': '{n} tin' }, en: { 'a.c': 'news' } })).toEqual([
      'x: a.b has no English',
      'x: a.c has other placeholders in English',
    ]);
    expect(problemsOf('x', { vi: {}, en: { 'a.d': 'Two' } })).toEqual(['x: a.d has no Vietnamese']);
  });

  it('falls back to Vietnamese for a language a catalogue does not give yet', () => {
    expect(LANGS).toContain('vi');
    expect(t('vi', 'shell.home')).toBe('Trang chủ');
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
