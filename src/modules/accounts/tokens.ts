/** Random secrets for cookies, links and recovery codes, and the hashes we store instead of them. */
import crypto from 'node:crypto';

/** 32 random bytes, URL-safe. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a leaked table opens nothing. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "k7m2-p9xq": 8 characters without look-alikes, grouped for reading aloud. */
export function newRecoveryCode(): string {
  const bytes = crypto.randomBytes(8);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function normaliseRecoveryCode(input: string): string {
  const c = input.toLowerCase().replace(/[^a-z0-9]/g, '');
  return c.length === 8 ? `${c.slice(0, 4)}-${c.slice(4)}` : input.trim().toLowerCase();
}
