/** Public pages are cached for anonymous visitors and invalidated at once when what they show changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, type TestApp } from './app.ts';
import { buildApp } from '../src/app.ts';
import { createModules } from '../src/modules.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/create-db.ts';
import { onPostgres } from './db.ts';
import type { Actor } from '../src/modules/access/index.ts';

let t: TestApp;
let portal: number;
const system: Actor = { kind: 'system', label: 'test' };

beforeAll(async () => {
  t = await buildTestApp();
  portal = (await t.modules.sites.listSites()).find((s) => s.code === 'hanoi')!.id;
});
afterAll(async () => {
  await t?.close();
});

const home = (app: FastifyInstance = t.app, headers: Record<string, string> = {}) => app.inject({ url: '/', headers: { host: 'localhost', ...headers } });

/** NOTIFY arrives after the commit, asynchronously: wait until the page reflects it. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met within 2 s');
}

async function publishNews(title: string): Promise<number> {
  const content = t.modules.content.content;
  const item = await content.create(system, portal, {
    type: 'news',
    lang: 'vi',
    title,
    source: 'Nguồn thử',
    authorName: 'Tác giả thử',
    fields: { event_date: '2026-11-23' },
    featured: true,
  });
  await content.transition(system, item.id, 'submit');
  await content.transition(system, item.id, 'take');
  await content.transition(system, item.id, 'approve');
  return item.id;
}

describe('page cache', () => {
  it('serves the second anonymous request from memory, with an ETag and 304 on revalidation', async () => {
    const first = await home();
    const second = await home();
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['cache-control']).toContain('public');
    const etag = String(second.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const revalidated = await home(t.app, { 'if-none-match': etag });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('keeps display preferences apart and never caches for a signed-in visitor', async () => {
    const large = await home(t.app, { cookie: 'cong_hien_thi=lon.thuong' });
    expect(large.body).toContain('class="text-lg"');
    expect((await home()).body).not.toContain('class="text-lg"');
    const signedIn = await home(t.app, { cookie: 'cong_sid=whatever' });
    expect(signedIn.headers['x-cache']).toBeUndefined();
    expect(signedIn.headers['cache-control']).toContain('private');
  });

  it('renders afresh at once after a publication and after a withdrawal', async () => {
    await home();
    expect((await home()).headers['x-cache']).toBe('hit');
    const id = await publishNews('Tin mới đăng để thử bộ nhớ đệm');
    // The next request renders afresh (a miss), and the one after is cached again.
    await eventually(async () => (await home()).headers['x-cache'] === 'miss');
    expect((await home()).headers['x-cache']).toBe('hit');
    await t.modules.content.content.transition(system, id, 'unpublish');
    await eventually(async () => (await home()).headers['x-cache'] === 'miss');
  });

  it('drops every site’s pages when a site changes', async () => {
    await home();
    expect((await home()).headers['x-cache']).toBe('hit');
    await t.modules.sites.createSite({ code: 'sotaichinh', kind: 'department', parentCode: 'hanoi', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance' });
    await eventually(async () => (await home()).body.includes('Sở Tài chính'));
  });
});

describe('the front of the server (real HTTP)', () => {
  let server: TestApp;
  let base = '';
  beforeAll(async () => {
    server = await buildTestApp();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a cached page before Fastify, with the same headers, compressed, and 304/HEAD', async () => {
    const first = await fetch(`${base}/`, { headers: { host: 'localhost' } });
    const firstBody = await first.text();
    expect(first.headers.get('x-cache')).toBe('miss');
    const hit = await fetch(`${base}/`, { headers: { host: 'localhost', 'accept-encoding': 'gzip' } });
    expect(hit.headers.get('x-cache')).toBe('hit');
    expect(hit.headers.get('content-encoding')).toBe('gzip');
    expect(await hit.text()).toBe(firstBody);
    for (const h of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy', 'x-request-id', 'etag']) {
      expect(hit.headers.get(h), h).toBeTruthy();
    }
    expect(hit.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    const notModified = await fetch(`${base}/`, { headers: { host: 'localhost', 'if-none-match': hit.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    const head = await fetch(`${base}/`, { method: 'HEAD', headers: { host: 'localhost' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-cache')).toBe('hit');
  });

  it('lets everything else through: signed-in visitors, other methods, unknown sites', async () => {
    await fetch(`${base}/`, { headers: { host: 'localhost' } });
    const signedIn = await fetch(`${base}/`, { headers: { host: 'localhost', cookie: 'cong_sid=x' } });
    expect(signedIn.headers.get('x-cache')).toBeNull();
    const post = await fetch(`${base}/`, { method: 'POST', headers: { host: 'localhost' } });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
    const unknown = await fetch(`${base}/s/khongco/`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-cache')).toBeNull();
  });
});

describe.runIf(onPostgres)('several processes on one PostgreSQL database', () => {
  let second: { app: FastifyInstance; db: DatabaseHandle } | undefined;
  afterAll(async () => {
    await second?.app.close();
    await second?.db.close();
  });

  it('invalidates the other process’s cache when one publishes', async () => {
    const db = await openDatabase({ databaseUrl: t.db.url!, poolSize: 3 });
    const platform = { config: t.config, db: db.db, engine: db.engine, ping: db.ping, listen: db.listen };
    const app = await buildApp({ config: t.config, database: db, modules: createModules(platform) });
    await app.ready();
    second = { app, db };
    await home(app);
    expect((await home(app)).headers['x-cache']).toBe('hit');
    await publishNews('Tin đăng ở tiến trình thứ nhất');
    await eventually(async () => (await home(app)).headers['x-cache'] === 'miss');
  });
});
