/**
 * Hostile text everywhere an editor, an operator or a visitor can put text — title, summary,
 * source, author, change note, type fields, category, home-block heading, rich-text body,
 * the query string — never becomes active content on public pages, in feeds, the sitemap,
 * JSON-LD or the PDF. It is shown as the text it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { contentFixtures, news, type ContentFixtures } from './content-fixtures.ts';
import { pdfFlatText } from './pdf-text.ts';
import type { ContentItemRow } from '../src/platform/db/schema.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const ATTR = '" onmouseover="alert(1)';
const JS = 'javascript:alert(1)';
const SVG = '<svg onload=alert(1)>';
const BREAKOUT = '</script><script>alert(1)</script>';
const FORMULA = '=HYPERLINK("http://evil.example/x","Bấm vào")';
const ALL = `${SCRIPT} ${IMG} ${ATTR} ${JS} ${SVG} ${BREAKOUT} ${FORMULA}`;

const BODY = [
  `<p>Mở đầu ${SCRIPT}${IMG}${SVG}</p>`,
  '<p onclick="alert(1)" style="background:url(javascript:alert(1))">Đoạn có thuộc tính sự kiện</p>',
  '<p><a href="javascript:alert(1)">liên kết một</a> <a href=" JaVaScRiPt:alert(1)">liên kết hai</a> <a href="data:text/html,<script>alert(1)</script>">liên kết ba</a></p>',
  '<iframe src="https://evil.example"></iframe><object data="x"></object><form action="javascript:alert(1)"><input></form>',
  `<table><tr><td>${FORMULA}</td><td>${BREAKOUT}</td></tr></table>`,
].join('');

let t: TestApp;
let f: ContentFixtures;
let item: ContentItemRow;
let enItem: ContentItemRow;
let calendar: ContentItemRow;
let catSlug: string;

beforeAll(async () => {
  t = await buildTestApp({ env: { PAGE_CACHE: 'false' } });
  f = await contentFixtures(t);
  const cat = await t.modules.content.categories.create(f.editor(), f.hanoi, {
    lang: 'vi',
    name: `Chuyên mục ${SCRIPT}${ATTR}`,
    description: `Mô tả ${IMG} ${FORMULA}`,
  });
  catSlug = cat.slug;
  const hostile = {
    summary: `Tóm tắt ${ALL}`,
    source: JS,
    authorName: `Tác giả ${SCRIPT}${ATTR}`,
    bodyHtml: BODY,
    categoryId: cat.id,
    featured: true,
    isReference: true,
    fields: { event_date: '2026-11-20', location: `${SVG}${ATTR}${FORMULA}` },
  };
  item = await f.publish(news(`Tin ${SCRIPT} thử ${ATTR} ${BREAKOUT}`, hostile));
  // A correction with a hostile change note.
  const current = (await t.modules.content.content.item(item.id))!;
  await t.modules.content.content.save(
    f.editor(),
    item.id,
    news(`Tin ${SCRIPT} thử ${ATTR} ${BREAKOUT}`, { ...hostile, changeNote: `Sửa ${SCRIPT}${ATTR}` }),
    current.version,
  );
  for (const step of ['submit', 'take'] as const) await t.modules.content.content.transition(f.editor(), item.id, step);
  item = await t.modules.content.content.transition(f.head(), item.id, 'approve');
  enItem = await f.publish(news(`News ${SCRIPT} ${ATTR}`, { lang: 'en', summary: ALL, source: FORMULA, authorName: IMG, bodyHtml: BODY }));
  calendar = await f.publish({
    type: 'calendar',
    lang: 'vi',
    title: `Lịch tuần ${SCRIPT}${ATTR}`,
    summary: ALL,
    bodyHtml: BODY,
    source: JS,
    authorName: SVG,
    fields: { week_start: '2030-01-07' },
  });
  await t.modules.content.homeBlockService.arrange(f.operator(f.hanoi), f.hanoi, 'vi', [
    { kind: 'featured', ref: '', title: `Khối ${SCRIPT}${ATTR}${IMG}`, size: 3 },
    { kind: 'category', ref: String(cat.id), title: '', size: 3 },
    { kind: 'type', ref: 'calendar', title: BREAKOUT, size: 3 },
  ]);
});
afterAll(async () => {
  await t?.close();
});

/** No active markup: scripts other than JSON-LD, event-handler attributes, script URLs, frames, reflected payloads. */
function expectInertHtml(body: string, where: string): void {
  const scripts = [...body.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  expect(
    scripts.every((s) => s === '<script type="application/ld+json">'),
    where,
  ).toBe(true);
  // Every JSON-LD block parses and contains no markup at all.
  for (const m of body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    expect(m[1], where).not.toMatch(/[<>]/);
    expect(() => JSON.parse(m[1]!), where).not.toThrow();
  }
  // Every tag's attributes, read as a browser would: no event handler, no script URL.
  for (const tag of body.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    for (const a of tag[2]!.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const name = a[1]!.toLowerCase();
      const value = (a[2] ?? a[3] ?? a[4] ?? '').replace(/&#0*58;|&colon;/gi, ':').trim();
      expect(name, `${where}: <${tag[1]} ${name}>`).not.toMatch(/^on/);
      if (['href', 'src', 'action', 'formaction', 'data', 'content'].includes(name) && tag[1] !== 'meta')
        expect(value, `${where}: <${tag[1]} ${name}>`).not.toMatch(/^(javascript|data|vbscript):/i);
    }
  }
  expect(body, where).not.toMatch(/<(iframe|object|embed|img src=x)\b/i);
  expect(body, where).not.toMatch(/<svg[^>]*onload/i);
  expect(body, where).not.toContain(SCRIPT);
  expect(body, where).not.toContain(IMG);
  expect(body, where).not.toContain(ATTR);
  expect(body, where).not.toContain('href="http://evil.example');
}

describe('public pages', () => {
  it('show hostile text as text on item, print, listings, home, calendar and error pages', async () => {
    const pages = [
      `/tin/${item.slug}`,
      `/tin/${item.slug}/in`,
      `/s/hanoi/tin/${item.slug}`,
      `/english/news/${enItem.slug}`,
      `/english/news/${enItem.slug}/print`,
      `/tin/${calendar.slug}`,
      `/chuyen-muc/${catSlug}`,
      '/tin-tuc',
      '/tin-moi',
      '/noi-bat',
      '/loai-tin/calendar',
      '/english/latest',
      '/',
      '/english/',
      '/lich-lam-viec?tuan=2030-01-07',
    ];
    for (const url of pages) {
      const res = await f.get(url);
      expect(res.statusCode, url).toBe(200);
      expectInertHtml(res.body, url);
    }
    const page = (await f.get(`/tin/${item.slug}`)).body;
    expect(page).toContain(
      'Tin &lt;script&gt;alert(1)&lt;/script&gt; thử &quot; onmouseover=&quot;alert(1) &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(page).toContain('Nguồn: javascript:alert(1)');
    expect(page).toContain('=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;Bấm vào&quot;)');
    expect(page).toContain('Sửa &lt;script&gt;alert(1)&lt;/script&gt;');
    // JSON-LD says the same text, safely.
    const ld = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1]!) as { '@graph': Record<string, unknown>[] },
    );
    const article = ld.flatMap((b) => b['@graph']).find((n) => n['@type'] === 'NewsArticle')!;
    expect(article.headline).toBe(`Tin ${SCRIPT} thử ${ATTR} ${BREAKOUT}`);
    expect((article.sourceOrganization as { name: string }).name).toBe(JS);
    // The sanitised body keeps the words, not the behaviour.
    expect(page).toContain('liên kết một');
    expect(page).toContain('Đoạn có thuộc tính sự kiện');
    const home = (await f.get('/')).body;
    expect(home).toContain('Khối &lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(1)&lt;img src=x onerror=alert(1)&gt;</h2>');
    expect(home).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h2>');
  });

  it('do not reflect the query string or the path', async () => {
    for (const url of [
      `/tin-tuc?trang=${encodeURIComponent(SCRIPT)}`,
      `/lich-lam-viec?tuan=${encodeURIComponent(SCRIPT)}`,
      `/tin-tuc?x=${encodeURIComponent(`${ATTR}${SCRIPT}`)}`,
      `/lich-lam-viec?tuan=2030-01-07&x=${encodeURIComponent(`"><svg onload=alert(1)>`)}`,
      `/tin/${encodeURIComponent(SCRIPT)}`,
      `/chuyen-muc/${encodeURIComponent(`${ATTR}${IMG}`)}`,
      `/loai-tin/${encodeURIComponent(SVG)}`,
    ]) {
      const res = await f.get(url);
      expect([200, 404], url).toContain(res.statusCode);
      expectInertHtml(res.body, url);
    }
  });
});

