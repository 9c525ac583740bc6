/** Signed-in form clients for HTTP tests: password, then the TOTP step when the role needs it; one client per person, kept for the file. */
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/accounts/index.ts';
import { currentTotp } from '../src/modules/accounts/totp.ts';
import type { TestApp } from './app.ts';
import { FormClient } from './browser-like.ts';

/** The account's current TOTP code (its replay guard cleared, so a test may sign in again within the same step). */
export async function totpOf(t: TestApp, email: string): Promise<string> {
  await t.db.db.updateTable('accounts').set({ totp_last_step: null }).where('email', '=', email).execute();
  const a = await t.db.db.selectFrom('accounts').select('totp_secret').where('email', '=', email).executeTakeFirstOrThrow();
  return currentTotp(a.totp_secret!);
}

/** `as(email)`: that person's signed-in client; each client has its own address `10.<net>.<n>.1` (separate sign-in throttles). */
export function signedInClients(t: () => TestApp, net: number): (email: string) => Promise<FormClient> {
  const clients = new Map<string, FormClient>();
  return async (email) => {
    const known = clients.get(email);
    if (known) return known;
    const c = new FormClient(t().app, 'localhost', `10.${net}.${clients.size}.1`);
    await c.get('/quan-tri/dang-nhap');
    const res = await c.post('/quan-tri/dang-nhap', { email, password: DEMO_PASSWORD });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    if (String(res.headers.location).startsWith('/quan-tri/xac-thuc')) {
      await c.get('/quan-tri/xac-thuc');
      expect((await c.post('/quan-tri/xac-thuc', { code: await totpOf(t(), email) })).statusCode).toBe(303);
    }
    clients.set(email, c);
    return c;
  };
}
