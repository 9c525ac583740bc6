/**
 * Server-side keys (the CSRF HMAC key…) generated on first use and kept in the database,
 * so every process behind the load balancer shares them and no secret lives in code or
 * configuration.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/create-db.ts';
import { insertSecret, readSecret } from './secrets.repo.ts';

export async function platformSecret(db: Db, name: string): Promise<string> {
  const existing = await readSecret(db, name);
  if (existing) return existing;
  await insertSecret(db, name, crypto.randomBytes(32).toString('base64url'));
  return (await readSecret(db, name))!;
}
