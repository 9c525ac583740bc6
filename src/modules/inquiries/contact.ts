/**
 * A citizen's contact details: the e-mail address or Vietnamese phone number they give with a
 * question, checked and brought to one canonical form, so that the tracking page can later ask
 * "which contact did you give?" and compare without caring how it was typed.
 */
import crypto from 'node:crypto';
import { normaliseEmail, normalisePhone } from '../../platform/validation.ts';

// The forms of an e-mail address and of a Vietnamese phone number are the platform's (validation.ts).
export { normaliseEmail, normalisePhone };

/**
 * Whether `given` (an e-mail address or a phone number, typed any way) is the contact stored with
 * a question. Both sides are normalised; an empty or unusable stored value never matches. The
 * comparison runs on SHA-256 digests so the buffers always have equal length and
 * crypto.timingSafeEqual applies — the answer must not leak, through timing, how much of a
 * guessed contact was right.
 */
export function contactMatches(stored: { email: string; phone: string }, given: string): boolean {
  const email = normaliseEmail(given);
  if (email !== undefined) return storedEquals(normaliseEmail(stored.email ?? ''), email);
  const phone = normalisePhone(given);
  if (phone !== undefined) return storedEquals(normalisePhone(stored.phone ?? ''), phone);
  return false;
}

/** Compares even when nothing is stored, so an empty record costs the same time as a wrong guess. */
function storedEquals(stored: string | undefined, given: string): boolean {
  const same = crypto.timingSafeEqual(digest(stored ?? ''), digest(given));
  return same && stored !== undefined && stored !== '';
}

function digest(s: string): Buffer {
  return crypto.createHash('sha256').update(s, 'utf8').digest();
}
