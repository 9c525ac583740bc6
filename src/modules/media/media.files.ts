/**
 * The library's files, on every host and under no site (a root route): `GET /media/<id>/<width|goc>`
 * serves a stored file with its real type, inline (images, audio, video) or as a download
 * (documents) under its Vietnamese name, never sniffed, cached for good (a URL's content never
 * changes), with an ETag and byte ranges (video and audio players seek with them).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Routes } from '../../platform/module.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { ByteRange } from '../../platform/storage/index.ts';
import { findMediaFile, type MediaDeps, type MediaFile } from './media.service.ts';
import { ORIGINAL } from './media.present.ts';
import { FileParams } from './media.schema.ts';

/** A year: the content of a media URL never changes (a new upload gets a new id). */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** A file opened on its own may not run anything, even if a browser were to render it as a page. */
const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

function notFound(): NotFound {
  return new NotFound('media.not_found', 'No such media', { messageKey: 'error.body.404' });
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** The one byte range asked for; 'invalid' when it cannot be satisfied; undefined to send the whole file. */
export function parseRange(header: string | undefined, size: number): ByteRange | 'invalid' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges, or another unit: answer with the whole file, as RFC 9110 allows.
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'invalid';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

async function sendFile(deps: MediaDeps, request: FastifyRequest, reply: FastifyReply, file: MediaFile): Promise<FastifyReply> {
  reply.header('content-type', file.mime);
  reply.header('content-disposition', file.disposition);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', FILE_CSP);
  reply.header('cache-control', CACHE_CONTROL);
  reply.header('etag', file.etag);
  reply.header('accept-ranges', 'bytes');
  if (etagMatches(request.headers['if-none-match'], file.etag)) return reply.code(304).send();

  const ifRange = request.headers['if-range'];
  let range = ifRange && ifRange !== file.etag ? undefined : parseRange(request.headers.range, file.bytes);
  if (range === 'invalid') {
    reply.header('content-range', `bytes */${file.bytes}`);
    return reply.code(416).send();
  }
  if (range && range.start === 0 && range.end === file.bytes - 1) range = undefined;

  const { storage } = deps;
  let body: Buffer | NodeJS.ReadableStream | undefined;
  if (storage.stream) {
    body = await storage.stream(file.key, range);
  } else {
    const data = await storage.get(file.key);
    body = data && range ? data.subarray(range.start, range.end + 1) : data;
  }
  if (!body) {
    request.log.warn({ key: file.key }, 'media file missing from storage');
    throw notFound();
  }
  if (range) {
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${file.bytes}`);
    reply.header('content-length', range.end - range.start + 1);
  } else {
    reply.header('content-length', file.bytes);
  }
  return reply.send(body);
}

export function mediaFiles(routes: Routes, deps: MediaDeps): void {
  routes.get('/media/:id/:variant', { compress: false, schema: { params: FileParams, querystring: NoQuery } }, async (request, reply) => {
    const { id, variant } = request.params;
    const file = await findMediaFile(deps, Number(id), variant === ORIGINAL ? ORIGINAL : Number(variant));
    if (!file) throw notFound();
    return sendFile(deps, request, reply, file);
  });
}
