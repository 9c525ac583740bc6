import { describe, expect, it } from 'vitest';
import { cleanText, slugify, stripDiacritics } from './index.ts';
import { sanitizeRichText } from './sanitize.ts';

describe('Vietnamese text', () => {
  it('normalises decomposed input to NFC', () => {
    const decomposed = 'Hà Nội'.normalize('NFD');
    expect(decomposed).not.toBe('Hà Nội');
    expect(cleanText(`  ${decomposed} `)).toBe('Hà Nội');
  });

  it('strips diacritics including đ/Đ', () => {
    expect(stripDiacritics('Đường Láng, Đống Đa')).toBe('Duong Lang, Dong Da');
    expect(stripDiacritics('Thủ tục hành chính')).toBe('Thu tuc hanh chinh');
  });

  it('makes slugs without diacritics', () => {
    expect(slugify('Giới thiệu chung về Sở Nội vụ')).toBe('gioi-thieu-chung-ve-so-noi-vu');
    expect(slugify('  Đề án — số 32/ĐA-TU  ')).toBe('de-an-so-32-da-tu');
    expect(slugify('!!!')).toBe('');
    expect(slugify('a'.repeat(100), 10)).toBe('aaaaaaaaaa');
  });
});

describe('rich text sanitising', () => {
  it('keeps structure and Vietnamese text', async () => {
    const out = await sanitizeRichText('<h2>Điều 1</h2><p>Quy chế <strong>này</strong></p><table><tr><th scope="col">Tên</th></tr></table>');
    expect(out).toContain('<h2>Điều 1</h2>');
    expect(out).toContain('<strong>này</strong>');
    expect(out).toContain('<th scope="col">Tên</th>');
  });

  it.each([
    ['<script>alert(1)</script><p>x</p>', '<script'],
    ['<img src="x" onerror="alert(1)">', 'onerror'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['<p style="background:url(javascript:alert(1))">x</p>', 'style='],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<svg onload="alert(1)"></svg>', 'onload'],
  ])('removes %s', async (input, forbidden) => {
    expect((await sanitizeRichText(input)).toLowerCase()).not.toContain(forbidden);
  });
});
