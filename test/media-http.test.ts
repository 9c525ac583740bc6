/**
 * The media library through HTTP: the admin form (multipart with its CSRF token, no
 * JavaScript), refusals that keep what was typed, the public file route (types,
 * disposition, caching, ranges), permissions, and the audit trail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { UploadClient, exeFile, multipartBody, pdfFile } from './multipart.ts';
import { factories, type TestPerson, type TestSite } from './factories.ts';
import { totpOf, type Credentials } from './sign-in.ts';

let t: TestApp;
let dataDir: string;
let nextIp = 1;
/** A portal (the site at localhost) and a ward of it, with their people. */
let portal: TestSite;
let boardMember: TestPerson;
let portalContributor: TestPerson;
let portalAuditor: TestPerson;
let wardHead: TestPerson;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-media-http-'));
  t = await buildTestApp({ seed: false, env: { DATA_DIR: dataDir } });
  const f = factories(t);
  portal = await f.site();
  const ward = await f.site({ kind: 'ward' });
  boardMember = await f.person('board_member', portal);
  portalContributor = await f.person('contributor', portal);
  portalAuditor = await f.person('auditor', portal);
  wardHead = await f.person('board_head', ward);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(who: Credentials): Promise<UploadClient> {
  const c = new UploadClient(t.app, 'localhost', `10.30.0.${nextIp++}`);
  await c.get('/quan-tri/dang-nhap');
  const res = await c.post('/quan-tri/dang-nhap', { email: who.email, password: who.password });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(303);
  if (String(res.headers.location).startsWith('/quan-tri/xac-thuc')) {
    await c.get('/quan-tri/xac-thuc');
    expect((await c.post('/quan-tri/xac-thuc', { code: await totpOf(t, who.email) })).statusCode).toBe(303);
  }
  return c;
}

const mediaRows = () => t.db.db.selectFrom('media').selectAll().orderBy('id').execute();
const diskFiles = (): string[] => {
  const root = path.join(dataDir, 'media');
  return fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()) : [];
};
const idFrom = (location: unknown) => Number(/\/quan-tri\/thu-vien\/(\d+)\?tb=da-tai-len$/.exec(String(location))![1]);

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#1d5fa8' } })
    .png()
    .toBuffer();

