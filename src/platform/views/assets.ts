/**
 * URLs of static assets with a content hash, so browsers and CDNs may cache them for a
 * long time and still get the new file after a release.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public');
const versions = new Map<string, string>();

/** "/static/site.css?v=1a2b3c4d" */
export function assetUrl(file: string): string {
  let v = versions.get(file);
  if (v === undefined) {
    try {
      v = crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(PUBLIC_DIR, file)))
        .digest('hex')
        .slice(0, 10);
    } catch {
      v = '0';
    }
    versions.set(file, v);
  }
  return `/static/${file}?v=${v}`;
}
