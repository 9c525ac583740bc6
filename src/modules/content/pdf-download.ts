/**
 * Sends an item as a PDF download (PUB-3): /tin/<slug>/pdf, /english/news/<slug>/pdf.
 *
 * Rendering takes a few hundred milliseconds, so the bytes are kept in memory by a hash of
 * everything the document shows (a small LRU, bounded by count and bytes): a new revision,
 * a renamed site or another host name give another hash, so nothing needs invalidating. The
 * hash is also the ETag, so a revalidation is answered 304 without rendering. Concurrent
 * requests for the same document share one rendering.
 */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { ItemView } from './views/models.ts';
import { renderItemPdf, type PdfSite } from './views/item-pdf.view.ts';

/** Bump when the layout changes, so cached documents are not reused. */
const LAYOUT_VERSION = 1;
const MAX_ENTRIES = 64;
const MAX_BYTES = 24 * 1024 * 1024;

const cache = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();
let bytes = 0;

function remember(key: string, pdf: Promise<Buffer>): Promise<Buffer> {
  cache.set(key, pdf);
  pdf.then(
    (buf) => {
      if (cache.get(key) !== pdf) return;
      sizes.set(key, buf.length);
      bytes += buf.length;
      for (const k of cache.keys()) {
        if (cache.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
        drop(k);
      }
    },
    () => {
      if (cache.get(key) === pdf) drop(key);
    },
  );
  return pdf;
}

function drop(key: string): void {
  cache.delete(key);
  bytes -= sizes.get(key) ?? 0;
  sizes.delete(key);
}

/** What the document shows, and nothing else (no rendered HTML of the page). */
function documentInput(lang: Lang, v: ItemView, site: PdfSite) {
  return {
    v: LAYOUT_VERSION,
    lang,
    site,
    title: v.title,
    summary: v.summary,
    bodyHtml: v.bodyHtml,
    typeLabel: v.typeLabel,
    date: v.date?.toISOString() ?? null,
    update: v.update ? { at: v.update.at.toISOString(), note: v.update.note } : null,
    author: v.author,
    source: v.source,
    isReference: v.isReference,
    category: v.category?.name ?? null,
    fields: v.fields,
    attachments: v.attachments.map((a) => ({ name: a.name, meta: a.meta })),
    canonicalUrl: v.canonicalUrl,
    crossPost: v.crossPost ?? null,
  };
}

export async function sendItemPdf(request: FastifyRequest, reply: FastifyReply, lang: Lang, slug: string, v: ItemView, site: PdfSite): Promise<FastifyReply> {
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify(documentInput(lang, v, site)))
    .digest('base64url');
  const etag = `"pdf-${key.slice(0, 32)}"`;
  reply.header('etag', etag);
  reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=60');
  reply.header('x-robots-tag', 'noindex');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();

  let pdf = cache.get(key);
  if (pdf) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, pdf);
  } else pdf = remember(key, renderItemPdf(lang, v, site));
  const body = await pdf;
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(slug)}.pdf`);
  return reply.type('application/pdf').send(body);
}
