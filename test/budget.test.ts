/**
 * Page-weight budget: the home page, with its stylesheet and fonts, under 150 KB
 * transferred (compressed) before images. A size check, not a timing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('keeps the home page under 150 KB transferred, before images', async () => {
  const headers = { host: 'localhost', 'accept-encoding': 'br, gzip' };
  const home = await t.app.inject({ url: '/', headers });
  const css = await t.app.inject({ url: '/static/site.css', headers });
  expect(home.headers['content-encoding']).toMatch(/br|gzip/);
  // The compressed body cannot be read for the font URLs; fetch it once uncompressed.
  const cssRaw = await t.app.inject({ url: '/static/site.css' });
  const urls = [...cssRaw.body.matchAll(/url\((\/static\/fonts\/[^)]+\.woff2)\)/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(0);
  let total = home.rawPayload.length + css.rawPayload.length;
  for (const url of urls) total += (await t.app.inject({ url, headers })).rawPayload.length;
  expect(total).toBeLessThan(150 * 1024);
});
