/**
 * The demo shows the product working: items of every type, in every workflow state, and the
 * regulations in full; citizens' requests in every stage, some late, some from the hotline, some
 * published without personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { CONTENT_TYPES } from '../src/modules/content/index.ts';
import type { Actor } from '../src/modules/access/index.ts';
import { KINDS, STATUSES } from '../src/modules/inquiries/index.ts';
import { containsKnown } from '../src/modules/inquiries/publication.service.ts';
import { ComplianceService } from '../src/modules/calendar/compliance.service.ts';
import { seedDemoInquiries } from '../src/modules/inquiries/demo.seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('seeds every content type and every workflow state, through the real workflow', async () => {
  const items = await t.db.db.selectFrom('content_items').select(['type', 'stage', 'visibility', 'emergency']).execute();
  expect(new Set(items.map((i) => i.type))).toEqual(new Set(CONTENT_TYPES.map((c) => c.code).filter((c) => c !== 'page')));
  const states = new Set(items.map((i) => i.stage ?? i.visibility));
  for (const s of ['draft', 'submitted', 'in_review', 'returned', 'refused', 'scheduled', 'live', 'withdrawn', 'archived']) expect(states, s).toContain(s);
  expect(items.some((i) => i.emergency)).toBe(true);
  const transitions = await t.db.db.selectFrom('content_transitions').select('action').execute();
  expect(new Set(transitions.map((x) => x.action))).toEqual(
    new Set(['create', 'submit', 'take', 'approve', 'return', 'refuse', 'unpublish', 'archive', 'emergency_publish']),
  );
});

it('publishes the five source regulations in full with their real numbers', async () => {
  const portal = (await t.modules.sites.listSites()).find((s) => s.code === 'hanoi')!;
  const live = await t.modules.content.content.listLive(portal.id, 'vi', { type: 'guidance', limit: 50, offset: 0 });
  expect(live.map((i) => i.title).join('\n')).toMatch(/4263\/QĐ-UBND[\s\S]*|90\/2006\/QĐ-UBND/);
  // The regulations, titled with their numbers, among the demo's other guidance items.
  expect(live.filter((i) => / \([\d/]+\/QĐ-UBND\)$/.test(i.title))).toHaveLength(5);
  const qd4263 = live.find((i) => i.title.includes('4263/QĐ-UBND'))!;
  expect(qd4263.body_html).toContain('<h3>Điều 1.');
  expect(qd4263.body_html.length).toBeGreaterThan(40_000);
});

describe('citizens’ requests', () => {
  const vnDay = (t: Date) => new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

  it('seeds requests in every stage on the portal, the department and the ward, from every kind of channel', async () => {
    const rows = await t.db.db
      .selectFrom('inquiries')
      .innerJoin('sites', 'sites.id', 'inquiries.site_id')
      .select(['sites.code', 'inquiries.status', 'inquiries.channel', 'inquiries.kind', 'inquiries.received_at'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.length).toBeLessThanOrEqual(40);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(STATUSES));
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(['hanoi', 'sonoivu', 'phuongbadinh']));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(KINDS.map((k) => k.code)));
    for (const channel of ['web', 'api', 'hotline', 'letter', 'in_person'])
      expect(
        rows.map((r) => r.channel),
        channel,
      ).toContain(channel);
    expect(rows.filter((r) => r.channel === 'hotline').length).toBeGreaterThanOrEqual(2);
    // Received over the last weeks, none in the future.
    const now = Date.now();
    expect(rows.every((r) => new Date(r.received_at).getTime() <= now)).toBe(true);
    expect(rows.some((r) => now - new Date(r.received_at).getTime() > 30 * 86_400_000)).toBe(true);
  });

  it('gives every agency responder of the demo an agency of that name on their site, and the hotline a default agency', async () => {
    const grants = await t.db.db
      .selectFrom('role_grants')
      .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
      .select(['role_grants.site_id', 'role_grants.unit_id', 'accounts.email'])
      .where('role_grants.role', '=', 'agency_responder')
      .where('accounts.is_demo', '=', true)
      .execute();
    expect(grants.length).toBeGreaterThanOrEqual(7);
    for (const g of grants) {
      const agencies = await t.modules.inquiries.agencies.list(g.site_id!);
      expect(
        agencies.map((a) => a.unit_id),
        g.email,
      ).toContain(g.unit_id);
    }
    for (const site of await t.modules.sites.listSites()) {
      expect(
        (await t.modules.inquiries.agencies.list(site.id)).filter((a) => a.hotline_default),
        site.code,
      ).toHaveLength(1);
    }
    // The construction department's responder sees their own requests, an overdue one among them.
    const portal = (await t.modules.sites.listSites()).find((s) => s.code === 'hanoi')!;
    const email = 'traloi.xaydung.hanoi@cong.example';
    const account = await t.db.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const xayDung = (await t.modules.inquiries.agencies.list(portal.id)).find((a) => a.name === 'Sở Xây dựng')!;
    const responder: Actor = {
      kind: 'person',
      accountId: account.id,
      email,
      ip: '',
      sessionId: null,
      grants: [{ role: 'agency_responder', siteId: portal.id, unit: 'Sở Xây dựng', unitId: xayDung.unit_id }],
    };
    const overdue = await t.modules.inquiries.handling.list(responder, portal.id, { dueBefore: new Date(), limit: 50, offset: 0 });
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.agency_id === xayDung.id)).toBe(true);
    // The portal's hotline calls were logged by its operator.
    const operator = await t.db.db.selectFrom('accounts').select('id').where('email', '=', 'duongdaynong.hanoi@cong.example').executeTakeFirstOrThrow();
    const calls = await t.db.db.selectFrom('inquiries').select('logged_by').where('site_id', '=', portal.id).where('channel', '=', 'hotline').execute();
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.every((c) => c.logged_by === operator.id)).toBe(true);
  });

  it('has overdue, late and on-time stages, their due moments counted by the calendar from the real receipt', async () => {
    const deadlines = await t.db.db.selectFrom('deadlines').selectAll().where('subject_type', 'like', 'inquiry\\_%').execute();
    const now = new Date();
    const overdue = deadlines.filter((d) => d.met_at === null && new Date(d.due_at) < now);
    const late = deadlines.filter((d) => d.met_at !== null && (d.late_seconds ?? 0) > 0);
    const onTime = deadlines.filter((d) => d.met_at !== null && d.late_seconds === 0);
    expect(overdue.filter((d) => d.subject_type === 'inquiry_answer').length).toBeGreaterThanOrEqual(3);
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(onTime.length).toBeGreaterThan(late.length);
    const cal = await t.modules.calendar.calendar.calendar();
    for (const d of deadlines.filter((x) => x.unit !== 'date')) {
      expect(new Date(d.due_at).toISOString(), `${d.subject_type} #${d.subject_id}`).toBe(
        cal.due(new Date(d.trigger_at), d.amount, d.unit as 'working-days').due.toISOString(),
      );
      if (d.met_at)
        expect(Math.abs(d.late_seconds! - Math.max(0, (new Date(d.met_at).getTime() - new Date(d.due_at).getTime()) / 1000))).toBeLessThanOrEqual(1);
    }
    // The trigger of each stage is the request's receipt, and nothing happened before it.
    const byId = new Map((await t.db.db.selectFrom('inquiries').select(['id', 'received_at']).execute()).map((r) => [r.id, new Date(r.received_at).getTime()]));
    for (const d of deadlines.filter((x) => x.unit !== 'date')) expect(new Date(d.trigger_at).getTime()).toBe(byId.get(d.subject_id));
    const events = await t.db.db.selectFrom('inquiry_events').select(['inquiry_id', 'at']).execute();
    expect(events.every((e) => new Date(e.at).getTime() >= byId.get(e.inquiry_id)! && new Date(e.at).getTime() <= now.getTime())).toBe(true);

    // The compliance dashboard counts them: DL-9 has on-time, late and overdue stages.
    const portal = (await t.modules.sites.listSites()).find((s) => s.code === 'hanoi')!;
    const service = new ComplianceService(t.db.db, t.modules.calendar.calendar);
    const from = vnDay(new Date(now.getTime() - 120 * 86_400_000));
    const report = await service.report(
      { kind: 'system', label: 'test' },
      {
        sites: [{ id: portal.id, code: portal.code, name: portal.name_vi, kind: 'portal' }],
        period: { from, to: vnDay(new Date(now.getTime() + 60 * 86_400_000)) },
        now,
      },
    );
    const dl9 = report.rules.filter((r) => r.code === 'DL-9');
    const sum = (k: 'onTime' | 'late' | 'overdue') => dl9.reduce((n, r) => n + r.figures[k], 0);
    expect(sum('onTime')).toBeGreaterThan(0);
    expect(sum('late')).toBeGreaterThan(0);
    expect(sum('overdue')).toBeGreaterThan(0);
    expect(report.byUnit.map((u) => u.unit)).toEqual(expect.arrayContaining(['Sở Xây dựng', 'Sở Tài nguyên và Môi trường']));
  });

  it('publishes answers only with consent and without the citizen’s personal data, and search finds them', async () => {
    const published = await t.db.db.selectFrom('inquiries').selectAll().where('published_at', 'is not', null).execute();
    expect(published.length).toBeGreaterThanOrEqual(5);
    for (const row of published) {
      expect(row.consent_publish).toBe(true);
      const text = `${row.public_title}\n${row.public_question}\n${row.public_answer_html}`;
      expect(containsKnown(text, row), row.public_slug!).toBe(false);
      expect(text).not.toContain(row.email || '@');
      expect(text).not.toMatch(/\b0\d{2}\s?\d{3}\s?\d{3,4}\b|\b\d{12}\b/); // no phone or citizen ID number left
      expect(row.public_question).toMatch(/\[(họ tên|số điện thoại|địa chỉ|địa chỉ email)\]/); // the redaction shows
      expect(new Date(row.published_at!).getTime()).toBeGreaterThan(new Date(row.answered_at!).getTime());
    }
    // On the portal: the question about permanent residence for a child, by its words without accents.
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent('dang ky thuong tru cho con nha thue')}&type=inquiry`,
      headers: { host: 'localhost:3000' },
    });
    expect(found.statusCode).toBe(200);
    const items = (found.json() as { items: { url: string; title: string }[] }).items;
    const entry = published.find((r) => r.public_slug === 'dang-ky-thuong-tru-cho-con-ve-o-cung-cha-me-tai-nha-thue')!;
    expect(entry).toBeDefined();
    const hit = items.find((i) => i.url.endsWith(`/hoi-dap/${entry.public_slug}`));
    expect(hit).toBeDefined();
    expect(found.body).not.toContain(entry.name);
    expect(found.body).not.toContain(entry.phone.slice(-6));
    // The indexed text holds nothing of the citizen, and the index has the real publication moment.
    const doc = await t.db.db
      .selectFrom('search_documents')
      .innerJoin('search_texts', 'search_texts.document_id', 'search_documents.id')
      .selectAll()
      .where('doc_type', '=', 'inquiry')
      .where('ref_id', '=', String(entry.id))
      .executeTakeFirstOrThrow();
    expect(containsKnown(`${doc.title}\n${doc.summary}\n${doc.body}`, entry)).toBe(false);
    expect(new Date(doc.published_at).getTime()).toBe(new Date(entry.published_at!).getTime());
    // The public page of the entry.
    const page = await t.app.inject({ method: 'GET', url: `/hoi-dap/${entry.public_slug}`, headers: { host: 'localhost:3000' } });
    expect(page.statusCode).toBe(200);
    expect(containsKnown(page.body, entry)).toBe(false);
    expect(page.body).toContain('[họ tên]');
  });

  it('keeps the citizens’ notices in the outbox without sending them to the invented addresses', async () => {
    const mail = await t.db.db.selectFrom('mail_outbox').select(['to_address', 'send_after', 'sent_at']).where('to_address', 'like', '%@example.com').execute();
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.every((m) => m.sent_at === null && new Date(m.send_after).getUTCFullYear() === 9999)).toBe(true);
  });

  it('links the Q&A, the form and the status page from the menus of every demo site', async () => {
    for (const site of await t.modules.sites.listSites()) {
      const vi = JSON.stringify(await t.modules.menus.menus.tree(site.id, 'vi'));
      const en = JSON.stringify(await t.modules.menus.menus.tree(site.id, 'en'));
      for (const href of ['/hoi-dap', '/gui-cau-hoi', '/tra-cuu-cau-hoi']) expect(vi, `${site.code} ${href}`).toContain(`"${href}"`);
      for (const href of ['/questions', '/ask', '/track']) expect(en, `${site.code} ${href}`).toContain(`"${href}"`);
    }
  });

  it('seeds nothing twice', async () => {
    const before = await t.db.db
      .selectFrom('inquiries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const sites = new Map((await t.modules.sites.listSites()).map((s) => [s.code, s.id]));
    expect(await seedDemoInquiries(t.modules, sites, new Map())).toBe(0);
    const after = await t.db.db
      .selectFrom('inquiries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
