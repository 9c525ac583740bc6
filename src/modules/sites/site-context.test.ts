import { describe, expect, it } from 'vitest';
import { siteHref, splitPublicPath } from './site-context.ts';

describe('public paths', () => {
  it.each([
    ['/', undefined, 'vi', '/'],
    ['/english', undefined, 'en', '/'],
    ['/english/', undefined, 'en', '/'],
    ['/english/site-map', undefined, 'en', '/site-map'],
    ['/englishman', undefined, 'vi', '/englishman'],
    ['/s/sonoivu/', 'sonoivu', 'vi', '/'],
    ['/s/sonoivu', 'sonoivu', 'vi', '/'],
    ['/s/sonoivu/english/page/gioi-thieu', 'sonoivu', 'en', '/page/gioi-thieu'],
    ['/s/sonoivu/trang/gioi-thieu', 'sonoivu', 'vi', '/trang/gioi-thieu'],
  ])('%s → site %s, %s, %s', (path, code, lang, local) => {
    expect(splitPublicPath(path)).toEqual({ code, lang, localPath: local });
  });

  it('builds links that stay on the site and language', () => {
    expect(siteHref({ basePath: '', lang: 'vi' }, '/')).toBe('/');
    expect(siteHref({ basePath: '', lang: 'en' }, '/')).toBe('/english/');
    expect(siteHref({ basePath: '/s/sonoivu', lang: 'vi' }, '/')).toBe('/s/sonoivu/');
    expect(siteHref({ basePath: '/s/sonoivu', lang: 'en' }, '/site-map')).toBe('/s/sonoivu/english/site-map');
    expect(siteHref({ basePath: '/s/x', lang: 'vi' }, 'https://dichvucong.gov.vn')).toBe('https://dichvucong.gov.vn');
    expect(siteHref({ basePath: '', lang: 'vi' }, '/so-do-cong', 'en')).toBe('/english/so-do-cong');
  });
});
