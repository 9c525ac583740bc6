/**
 * Storage on the local disk, under `${DATA_DIR}/media` by default. A file is written to a
 * temporary name in its final folder and renamed into place once complete (rename is
 * atomic on one file system), so a reader sees the whole file or none of it. Keys are
 * checked before they become paths: nothing can be read or written outside the root.
 */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertStorageKey, type ByteRange, type Storage } from './index.ts';

/** Temporary files start with this; a crash may leave some behind, which are never served (no key has this shape). */
const TMP_PREFIX = '.tmp-';

export function createLocalDiskStorage(rootDir: string): Storage & { readonly root: string } {
  const root = path.resolve(rootDir);

  function pathOf(key: string): string {
    assertStorageKey(key);
    const full = path.resolve(root, ...key.split('/'));
    if (!full.startsWith(root + path.sep)) throw new TypeError('Storage key leaves the storage root');
    return full;
  }

  return {
    root,
    async put(key, data) {
      const target = pathOf(key);
      const dir = path.dirname(target);
      await fsp.mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `${TMP_PREFIX}${randomBytes(8).toString('hex')}`);
      try {
        const handle = await fsp.open(tmp, 'wx', 0o640);
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fsp.rename(tmp, target);
      } catch (err) {
        await fsp.rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return await fsp.readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async stream(key: string, range?: ByteRange): Promise<Readable | undefined> {
      const file = pathOf(key);
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(file, 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },
    async delete(key) {
      await fsp.rm(pathOf(key), { force: true });
    },
  };
}
