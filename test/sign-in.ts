/** Signed-in form clients for HTTP tests: password, then the TOTP step when the account has one. */
import { expect } from 'vitest';
import { currentTotp } from '../src/modules/accounts/totp.ts';
import type { TestApp } from './app.ts';
import { FormClient } from './browser-like.ts';

/** Who signs in: a person made by the factories (test/factories.ts), or any e-mail and password. */
export interface Credentials {
  email: string;
  password: string;
}

/** The account's current TOTP code (its replay guard cleared, so a test may sign in again within the same step). */
export async function totpOf(t: TestApp, email: string): Promise<string> {
  await t.db.db.updateTable('accounts').set({ totp_last_step: null }).where('email', '=', email).execute();
  const a = await t.db.db.selectFrom('accounts').select('totp_secret').where('email', '=', email).executeTakeFirstOrThrow();
  return currentTotp(a.totp_secret!);
}

/** A new client signed in fully as `who`, from address `ip`, on `host`. */
export async function signIn(t: TestApp, who: Credentials, ip = '127.0.0.1', host = 'localhost'): Promise<FormClient> {
  const c = new FormClient(t.app, host, ip);
  await c.get('/quan-tri/dang-nhap');
  const res = await c.post('/quan-tri/dang-nhap', { email: who.email, password: who.password });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  if (String(res.headers.location).startsWith('/quan-tri/xac-thuc')) {
    await c.get('/quan-tri/xac-thuc');
    expect((await c.post('/quan-tri/xac-thuc', { code: await totpOf(t, who.email) })).statusCode).toBe(303);
  }
  return c;
}

/** `as(person)`: that person's signed-in client, kept for the file; each has its own address `10.<net>.<n>.1` (separate sign-in throttles). */
export function signedInClients(t: () => TestApp, net: number): (who: Credentials) => Promise<FormClient> {
  const clients = new Map<string, FormClient>();
  return async (who) => {
    const known = clients.get(who.email);
    if (known) return known;
    const c = await signIn(t(), who, `10.${net}.${clients.size}.1`);
    clients.set(who.email, c);
    return c;
  };
}