describe('feeds and the sitemap', () => {
  const FEED_ELEMENTS = new Set([
    'rss',
    'channel',
    'title',
    'link',
    'description',
    'language',
    'lastBuildDate',
    'atom:link',
    'item',
    'guid',
    'pubDate',
    'dc:creator',
    'category',
    'feed',
    'id',
    'subtitle',
    'updated',
    'author',
    'name',
    'entry',
    'published',
    'summary',
    'urlset',
    'url',
    'loc',
    'lastmod',
  ]);

  it('carry hostile text escaped, with no element a reader could run', async () => {
    for (const url of [
      '/rss.xml',
      '/atom.xml',
      `/chuyen-muc/${catSlug}/rss.xml`,
      `/chuyen-muc/${catSlug}/atom.xml`,
      '/english/rss.xml',
      '/english/atom.xml',
      '/sitemap.xml',
    ]) {
      const res = await f.get(url);
      expect(res.statusCode, url).toBe(200);
      const body = res.body.replace(/^<\?xml[^?]*\?>/, '');
      const elements = new Set([...body.matchAll(/<\/?([A-Za-z][\w:.-]*)/g)].map((m) => m[1]!));
      for (const name of elements) expect(FEED_ELEMENTS.has(name), `${url}: <${name}>`).toBe(true);
      expect(body, url).not.toMatch(/<!\[CDATA\[/);
      expect(body, url).not.toMatch(/(href|src)="\s*javascript:/i);
    }
    const rss = (await f.get('/rss.xml')).body;
    expect(rss).toContain(
      '<title>Tin &lt;script&gt;alert(1)&lt;/script&gt; thử &quot; onmouseover=&quot;alert(1) &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
    expect(rss).toContain('=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;Bấm vào&quot;)');
    expect((await f.get('/english/atom.xml')).body).toContain('<name>&lt;img src=x onerror=alert(1)&gt;</name>');
  });
});

describe('the PDF', () => {
  it('holds hostile text as plain text, with no script, action or script link', async () => {
    for (const url of [`/tin/${item.slug}/pdf`, `/english/news/${enItem.slug}/pdf`, `/tin/${calendar.slug}/pdf`]) {
      const res = await f.get(url);
      expect(res.statusCode, url).toBe(200);
      const raw = res.rawPayload.toString('latin1');
      for (const active of [
        '/JavaScript',
        '/JS',
        '/OpenAction',
        '/AA',
        '/Launch',
        '/SubmitForm',
        '/ImportData',
        '/GoToR',
        '/AcroForm',
        '/EmbeddedFile',
        '/RichMedia',
      ])
        expect(raw, `${url} ${active}`).not.toContain(active);
      for (const m of raw.matchAll(/\/URI \(([^)]*)\)/g)) expect(m[1], url).toMatch(/^(https?:\/\/|mailto:)/);
      expect(raw, url).not.toMatch(/\/URI \(\s*(javascript|data|vbscript):/i);
      expect(raw, url).not.toContain('evil.example');
    }
    const text = pdfFlatText((await f.get(`/tin/${item.slug}/pdf`)).rawPayload);
    expect(text).toContain(`Tin ${SCRIPT} thử ${ATTR}`);
    expect(text).toContain('Nguồn: javascript:alert(1)');
    expect(text).toContain('liên kết một');
  });
});
