/**
 * The tokens of the status page's download links: a file of an answer is served to whoever holds
 * the request's code and the file's token, an HMAC keyed with a server secret (so a token cannot
 * be made up, nor moved to another file or request).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../platform/db/create-db.ts';
import { platformSecret } from '../../platform/secrets/index.ts';

let secret: Promise<string> | undefined;
async function fileSecret(db: Db): Promise<string> {
  secret ??= platformSecret(db, 'inquiry-files');
  return secret;
}

/** A token that lets whoever holds the code download one file of its answer. */
export async function fileToken(db: Db, code: string, attachmentId: number): Promise<string> {
  return createHmac('sha256', await fileSecret(db))
    .update(`${code}|${attachmentId}`)
    .digest('base64url')
    .slice(0, 32);
}

/** Whether `token` is the token of that file of that request. */
export async function fileTokenValid(db: Db, code: string, attachmentId: number, token: string): Promise<boolean> {
  const expected = Buffer.from(await fileToken(db, code, attachmentId));
  const given = Buffer.from(String(token ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
