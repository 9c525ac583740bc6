/**
 * A module plugs in through its manifest alone: a toy module with a public page, an admin form, an
 * API route, a job and a search type is added by the test (createModules' `extra`), touching no
 * core file, and each of its parts works. Its form shows the form helper's contract: typed values,
 * problems by field in the page's language, what was typed kept, service refusals shown on the form.
 */
import { Type, type Static } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SiteShell } from '../src/modules/site-shell/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, Invalid } from '../src/platform/http/errors.ts';
import { emptyForm, FormField, formRoute, type FormState } from '../src/platform/http/forms.ts';
import { NoQuery } from '../src/platform/http/schemas.ts';
import { defineMessages } from '../src/platform/i18n/index.ts';
import { defineModule } from '../src/platform/module.ts';
import { csrfInput, errorSummary, inputControl } from '../src/platform/views/form-controls.ts';
import { html } from '../src/platform/views/html.ts';
import { jobsOf } from '../src/modules.ts';
import { csrfToken } from '../src/modules/accounts/index.ts';
import { requireSite } from '../src/modules/sites/index.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { FormClient } from './browser-like.ts';
import { factories, type TestPerson, type TestSite } from './factories.ts';
import { signedInClients } from './sign-in.ts';

const { t } = defineMessages('toy-test', {
  vi: { 'toy.title': 'Đồ chơi', 'toy.saved': 'Đã lưu {name}.' },
  en: { 'toy.title': 'Toy', 'toy.saved': 'Saved {name}.' },
});

const ToyForm = Type.Object({
  name: FormField.text({ required: true, max: 20 }),
  count: FormField.integer({ min: 1, max: 10 }),
  agree: FormField.checkbox(),
  colour: FormField.choice(['do', 'xanh']),
});

const ticks: number[] = [];

function toyModule(deps: { shell: SiteShell }) {
  const saved: Static<typeof ToyForm>[] = [];
  const form = (request: FastifyRequest, reply: FastifyReply, state: FormState<typeof ToyForm>, status = 200) => {
    const lang = request.url.startsWith('/english') ? 'en' : 'vi';
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        html`<!doctype html><title>${t(lang, 'toy.title')}</title>${errorSummary(lang, state.errors)}<form method="post">${csrfInput(csrfToken(request, reply))}${inputControl({ name: 'name', label: 'Tên', value: state.values.name, error: state.errors.name })}${inputControl({ name: 'count', label: 'Số', value: state.values.count, error: state.errors.count })}</form>`
          .value,
      );
  };
  return defineModule({
    name: 'toy',
    needs: ['sites', 'site-shell', 'search'],
    publicRoutes: (routes, lang) => {
      routes.get(lang === 'vi' ? '/do-choi' : '/toy', { schema: { querystring: NoQuery }, config: { cache: true } }, async (request, reply) => {
        const ctx = requireSite(request);
        return deps.shell.sendPage(request, reply, {
          title: t(lang, 'toy.title'),
          breadcrumbs: [],
          main: html`<h1>${t(lang, 'toy.title')} — ${ctx.site.code}</h1>`,
        });
      });
    },
    adminRoutes: (routes, lang) => {
      const path = lang === 'vi' ? '/do-choi' : '/toy';
      routes.get(path, { schema: { querystring: NoQuery } }, async (request, reply) => form(request, reply, emptyForm()));
      routes.post(path, formRoute(ToyForm, { render: form, fieldNames: { title: 'name' } }), async (request, reply) => {
        const body = request.body;
        if (body.name === 'trùng') throw new Conflict('toy.taken', 'Tên đã có.', { details: [{ field: 'title', message: 'Tên «trùng» đã có.' }] });
        if (body.name === 'sai') throw new Invalid('toy.invalid', 'Không được.');
        saved.push(body);
        return reply.type('text/plain').send(t(lang, 'toy.saved', { name: body.name }));
      });
    },
    apiRoutes: (routes) => {
      routes.get('/toys/:id', { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request) => ({
        id: request.params.id,
        saved: saved.length,
      }));
    },
    jobs: [{ name: 'toy.tick', everyMs: 60_000, run: async () => ticks.push(Date.now()) }],
    searchTypes: [{ type: 'toy', label: (lang) => (lang === 'vi' ? 'Đồ chơi' : 'Toys'), fields: { body: 'C' } }],
    provides: { saved },
  });
}

let app: TestApp;
let portal: TestSite;
let ward: TestSite;
let operator: TestPerson;
const as = signedInClients(() => app, 91);

beforeAll(async () => {
  app = await buildTestApp({ seed: false, extraModules: (deps) => [toyModule(deps)] });
  const f = factories(app);
  portal = await f.site();
  ward = await f.site({ kind: 'ward' });
  operator = await f.person('site_operator', portal);
});
afterAll(async () => {
  await app?.close();
});

describe('a module added through its manifest', () => {
  it('serves its public page on every mount, cached like any cacheable page', async () => {
    const c = new FormClient(app.app, 'localhost');
    const vi = await c.get('/do-choi');
    expect(vi.statusCode).toBe(200);
    expect(vi.body).toContain(`Đồ chơi — ${portal.code}`);
    expect((await c.get(`/s/${ward.code}/english/toy`)).body).toContain(`Toy — ${ward.code}`);
    expect((await c.get('/do-choi')).headers['x-cache']).toBe('hit');
  });

  it('puts its admin page behind the sign-in gate', async () => {
    const res = await new FormClient(app.app, 'localhost').get('/quan-tri/do-choi');
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toContain('/quan-tri/dang-nhap');
  });

  it('reads its form typed, and shows problems by field with what was typed, in the page’s language', async () => {
    const c = await as(operator);
    await c.get('/quan-tri/do-choi');
    const bad = await c.post('/quan-tri/do-choi', { name: '   ', count: 'mười hai', colour: 'tim' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Cần nhập thông tin này.');
    expect(bad.body).toContain('Cần nhập một số nguyên.');
    expect(bad.body).toContain('value="mười hai"');
    expect(bad.body).toContain('aria-invalid="true"');

    await c.get('/english/admin/toy');
    const en = await c.post('/english/admin/toy', { name: 'x'.repeat(21), count: '3' });
    expect(en.statusCode).toBe(422);
    expect(en.body).toContain('Longer than 20 characters.');

    const ok = await c.post('/quan-tri/do-choi', { name: 'Cu\u0301c', count: '3', agree: 'on', colour: 'do', extra: 'ignored' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('Đã lưu Cúc.');
  });

  it('shows the service’s refusals on the form: Conflict by field, Invalid for the whole form', async () => {
    const c = await as(operator);
    await c.get('/quan-tri/do-choi');
    const taken = await c.post('/quan-tri/do-choi', { name: 'trùng' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('href="#f-name">Tên «trùng» đã có.');
    const invalid = await c.post('/quan-tri/do-choi', { name: 'sai' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('Không được.');
  });

  it('refuses a form without its CSRF token before reading it', async () => {
    const c = await as(operator);
    const res = await c.post('/quan-tri/do-choi', { _csrf: '', name: '' });
    expect(res.statusCode).toBe(403);
  });

  it('adds its typed API route, its job and its search type', async () => {
    const res = await app.app.inject({ url: '/api/v1/toys/7' });
    expect(res.json()).toEqual({ id: 7, saved: 1 });
    expect((await app.app.inject({ url: '/api/v1/toys/abc' })).statusCode).toBe(400);
    expect(jobsOf(app.modules).map((j) => j.name)).toContain('toy.tick');
    expect(app.modules.search.search.types().map((x) => x.type)).toContain('toy');
  });
});
