/** The public side of content as a visitor, a crawler and a feed reader see it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import type { Actor } from '../src/modules/access/index.ts';
import type { ContentService, NewItemInput } from '../src/modules/content/index.ts';
import type { ContentItemRow } from '../src/platform/db/schema.ts';
import { contentFixtures, type ContentFixtures } from './content-fixtures.ts';

let t: TestApp;
let content: ContentService;
let hanoi: number;
let sonoivu: number;
let fixtures: ContentFixtures;

beforeAll(async () => {
  // The page cache is invalidated by NOTIFY, which arrives asynchronously; these tests
  // change content and read it back at once, so they read it uncached (test/page-cache.test.ts
  // covers the cache). ETag, 304 and Cache-Control are still sent.
  t = await buildTestApp({ env: { PAGE_CACHE: 'false' } });
  content = t.modules.content.content;
  const sites = await t.modules.sites.listSites();
  hanoi = sites.find((s) => s.code === 'hanoi')!.id;
  sonoivu = sites.find((s) => s.code === 'sonoivu')!.id;
  fixtures = await contentFixtures(t);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { host: 'localhost:3000', ...headers } });

const editor = (siteId = hanoi) => fixtures.editor(siteId);
const head = (siteId = hanoi) => fixtures.head(siteId);
const system: Actor = { kind: 'system', label: 'test' };

const news = (title: string, extra: Partial<NewItemInput> = {}): NewItemInput => ({
  type: 'news',
  lang: 'vi',
  title,
  summary: 'Tóm tắt: Thành phố đẩy mạnh cải cách hành chính.',
  bodyHtml: '<p>Nội dung <strong>tin</strong> về cải cách.</p>',
  source: 'Văn phòng UBND Thành phố',
  authorName: 'Nguyễn Văn A',
  fields: { event_date: '2026-11-20', location: 'Hà Nội' },
  ...extra,
});

/** Create → submit → take → approve, by the board of the site (two-step workflow). */
async function publish(input: NewItemInput, siteId = hanoi): Promise<ContentItemRow> {
  const item = await content.create(editor(siteId), siteId, input);
  await content.transition(editor(siteId), item.id, 'submit');
  await content.transition(editor(siteId), item.id, 'take');
  return content.transition(head(siteId), item.id, 'approve');
}

/** The same walk by the system actor (bulk items). */
async function publishQuickly(input: NewItemInput, siteId = hanoi): Promise<ContentItemRow> {
  const item = await content.create(system, siteId, input);
  await content.transition(system, item.id, 'submit');
  await content.transition(system, item.id, 'take');
  return content.transition(system, item.id, 'approve');
}

/**
 * A small well-formedness check of an XML document: balanced tags, quoted attributes, only
 * the five predefined or numeric entities, no stray '<' or '&'. Returns the root element.
 */
