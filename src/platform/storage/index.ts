/**
 * Where uploaded files live. Modules see only this interface; local disk is the default
 * (local-disk.ts), and an object store can take its place without touching them.
 *
 * Keys are chosen by the platform, never by the uploader: `2026/11/<random>.<ext>` (see
 * `newStorageKey`). A stored key's content never changes, so answers can be cached forever.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

export { createLocalDiskStorage } from './local-disk.ts';

/** A byte range of a stored file, both ends inclusive (as in HTTP Range). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface Storage {
  /** Stores `data` under `key`; readers never see a half-written file. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The whole file, or undefined when there is none under `key`. */
  get(key: string): Promise<Buffer | undefined>;
  /** A stream of the file (or of `range` of it), or undefined when there is none. Optional: `get` is used otherwise. */
  stream?(key: string, range?: ByteRange): Promise<Readable | undefined>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** Letters, digits, `-`, `_` and `.` in `/`-separated segments; no `..`, no leading `/`, no `\`. */
const KEY_RE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

/** Throws unless `key` is a relative key that cannot leave the storage root. */
export function assertStorageKey(key: string): void {
  if (
    typeof key !== 'string' ||
    key.length === 0 ||
    key.length > 300 ||
    !KEY_RE.test(key) ||
    key.split('/').some((s) => s === '.' || s === '..' || s.includes('..'))
  ) {
    throw new TypeError(`Invalid storage key: ${JSON.stringify(String(key).slice(0, 100))}`);
  }
}

/** A new key `YYYY/MM/<22 random url-safe chars>` (add the suffix and extension yourself). */
export function newStorageStem(now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}/${month}/${randomBytes(16).toString('base64url')}`;
}

/** A new key `YYYY/MM/<random>.<ext>`. */
export function newStorageKey(ext: string, now: Date = new Date()): string {
  const key = `${newStorageStem(now)}.${ext.toLowerCase()}`;
  assertStorageKey(key);
  return key;
}

/** Storage in memory: for tests, and for trying things out without a disk. */
export function createMemoryStorage(): Storage & { readonly files: Map<string, { data: Buffer; contentType: string }> } {
  const files = new Map<string, { data: Buffer; contentType: string }>();
  return {
    files,
    async put(key, data, contentType) {
      assertStorageKey(key);
      files.set(key, { data: Buffer.from(data), contentType });
    },
    async get(key) {
      assertStorageKey(key);
      return files.get(key)?.data;
    },
    async delete(key) {
      assertStorageKey(key);
      files.delete(key);
    },
  };
}
