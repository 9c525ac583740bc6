/**
 * Rendered public pages for anonymous visitors, kept in memory per site, path, language
 * and display preferences. Each site has a generation number; anything that changes what a
 * site shows bumps it (announceChange, delivered to every process by NOTIFY after commit),
 * and entries of an older generation are never served. Bounded by entries and bytes, the
 * oldest dropped first.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';

export const CACHE_CHANNEL = 'cong_cache';
/** Payload meaning "every site" (site settings, menus shared layout…). */
export const ALL_SITES = '*';

export interface CachedPage {
  /** UTF-8 bytes, encoded once: sending a Buffer skips the per-request string encoding. */
  body: Buffer;
  /** The same bytes compressed once at store time, so hits never compress. */
  gzip: Buffer;
  br: Buffer;
  etag: string;
  contentType: string;
  generation: number;
  bytes: number;
}

export function etagOf(body: string): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
}

export class PageCache {
  readonly #entries = new Map<string, CachedPage & { siteId: number }>();
  readonly #generations = new Map<number, number>();
  #globalGeneration = 0;
  #bytes = 0;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  enabled: boolean;

  constructor(options: { maxEntries?: number; maxBytes?: number; enabled?: boolean } = {}) {
    this.#maxEntries = options.maxEntries ?? 5000;
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.enabled = options.enabled ?? true;
  }

  generation(siteId: number): number {
    return this.#globalGeneration * 1_000_000 + (this.#generations.get(siteId) ?? 0);
  }

  /** Forget what a site (or every site) shows. */
  bump(siteId: number | typeof ALL_SITES): void {
    if (siteId === ALL_SITES) this.#globalGeneration++;
    else this.#generations.set(siteId, (this.#generations.get(siteId) ?? 0) + 1);
  }

  get(siteId: number, key: string): CachedPage | undefined {
    if (!this.enabled) return undefined;
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (hit.generation !== this.generation(siteId)) {
      this.#drop(key, hit);
      return undefined;
    }
    // Most recently used last, so eviction takes the oldest.
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit;
  }

  set(siteId: number, key: string, body: string, contentType: string, etag = etagOf(body)): CachedPage {
    const bytes = Buffer.from(body, 'utf8');
    if (!this.enabled) return { body: bytes, gzip: bytes, br: bytes, etag, contentType, generation: 0, bytes: bytes.length };
    const gzip = zlib.gzipSync(bytes, { level: 6 });
    const br = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const entry = { siteId, body: bytes, gzip, br, etag, contentType, generation: this.generation(siteId), bytes: bytes.length + gzip.length + br.length };
    const old = this.#entries.get(key);
    if (old) this.#drop(key, old);
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    for (const [k, v] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#drop(k, v);
    }
    return entry;
  }

  #drop(key: string, entry: { bytes: number }): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Announces that what `siteId` shows has changed. Inside a transaction the notice is
 * delivered when it commits (never for a rollback), to every process listening.
 */
export async function announceChange(db: DbOrTx, siteId: number | typeof ALL_SITES): Promise<void> {
  await sql`select pg_notify(${CACHE_CHANNEL}, ${String(siteId)})`.execute(db);
}