describe('uploading through the admin form', () => {
  let editor: UploadClient;
  beforeAll(async () => {
    editor = await signIn(boardMember);
  });

  it('shows the library with an upload form that works without JavaScript', async () => {
    const page = await editor.get('/quan-tri/thu-vien');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Thư viện tệp</h1>');
    expect(page.body).toMatch(
      /<form method="post" action="\/quan-tri\/thu-vien" enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">/,
    );
    expect(page.body).toContain('name="file" type="file" required');
    expect(page.body).toContain('href="/quan-tri/thu-vien" aria-current="page"');
    const en = await editor.get('/english/admin/media');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h1>Media library</h1>');
  });

  it('stores a real image with WebP sizes (never enlarged) and serves them', async () => {
    const res = await editor.postMultipart(
      '/quan-tri/thu-vien',
      { alt: 'Trụ sở Ủy ban nhân dân', caption: 'Ảnh chụp năm 2026' },
      { filename: 'Trụ sở UBND.png', contentType: 'image/png', data: await png(1200, 800) },
    );
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const id = idFrom(res.headers.location);
    const row = (await mediaRows()).find((r) => r.id === id)!;
    expect(row).toMatchObject({ kind: 'image', mime: 'image/png', original_name: 'Trụ sở UBND.png', alt: 'Trụ sở Ủy ban nhân dân', width: 1200, height: 800 });
    expect(row.variants.map((v) => v.width)).toEqual([320, 640, 1024, 1200]);
    expect(diskFiles().sort()).toEqual([row.storage_key, ...row.variants.map((v) => v.storage_key)].sort());
    expect(diskFiles().some((f) => f.includes('.tmp-'))).toBe(false);

    const detail = await editor.get(String(res.headers.location));
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Đã tải tệp lên thư viện.');
    expect(detail.body).toContain(`srcset="/media/${id}/320 320w, /media/${id}/640 640w, /media/${id}/1024 1024w, /media/${id}/1200 1200w"`);
    expect(detail.body).toContain(`<img src="/media/${id}/goc" alt="Trụ sở Ủy ban nhân dân" width="1200" height="800"`);
    const list = await editor.get('/quan-tri/thu-vien');
    expect(list.body).toContain(`<img src="/media/${id}/320" alt="Trụ sở Ủy ban nhân dân" width="96" height="64"`);

    for (const v of row.variants) {
      const file = await t.app.inject({ url: `/media/${id}/${v.width}`, headers: { host: 'localhost' } });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toMatch(
        /^inline; filename="Tru so UBND-\d+\.webp"; filename\*=UTF-8''Tr%E1%BB%A5%20s%E1%BB%9F%20UBND-\d+\.webp$/,
      );
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(file.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: v.width });
    }
    expect((await t.app.inject({ url: `/media/${id}/1600`, headers: { host: 'localhost' } })).statusCode).toBe(404);

    const original = await t.app.inject({ url: `/media/${id}/goc`, headers: { host: 'localhost' } });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.headers['content-disposition']).toMatch(/^inline; /);
    expect(original.headers.etag).toBe(`"${row.sha256}"`);
    expect(original.headers['content-security-policy']).toContain('sandbox');
    const again = await t.app.inject({ url: `/media/${id}/goc`, headers: { host: 'localhost', 'if-none-match': original.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('requires alt text for images and keeps what was typed', async () => {
    const before = (await mediaRows()).length;
    const res = await editor.postMultipart(
      '/quan-tri/thu-vien',
      { alt: '', caption: 'Chú thích <giữ lại>' },
      { filename: 'anh.png', data: await png(400, 300) },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Ảnh cần có văn bản thay thế');
    expect(res.body).toContain('value="Chú thích &lt;giữ lại&gt;"');
    expect(res.body).toContain('aria-invalid="true"');
    expect((await mediaRows()).length).toBe(before);
  });

  it('refuses a Windows program named anh.jpg, saying what it really is', async () => {
    const before = { rows: (await mediaRows()).length, files: diskFiles().length };
    const res = await editor.postMultipart(
      '/quan-tri/thu-vien',
      { alt: 'Ảnh đẹp', caption: '' },
      { filename: 'anh.jpg', contentType: 'image/jpeg', data: exeFile() },
    );
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('Tệp “anh.jpg” mang đuôi .jpg nhưng nội dung thật là chương trình chạy được của Windows (.exe)');
    expect(res.body).toContain('value="Ảnh đẹp"');
    expect((await mediaRows()).length).toBe(before.rows);
    expect(diskFiles().length).toBe(before.files);
  });

  it('refuses HTML and SVG (they could run script on the site)', async () => {
    const before = (await mediaRows()).length;
    const page = await editor.postMultipart(
      '/quan-tri/thu-vien',
      {},
      { filename: 'tin-tuc.html', contentType: 'text/html', data: Buffer.from('<html><body><script>fetch("/quan-tri")</script></body></html>') },
    );
    expect(page.statusCode).toBe(415);
    expect(page.body).toContain('trang web (HTML)');
    const svg = await editor.postMultipart(
      '/quan-tri/thu-vien',
      { alt: 'Logo' },
      { filename: 'logo.svg', contentType: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
    );
    expect(svg.statusCode).toBe(415);
    expect(svg.body).toContain('ảnh SVG');
    expect(svg.body).not.toContain('<script>alert(1)');
    expect((await mediaRows()).length).toBe(before);
  });

  it('refuses an empty file and a missing file', async () => {
    const empty = await editor.postMultipart('/quan-tri/thu-vien', { caption: 'Rỗng' }, { filename: 'rong.pdf', data: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Tệp “rong.pdf” rỗng (0 byte)');
    const none = await editor.postMultipart('/quan-tri/thu-vien', { caption: 'Không có tệp' }, { filename: '', data: Buffer.alloc(0) });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Chưa chọn tệp để tải lên.');
  });

  it('refuses an image above 10 MB', async () => {
    const header = await png(50, 50);
    const big = Buffer.concat([header, Buffer.alloc(10 * 1024 * 1024 + 1 - header.length)]);
    const res = await editor.postMultipart('/quan-tri/thu-vien', { alt: 'Ảnh rất lớn', caption: '' }, { filename: 'lon.png', data: big });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('vượt giới hạn 10 MB cho ảnh');
    expect(res.body).toContain('value="Ảnh rất lớn"');
  });

  it('serves a PDF as a download under its Vietnamese name, with byte ranges', async () => {
    const pdf = pdfFile('Bao cao quy 3');
    const res = await editor.postMultipart(
      '/quan-tri/thu-vien',
      { caption: 'Báo cáo tình hình quý 3' },
      { filename: 'Báo cáo quý 3.pdf', contentType: 'application/pdf', data: pdf },
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const id = idFrom(res.headers.location);
    const file = await t.app.inject({ url: `/media/${id}/goc`, headers: { host: 'localhost' } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="Bao cao quy 3.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%203.pdf`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-length']).toBe(String(pdf.length));
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const head = await t.app.inject({ method: 'HEAD', url: `/media/${id}/goc`, headers: { host: 'localhost' } });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(pdf.length));
    const part = await t.app.inject({ url: `/media/${id}/goc`, headers: { host: 'localhost', range: 'bytes=0-3' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-3/${pdf.length}`);
    expect(part.body).toBe('%PDF');
    const tail = await t.app.inject({ url: `/media/${id}/goc`, headers: { host: 'localhost', range: 'bytes=-6' } });
    expect(tail.body).toBe('%%EOF\n');
    const outside = await t.app.inject({ url: `/media/${id}/goc`, headers: { host: 'localhost', range: `bytes=${pdf.length}-` } });
    expect(outside.statusCode).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${pdf.length}`);
    // Documents have no sizes.
    expect((await t.app.inject({ url: `/media/${id}/320`, headers: { host: 'localhost' } })).statusCode).toBe(404);
  });

  it('answers 404 for unknown files and malformed addresses', async () => {
    for (const url of ['/media/99999999/goc', '/media/abc/goc', '/media/0/goc', '/media/1/abc', '/media/1/-1']) {
      const res = await t.app.inject({ url, headers: { host: 'localhost' } });
      expect(res.statusCode, url).toBe(404);
      // The site's own error page, as for any unknown address.
      expect(res.body, url).toContain('Không tìm thấy trang');
    }
  });
});

describe('CSRF and sign-in', () => {
  it('refuses an upload without the token, or with the token after the file, and records it', async () => {
    const editor = await signIn(boardMember);
    await editor.get('/quan-tri/thu-vien');
    const before = { rows: (await mediaRows()).length, files: diskFiles().length };
    const file = { filename: 'a.pdf', data: pdfFile() };
    const missing = await editor.postMultipart('/quan-tri/thu-vien', { _csrf: '' }, file);
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Không có quyền truy cập');
    const forged = await editor.postMultipart('/quan-tri/thu-vien', { _csrf: 'forged-token' }, file);
    expect(forged.statusCode).toBe(403);
    // The token must come first (as in the form); one sent after the file does not count.
    const { body, contentType } = multipartBody({ _csrf: editor.lastCsrf }, file, { fileFirst: true });
    const after = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/thu-vien',
      remoteAddress: editor.ip,
      headers: { host: 'localhost', cookie: editor.cookieHeader(), 'content-type': contentType },
      payload: body,
    });
    expect(after.statusCode).toBe(403);
    expect((await mediaRows()).length).toBe(before.rows);
    expect(diskFiles().length).toBe(before.files);
    const refusals = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'security.csrf_rejected').execute();
    expect(refusals.filter((r) => (r.summary as { path?: string }).path === '/quan-tri/thu-vien').length).toBeGreaterThanOrEqual(3);
  });

  it('sends people who are not signed in away', async () => {
    const anon = new UploadClient(t.app, 'localhost', '10.30.9.9');
    const list = await anon.get('/quan-tri/thu-vien');
    expect(list.statusCode).toBe(303);
    expect(list.headers.location).toMatch(/^\/quan-tri\/dang-nhap\?next=/);
    const post = await anon.postMultipart('/quan-tri/thu-vien', { _csrf: 'x' }, { filename: 'a.pdf', data: pdfFile() });
    expect(post.statusCode).toBe(401);
  });
});

describe('who may do what', () => {
  it('lets only roles with content.write on the site upload, edit and delete', async () => {
    // The ward's board head uploads on the ward's site.
    const ward = await signIn(wardHead);
    await ward.get('/quan-tri/thu-vien');
    const up = await ward.postMultipart('/quan-tri/thu-vien', { alt: 'Nhà văn hóa phường' }, { filename: 'nha-van-hoa.png', data: await png(500, 300) });
    expect(up.statusCode).toBe(303);
    const wardMedia = idFrom(up.headers.location);

    // A contributor of another site (the portal) may not see, change or delete it.
    const contributor = await signIn(portalContributor);
    await contributor.get('/quan-tri/thu-vien');
    const other = await contributor.get(`/quan-tri/thu-vien/${wardMedia}`);
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain('Tài khoản của bạn không được phép thực hiện thao tác này.');
    expect((await contributor.post(`/quan-tri/thu-vien/${wardMedia}`, { alt: 'Đổi', caption: '' })).statusCode).toBe(403);
    expect((await contributor.post(`/quan-tri/thu-vien/${wardMedia}/xoa`, {})).statusCode).toBe(403);
    expect((await mediaRows()).find((r) => r.id === wardMedia)?.alt).toBe('Nhà văn hóa phường');
    // …but may upload on their own site.
    await contributor.get('/quan-tri/thu-vien');
    const own = await contributor.postMultipart('/quan-tri/thu-vien', {}, { filename: 'thong-bao.pdf', data: pdfFile() });
    expect(own.statusCode).toBe(303);
    const ownRow = (await mediaRows()).find((r) => r.id === idFrom(own.headers.location))!;
    expect(ownRow.site_id).toBe(portal.id);

    // An auditor may look at the library, not upload to it.
    const auditor = await signIn(portalAuditor);
    const list = await auditor.get('/quan-tri/thu-vien');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('enctype="multipart/form-data"');
    expect(list.body).toContain('thong-bao.pdf');
    const tokenPage = await auditor.get(`/quan-tri/thu-vien/${ownRow.id}`);
    expect(tokenPage.statusCode).toBe(200);
    expect(tokenPage.body).not.toContain('Xóa tệp này');
    const refused = await auditor.postMultipart('/quan-tri/thu-vien', {}, { filename: 'x.pdf', data: pdfFile() });
    expect(refused.statusCode).toBe(403);
  });
});

describe('editing and deleting', () => {
  it('edits alt text and caption, deletes after confirmation, and audits every change', async () => {
    const editor = await signIn(boardMember);
    await editor.get('/quan-tri/thu-vien');
    const up = await editor.postMultipart('/quan-tri/thu-vien', { alt: 'Cầu Long Biên', caption: '' }, { filename: 'cau.png', data: await png(700, 400) });
    expect(up.statusCode).toBe(303);
    const id = idFrom(up.headers.location);
    const row = (await mediaRows()).find((r) => r.id === id)!;

    await editor.get(`/quan-tri/thu-vien/${id}`);
    const emptied = await editor.post(`/quan-tri/thu-vien/${id}`, { alt: '', caption: 'Chú thích' });
    expect(emptied.statusCode).toBe(422);
    expect(emptied.body).toContain('Ảnh cần có văn bản thay thế');
    expect(emptied.body).toContain('value="Chú thích"');
    const saved = await editor.post(`/quan-tri/thu-vien/${id}`, { alt: 'Cầu Long Biên lúc bình minh', caption: 'Ảnh: Phòng Văn hóa' });
    expect(saved.statusCode).toBe(303);
    expect((await mediaRows()).find((r) => r.id === id)).toMatchObject({ alt: 'Cầu Long Biên lúc bình minh', caption: 'Ảnh: Phòng Văn hóa' });

    const confirm = await editor.get(`/quan-tri/thu-vien/${id}/xoa`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Xóa tệp “cau.png”?');
    expect(confirm.body).toContain(`<form method="post" action="/quan-tri/thu-vien/${id}/xoa"`);
    const deleted = await editor.post(`/quan-tri/thu-vien/${id}/xoa`, {});
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/quan-tri/thu-vien?tb=da-xoa');
    expect((await mediaRows()).some((r) => r.id === id)).toBe(false);
    for (const key of [row.storage_key, ...row.variants.map((v) => v.storage_key)]) expect(diskFiles()).not.toContain(key);
    expect((await t.app.inject({ url: `/media/${id}/goc`, headers: { host: 'localhost' } })).statusCode).toBe(404);

    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_type', '=', 'media')
      .where('target_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['media.upload', 'media.update', 'media.delete']);
    expect(audit.every((a) => a.actor_label === boardMember.email)).toBe(true);
    // Every file still in the library has its upload entry.
    const uploads = await t.db.db.selectFrom('audit_log').select('target_id').where('action', '=', 'media.upload').execute();
    const logged = new Set(uploads.map((u) => Number(u.target_id)));
    for (const r of await mediaRows()) expect(logged.has(r.id), `upload of ${r.id}`).toBe(true);
  });
});
