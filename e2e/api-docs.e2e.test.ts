/** The API documentation page works in a browser under the platform's strict CSP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, startHarness, type BrowserHarness } from './browser.ts';

describe.runIf(browserAvailable())('API docs in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('renders the OpenAPI operations at /api/docs', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(h.url('/api/docs/'));
    await page.waitForSelector('.opblock-summary-path', { timeout: 15_000 });
    const paths = await page.locator('.opblock-summary-path').allTextContents();
    expect(paths.join(' ')).toContain('/api/v1/sites');
    expect(blocked).toEqual([]);
    await context.close();
  });
});