function parseXml(xml: string): string {
  let s = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let root = '';
  const entityOk = (text: string) => !/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text);
  while (s.length) {
    const lt = s.indexOf('<');
    const text = lt === -1 ? s : s.slice(0, lt);
    if (!entityOk(text) || text.includes('>')) throw new Error(`bad text: ${text.slice(0, 80)}`);
    if (lt === -1) break;
    s = s.slice(lt);
    const m = /^<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/.exec(s);
    if (!m) throw new Error(`bad tag at: ${s.slice(0, 80)}`);
    const [whole, close, name, attrs, selfClose] = m;
    if (!entityOk(attrs!)) throw new Error(`bad attribute: ${attrs}`);
    if (close) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      if (!root) root = name!;
      else if (stack.length === 0) throw new Error('two roots');
      if (!selfClose) stack.push(name!);
    }
    s = s.slice(whole!.length);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(',')}`);
  return root;
}

function jsonLdOf(body: string): Record<string, unknown>[] {
  const blocks = [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as { '@graph': Record<string, unknown>[] },
  );
  return blocks.flatMap((b) => b['@graph']);
}

describe('the item page', () => {
  let item: ContentItemRow;
  let related: ContentItemRow;
  let categorySlug: string;

  beforeAll(async () => {
    const cat = await t.modules.content.categories.create(editor(), hanoi, { lang: 'vi', name: 'Cải cách hành chính' });
    categorySlug = cat.slug;
    related = await publish(news('Tin liên quan về một cửa liên thông', { categoryId: cat.id }));
    item = await publish(news('Hội nghị tổng kết cải cách hành chính năm 2026', { categoryId: cat.id, isReference: true }));
    // A correction with a change note goes through approval again and shows the note.
    const current = (await content.item(item.id))!;
    await content.save(
      editor(),
      item.id,
      news('Hội nghị tổng kết cải cách hành chính năm 2026', { categoryId: cat.id, isReference: true, changeNote: 'Bổ sung địa điểm tổ chức.' }),
      current.version,
    );
    await content.transition(editor(), item.id, 'submit');
    await content.transition(editor(), item.id, 'take');
    item = await content.transition(head(), item.id, 'approve');
  });

  it('shows the item with its date, type, author, source, reference badge and change note', async () => {
    const res = await get(`/tin/${item.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=60\b/);
    const body = res.body;
    const etag = String(res.headers.etag);
    expect((await get(`/tin/${item.slug}`, { 'if-none-match': etag })).statusCode).toBe(304);
    expect(body).toContain('<h1>Hội nghị tổng kết cải cách hành chính năm 2026</h1>');
    expect(body).toMatch(/<time datetime="[^"]+">(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}\/\d{2}\/\d{4}<\/time>/);
    expect(body).toContain('Tin tức, sự kiện');
    expect(body).toContain('Tác giả: Nguyễn Văn A');
    expect(body).toContain('Nguồn: Văn phòng UBND Thành phố');
    expect(body).toContain('Tin tham khảo');
    expect(body).toMatch(/Cập nhật lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}: Bổ sung địa điểm tổ chức\./);
    expect(body).toContain('<p>Nội dung <strong>tin</strong> về cải cách.</p>');
    // Type-specific fields.
    expect(body).toMatch(/<dt>Ngày diễn ra sự kiện<\/dt><dd>20\/11\/2026<\/dd>/);
    expect(body).toMatch(/<dt>Địa điểm<\/dt><dd>Hà Nội<\/dd>/);
    // Category in the breadcrumb and related items of the same category.
    expect(body).toContain(`href="/chuyen-muc/${categorySlug}">Cải cách hành chính</a>`);
    expect(body).toMatch(new RegExp(`<section class="related"[\\s\\S]*href="/tin/${related.slug}"`));
  });

  it('carries canonical, Dublin Core, Open Graph and JSON-LD metadata', async () => {
    const { body } = await get(`/tin/${item.slug}`);
    const url = `http://localhost:3000/tin/${item.slug}`;
    expect(body).toContain(`<link rel="canonical" href="${url}">`);
    expect(body).toContain('<meta name="DC.title" content="Hội nghị tổng kết cải cách hành chính năm 2026">');
    expect(body).toContain('<meta name="DC.source" content="Văn phòng UBND Thành phố">');
    expect(body).toContain('<meta name="DC.subject" content="Cải cách hành chính">');
    expect(body).toContain(`<meta name="DC.identifier" content="${url}">`);
    for (const name of ['DC.creator', 'DC.date', 'DC.description', 'DC.publisher', 'DC.language']) expect(body).toContain(`<meta name="${name}" content="`);
    expect(body).toContain('<meta property="og:type" content="article">');
    expect(body).toContain(`<meta property="og:url" content="${url}">`);
    expect(body).toContain('<meta property="og:locale" content="vi_VN">');
    const graph = jsonLdOf(body);
    const article = graph.find((n) => n['@type'] === 'NewsArticle')!;
    expect(article).toMatchObject({
      headline: 'Hội nghị tổng kết cải cách hành chính năm 2026',
      url,
      inLanguage: 'vi',
      author: { '@type': 'Person', name: 'Nguyễn Văn A' },
      articleSection: 'Cải cách hành chính',
    });
    expect(String(article.datePublished)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const org = graph.find((n) => n['@type'] === 'GovernmentOrganization')!;
    expect(org).toMatchObject({ name: 'Ủy ban nhân dân Thành phố Hà Nội', url: 'http://localhost:3000/' });
    expect((article.publisher as { '@id': string })['@id']).toBe(org['@id']);
  });

  it('offers share links and the address to copy, without any script', async () => {
    const { body } = await get(`/tin/${item.slug}`);
    const encoded = encodeURIComponent(`http://localhost:3000/tin/${item.slug}`);
    expect(body).toContain(`href="https://www.facebook.com/sharer/sharer.php?u=${encoded}"`);
    expect(body).toContain(`href="https://sp.zalo.me/share_to?url=${encoded}"`);
    expect(body).toMatch(
      new RegExp(`<label for="dia-chi-tin">[^<]+</label>[\\s\\S]*<input id="dia-chi-tin" type="url" readonly value="http://localhost:3000/tin/${item.slug}"`),
    );
    expect(body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(body).toContain(`href="/tin/${item.slug}/in"`);
  });

  it('keeps links on the site the way it was reached', async () => {
    const res = await get(`/s/hanoi/tin/${item.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000/s/hanoi/tin/${item.slug}">`);
    expect(res.body).toContain(`href="/s/hanoi/chuyen-muc/${categorySlug}"`);
  });

  it('has a print view without menus', async () => {
    const res = await get(`/tin/${item.slug}/in`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Hội nghị tổng kết cải cách hành chính năm 2026</h1>');
    expect(res.body).toContain('Nguồn: Văn phòng UBND Thành phố');
    expect(res.body).toContain('@media print');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000/tin/${item.slug}">`);
    expect(res.body).not.toContain('class="mainnav"');
    expect(res.body).not.toContain('class="site-footer"');
  });

  it('answers 404 for a draft, a withdrawn item, another site and another language', async () => {
    const draft = await content.create(editor(), hanoi, news('Bản nháp chưa đăng'));
    expect((await get(`/tin/${draft.slug}`)).statusCode).toBe(404);
    expect((await get(`/tin/${draft.slug}/in`)).statusCode).toBe(404);
    const gone = await publish(news('Tin sẽ bị gỡ'));
    expect((await get(`/tin/${gone.slug}`)).statusCode).toBe(200);
    await content.transition(head(), gone.id, 'unpublish');
    const res = await get(`/tin/${gone.slug}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="vi"');
    expect((await get(`/s/sonoivu/tin/${item.slug}`)).statusCode).toBe(404);
    expect((await get(`/english/news/${item.slug}`)).statusCode).toBe(404);
  });

  it('serves English items under /english/news', async () => {
    const en = await publish(news('City reviews administrative reform', { lang: 'en', summary: 'A summary.', source: 'City Office', authorName: 'Jane Doe' }));
    const res = await get(`/english/news/${en.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('Source: City Office');
    expect(res.body).toContain('<meta property="og:locale" content="en_US">');
    expect((await get(`/english/news/${en.slug}/print`)).statusCode).toBe(200);
    expect((await get(`/tin/${en.slug}`)).statusCode).toBe(404);
  });

  it('points a cross-posted item canonically to the original', async () => {
    const original = await publish(news('Sở Nội vụ hướng dẫn tuyển dụng công chức'), sonoivu);
    const copy = await publish(news('Sở Nội vụ hướng dẫn tuyển dụng công chức (đăng lại)'));
    await t.db.db.updateTable('content_items').set({ origin_item_id: original.id }).where('id', '=', copy.id).execute();
    const byHost = await get(`/tin/${copy.slug}`);
    expect(byHost.body).toContain(`<link rel="canonical" href="http://sonoivu.localhost:3000/tin/${original.slug}">`);
    expect(byHost.body).toContain('Đăng lại từ <a href="http://sonoivu.localhost:3000/tin/');
    const byPath = await get(`/s/hanoi/tin/${copy.slug}`);
    expect(byPath.body).toContain(`<link rel="canonical" href="http://localhost:3000/s/sonoivu/tin/${original.slug}">`);
  });
});

describe('listings', () => {
  let slug: string;
  const titles: string[] = [];

  beforeAll(async () => {
    const cat = await t.modules.content.categories.create(editor(), hanoi, { lang: 'vi', name: 'Chuyển đổi số' });
    const child = await t.modules.content.categories.create(editor(), hanoi, { lang: 'vi', name: 'Dữ liệu mở', parentId: cat.id });
    slug = cat.slug;
    for (let i = 1; i <= 21; i++) {
      const title = `Chuyển đổi số: bản tin số ${i}`;
      titles.push(title);
      await publishQuickly(
        news(title, {
          categoryId: i === 21 ? child.id : cat.id,
          type: i % 2 ? 'news' : 'announcement',
          fields: i % 2 ? { event_date: '2026-11-20' } : { issue_date: '2026-11-20' },
        }),
      );
    }
  });

  it('paginates a category by 20 with rel prev/next, newest first, including its subcategories', async () => {
    const one = await get(`/chuyen-muc/${slug}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers['cache-control']).toMatch(/^public, max-age=60\b/);
    expect(one.body).toContain('<h1>Chuyển đổi số</h1>');
    expect(one.body).toContain('21 tin, bài');
    expect((one.body.match(/<li>\s*<h2><a href="\/tin\//g) ?? []).length).toBe(20);
    expect(one.body.indexOf('bản tin số 21')).toBeLessThan(one.body.indexOf('bản tin số 20'));
    expect(one.body).toContain(`<link rel="next" href="/chuyen-muc/${slug}?trang=2">`);
    expect(one.body).not.toContain('rel="prev"');
    expect(one.body).toContain(`<link rel="canonical" href="http://localhost:3000/chuyen-muc/${slug}">`);
    expect(one.body).toContain('Dữ liệu mở</a>');
    expect(one.body).toContain('aria-current="page"');

    const two = await get(`/chuyen-muc/${slug}?trang=2`);
    expect(two.statusCode).toBe(200);
    expect((two.body.match(/<li>\s*<h2><a href="\/tin\//g) ?? []).length).toBe(1);
    expect(two.body).toContain('bản tin số 1<');
    expect(two.body).toContain(`<link rel="prev" href="/chuyen-muc/${slug}">`);
    expect(two.body).toContain(`<link rel="canonical" href="http://localhost:3000/chuyen-muc/${slug}?trang=2">`);

    expect((await get(`/chuyen-muc/${slug}?trang=3`)).statusCode).toBe(404);
    expect((await get(`/chuyen-muc/${slug}?trang=abc`)).statusCode).toBe(404);
    expect((await get('/chuyen-muc/khong-co')).statusCode).toBe(404);
  });

  it('lists news and announcements by type', async () => {
    const newsList = await get('/tin-tuc');
    expect(newsList.statusCode).toBe(200);
    expect(newsList.body).toContain('<h1>Tin tức, sự kiện</h1>');
    expect(newsList.body).toContain('bản tin số 21<');
    expect(newsList.body).not.toContain('bản tin số 20<');
    const announcements = await get('/thong-bao');
    expect(announcements.body).toContain('bản tin số 20<');
    expect(announcements.body).not.toContain('bản tin số 21<');
    expect((await get('/english/news')).statusCode).toBe(200);
  });

  it('shows featured items, latest news and announcements on the home page, each with "Xem thêm"', async () => {
    await publishQuickly(news('Tin nổi bật của Thành phố', { featured: true }));
    const { body } = await get('/');
    expect(body).toMatch(/<h2 id="tin-noi-bat">Tin nổi bật<\/h2>[\s\S]*Tin nổi bật của Thành phố[\s\S]*<a href="\/noi-bat">Xem thêm/);
    // "Latest" is every type, newest first (as the site's feed), with its own listing.
    expect(body).toMatch(/<h2 id="tin-moi">Tin mới<\/h2>[\s\S]*<a href="\/tin-moi">Xem thêm/);
    expect(body).toMatch(/<h2 id="thong-bao">Thông báo<\/h2>[\s\S]*<a href="\/thong-bao">Xem thêm/);
    expect(body).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(jsonLdOf(body).some((n) => n['@type'] === 'GovernmentOrganization')).toBe(true);
    expect((await get('/noi-bat')).body).toContain('Tin nổi bật của Thành phố');
  });
});

describe('feeds, sitemap and robots.txt', () => {
  let live: ContentItemRow;
  let draft: ContentItemRow;
  let catSlug: string;

  beforeAll(async () => {
    const cat = await t.modules.content.categories.create(editor(), hanoi, { lang: 'vi', name: 'Môi trường đô thị' });
    catSlug = cat.slug;
    live = await publishQuickly(news('Hà Nội trồng mới một triệu cây xanh', { categoryId: cat.id }));
    await publishQuickly(news('<script>alert(1)</script> Tiêu đề có thẻ & ký hiệu', { categoryId: cat.id }));
    draft = await content.create(system, hanoi, news('Bản nháp không được vào sơ đồ'));
  });

  it('serves RSS 2.0 that parses, with Vietnamese intact, absolute URLs and escaped markup', async () => {
    const res = await get('/rss.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=60\b/);
    expect(res.headers.etag).toBeTruthy();
    expect(parseXml(res.body)).toBe('rss');
    expect(res.body).toContain('<title>Hà Nội trồng mới một triệu cây xanh</title>');
    expect(res.body).toContain(`<link>http://localhost:3000/tin/${live.slug}</link>`);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Tiêu đề có thẻ &amp; ký hiệu');
    expect(res.body).not.toContain('<script>');
    expect((res.body.match(/<item>/g) ?? []).length).toBeLessThanOrEqual(30);
    expect(res.body).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
  });

  it('serves Atom that parses, per site and per category', async () => {
    const res = await get('/atom.xml');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(parseXml(res.body)).toBe('feed');
    expect(res.body).toContain(`<link rel="alternate" type="text/html" href="http://localhost:3000/tin/${live.slug}"/>`);
    expect(res.body).not.toContain('<script>');
    const byCat = await get(`/chuyen-muc/${catSlug}/rss.xml`);
    expect(byCat.statusCode).toBe(200);
    expect(parseXml(byCat.body)).toBe('rss');
    expect((byCat.body.match(/<item>/g) ?? []).length).toBe(2);
    expect(parseXml((await get(`/chuyen-muc/${catSlug}/atom.xml`)).body)).toBe('feed');
    expect(parseXml((await get('/s/sonoivu/rss.xml')).body)).toBe('rss');
    expect(parseXml((await get('/english/atom.xml')).body)).toBe('feed');
  });

  it('lists the live item, fixed pages and categories in sitemap.xml, and not the draft', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(parseXml(res.body)).toBe('urlset');
    expect(res.body).toMatch(new RegExp(`<url><loc>http://localhost:3000/tin/${live.slug}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}T[^<]+</lastmod></url>`));
    expect(res.body).not.toContain(draft.slug);
    expect(res.body).toContain('<loc>http://localhost:3000/</loc>');
    expect(res.body).toContain('<loc>http://localhost:3000/trang/gioi-thieu</loc>');
    expect(res.body).toContain('<loc>http://localhost:3000/english/page/gioi-thieu</loc>');
    expect(res.body).toContain(`<loc>http://localhost:3000/chuyen-muc/${catSlug}</loc>`);
    const bySite = await get('/s/sonoivu/sitemap.xml');
    expect(bySite.body).toContain('<loc>http://localhost:3000/s/sonoivu/trang/gioi-thieu</loc>');
    expect(bySite.body).not.toContain(live.slug);
  });

  it('allows the public site in robots.txt, keeps crawlers out of the admin, and points to the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('User-agent: *\nAllow: /\n');
    expect(res.body).toContain('Disallow: /quan-tri\n');
    expect(res.body).toContain('Disallow: /english/admin\n');
    expect(res.body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    expect((await get('/robots.txt', { host: 'sonoivu.localhost:3000' })).body).toContain('Sitemap: http://sonoivu.localhost:3000/sitemap.xml');
  });
});

describe('hostile text in title, summary and source', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const ATTR = '" onmouseover="x';
  let item: ContentItemRow;
  let catSlug: string;

  beforeAll(async () => {
    const cat = await t.modules.content.categories.create(editor(), hanoi, { lang: 'vi', name: `Chuyên mục ${SCRIPT}${ATTR}` });
    catSlug = cat.slug;
    item = await publishQuickly(
      news(`Tin ${SCRIPT} thử ${ATTR}`, {
        summary: `Tóm tắt ${ATTR} ${SCRIPT} javascript:alert(1)`,
        source: 'javascript:alert(1)',
        authorName: `Tác giả ${SCRIPT}`,
        categoryId: cat.id,
        featured: true,
        fields: { event_date: '2026-11-20', location: `${SCRIPT}${ATTR}` },
      }),
    );
  });

  const clean = (body: string) => {
    expect(body).not.toContain(SCRIPT);
    expect(body).not.toContain('onmouseover="x');
    expect(body).not.toMatch(/(href|src)="\s*javascript:/i);
    expect(body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  };

  it('escapes it on every page', async () => {
    for (const url of [`/tin/${item.slug}`, `/tin/${item.slug}/in`, `/chuyen-muc/${catSlug}`, '/tin-tuc', '/noi-bat', '/']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      clean(res.body);
    }
    const page = (await get(`/tin/${item.slug}`)).body;
    expect(page).toContain('Tin &lt;script&gt;alert(1)&lt;/script&gt; thử &quot; onmouseover=&quot;x');
    expect(page).toContain('Nguồn: javascript:alert(1)');
    // JSON-LD still parses and says the same text.
    expect(jsonLdOf(page).find((n) => n['@type'] === 'NewsArticle')!.headline).toBe(`Tin ${SCRIPT} thử ${ATTR}`);
  });

  it('escapes it in feeds and the sitemap', async () => {
    for (const url of ['/rss.xml', '/atom.xml', `/chuyen-muc/${catSlug}/rss.xml`, '/sitemap.xml']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      parseXml(res.body);
      clean(res.body);
    }
  });
});
