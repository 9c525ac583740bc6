/** Graceful shutdown: a request in flight when the server is asked to stop still gets its answer. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { buildTestApp, type TestApp } from './app.ts';

let t: TestApp;
let release: (() => void) | undefined;
beforeAll(async () => {
  t = await buildTestApp({
    seed: false,
    extraRoutes: (app) => {
      app.get('/test/slow', async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return { done: true };
      });
    },
  });
});
afterAll(async () => {
  release?.();
  await t?.db.destroy();
});

it('finishes in-flight requests before closing, and takes no new ones', async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const pending = fetch(`http://127.0.0.1:${port}/test/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
  while (!release) await new Promise((r) => setTimeout(r, 10));

  const closing = t.app.close();
  await new Promise((r) => setTimeout(r, 50));
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

  release();
  await closing;
  expect(await pending).toEqual({ status: 200, body: { done: true } });
});
