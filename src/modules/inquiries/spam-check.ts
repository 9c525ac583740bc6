/**
 * The request form's defences against robots, without third parties: the spoken-sum question
 * (challenge.ts) signed with a server key, and the memory of solved questions, so that a solved
 * token cannot open a second, different request. (The honeypot field and the rate limit are the
 * route's.)
 */
import type { Db } from '../../platform/db/create-db.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { platformSecret } from '../../platform/secrets/index.ts';
import { challengeNonce, createChallenge, verifyChallenge, type ChallengeResult } from './challenge.ts';
import { t } from './messages.ts';

/**
 * Challenge tokens already used for a request, with the form's key: the same post may come
 * again (a retry returns the same code), a new form may not reuse a solved token. Kept in
 * memory for the token's life; a second process does not see it, which only weakens the
 * check to what the token alone gives.
 */
class UsedChallenges {
  readonly #used = new Map<string, { key: string; until: number }>();

  conflicts(nonce: string, key: string, now = Date.now()): boolean {
    const hit = this.#used.get(nonce);
    return hit !== undefined && hit.until > now && hit.key !== key;
  }

  remember(nonce: string, key: string, now = Date.now()): void {
    if (this.#used.size > 50_000) for (const [n, v] of this.#used) if (v.until <= now) this.#used.delete(n);
    this.#used.set(nonce, { key, until: now + 2 * 60 * 60 * 1000 });
  }
}

export interface Verdict {
  result: ChallengeResult;
  /** The token's nonce when it is one of ours: what identifies the solved question. */
  nonce: string | undefined;
}

export class SpamCheck {
  readonly #db: Db;
  readonly #used = new UsedChallenges();
  #secret: Promise<string> | undefined;

  constructor(db: Db) {
    this.#db = db;
  }

  #key(): Promise<string> {
    this.#secret ??= platformSecret(this.#db, 'inquiry-challenge').catch((err: unknown) => {
      this.#secret = undefined;
      throw err;
    });
    return this.#secret;
  }

  /** A new question in the visitor's language, and the token to send back with the answer. */
  async question(lang: Lang): Promise<{ question: string; token: string }> {
    return createChallenge(await this.#key(), lang);
  }

  /** The answer checked against its token; a token solved for another form counts as expired. */
  async verify(token: string, answer: string, formKey: string): Promise<Verdict> {
    const secret = await this.#key();
    let result = verifyChallenge(secret, token, answer);
    const nonce = challengeNonce(secret, token);
    if (result === 'ok' && nonce && this.#used.conflicts(nonce, formKey)) result = 'expired';
    return { result, nonce };
  }

  /** The question was used for this form's request. */
  remember(nonce: string | undefined, formKey: string): void {
    if (nonce) this.#used.remember(nonce, formKey);
  }

  /** What to tell a visitor whose answer was not accepted. */
  static message(lang: Lang, result: Exclude<ChallengeResult, 'ok'>, empty: boolean): string {
    if (empty) return t(lang, 'inquiries.pleaseAnswerCheckQuestionDigits');
    if (result === 'expired') return t(lang, 'inquiries.checkQuestionHasExpiredWas');
    return t(lang, 'inquiries.answerCheckQuestionNotRight');
  }
}
