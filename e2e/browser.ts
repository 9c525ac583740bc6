/**
 * Browser-test harness: Debian's Chromium driven by playwright-core, a real server on a
 * free port over the file's own test database, and axe-core for accessibility.
 * Screenshots go to e2e/screenshots/ (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { currentTotp } from '../src/modules/accounts/totp.ts';
import { DEMO_PASSWORD } from '../src/modules/accounts/demo-accounts.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots');
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** True when Chromium is installed. In CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  const present = fs.existsSync(CHROMIUM_PATH);
  if (!present && process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: .ci/run installs it with apt-get.`);
  return present;
}

export interface BrowserHarness {
  browser: Browser;
  /** A page in a new context. axe is injected as a script, which the site's strict CSP would block: the test context bypasses CSP. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  server: TestApp;
  port: number;
  /** http://<host>:<port><path>; host defaults to localhost. */
  url(pathname: string, host?: string): string;
  close(): Promise<void>;
}

/** `options` go to buildTestApp (say a DATA_DIR of the test's own, for media files). */
export async function startHarness(options: Parameters<typeof buildTestApp>[0] = {}): Promise<BrowserHarness> {
  const server = await buildTestApp(options);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ bypassCSP: true, ...options });
      return context.newPage();
    },
    server,
    port,
    url: (pathname, host = 'localhost') => `http://${host}:${port}${pathname}`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical WCAG 2.1 A/AA violations axe finds on the page. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const TOTP_STEP_MS = 30_000;
/** TOTP steps already used per secret in this test file: a code is accepted once per step. */
const usedSteps = new Map<string, number>();

/** A current TOTP code for a demo account, waiting for the next 30-s step when this one was used. */
export async function freshTotp(h: BrowserHarness, email: string): Promise<string> {
  await h.server.db.db.updateTable('accounts').set({ totp_last_step: null }).where('email', '=', email).execute();
  const row = await h.server.db.db.selectFrom('accounts').select('totp_secret').where('email', '=', email).executeTakeFirstOrThrow();
  const secret = row.totp_secret!;
  let step = Math.floor(Date.now() / TOTP_STEP_MS);
  const last = usedSteps.get(secret);
  if (last !== undefined && step <= last) {
    await new Promise((resolve) => setTimeout(resolve, (last + 1) * TOTP_STEP_MS - Date.now() + 250));
    step = Math.floor(Date.now() / TOTP_STEP_MS);
  }
  usedSteps.set(secret, step);
  return currentTotp(secret);
}

/** A page signed in to the admin area as a demo account (password, then TOTP when asked), on the dashboard. */
export async function signInAdmin(h: BrowserHarness, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await h.newPage(options);
  await page.goto(h.url('/quan-tri/dang-nhap'));
  await page.fill('#f-email', email);
  await page.fill('#f-password', DEMO_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  if (new URL(page.url()).pathname === '/quan-tri/xac-thuc') {
    await page.fill('#f-code', await freshTotp(h, email));
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  }
  if (new URL(page.url()).pathname !== '/quan-tri') throw new Error(`sign-in of ${email} ended on ${page.url()}`);
  return page;
}
