/** Platform HTTP: health, the API and its OpenAPI document, errors, request ids, shutdown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, type TestApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    extraRoutes: (app: FastifyInstance) => {
      app.get('/test/boom', async () => {
        throw new Error('secret internals at /srv/cong/src/x.ts:12');
      });
      app.get('/api/v1/test-boom', async () => {
        throw new Error('secret internals');
      });
    },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('health', () => {
  it('reports alive and ready with the database engine', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: t.db.engine });
  });
});

describe('sites API', () => {
  it('lists the sites with names in the asked language', async () => {
    const res = await t.app.inject({ url: '/api/v1/sites?lang=en', headers: { host: 'localhost:3000' } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; kind: string; parentCode: string | null; url: string }[];
    expect(items.map((s) => s.code)).toEqual(expect.arrayContaining(['hanoi', 'sonoivu', 'phuongbadinh']));
    const ward = items.find((s) => s.code === 'phuongbadinh')!;
    expect(ward).toMatchObject({ kind: 'ward', parentCode: 'hanoi', name: 'Ba Dinh Ward', url: 'http://phuongbadinh.localhost:3000/english/' });
    expect(items.find((s) => s.code === 'hanoi')!.url).toBe('http://localhost:3000/english/');
  });

  it('gives one site, 404 with a stable code for an unknown one, 400 for a malformed code', async () => {
    expect((await t.app.inject('/api/v1/sites/sonoivu')).json().nameVi).toBe('Sở Nội vụ Thành phố Hà Nội');
    const missing = await t.app.inject('/api/v1/sites/khongco');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'site.not_found' });
    const bad = await t.app.inject('/api/v1/sites/BAD!!');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid');
    const badLang = await t.app.inject('/api/v1/sites?lang=fr');
    expect(badLang.statusCode).toBe(400);
  });

  it('is described in one OpenAPI 3.1 document with a readable page', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/sites', '/api/v1/sites/{code}', '/healthz', '/readyz']));
    expect(Object.keys(doc.paths).some((p: string) => p.startsWith('/trang') || p === '/')).toBe(false);
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('errors', () => {
  it('never shows stack traces or internals: HTML gets the shell and the request id', async () => {
    const res = await t.app.inject({ url: '/test/boom', headers: { host: 'localhost', 'x-request-id': 'req-abcdef12' } });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internals');
    expect(res.body).not.toContain('.ts:');
    expect(res.body).toContain('Hệ thống gặp sự cố');
    expect(res.body).toContain('req-abcdef12');
    expect(res.headers['x-request-id']).toBe('req-abcdef12');
  });

  it('gives the API a generic JSON 500', async () => {
    const res = await t.app.inject('/api/v1/test-boom');
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toMatchObject({ code: 'internal', message: 'Internal error' });
    expect(res.body).not.toContain('secret');
  });

  it('generates a request id when the header is missing or unsafe', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers JSON 404 under /api', async () => {
    const res = await t.app.inject('/api/v1/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('http.not_found');
  });
});

describe('static assets', () => {
  it('serves the stylesheet and the Vietnamese font subset', async () => {
    const css = await t.app.inject('/static/site.css');
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('Be Vietnam Pro');
    const font = await t.app.inject('/static/fonts/be-vietnam-pro-vietnamese-400-normal.woff2');
    expect(font.statusCode).toBe(200);
    expect(font.headers['cache-control']).toContain('immutable');
    expect((await t.app.inject('/static/fonts/../../package.json')).statusCode).toBe(404);
  });
});
