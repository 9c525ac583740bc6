/** The test factories make what they say: reachable sites, people who can sign in, items in each workflow state. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { factories, type Factories, type ItemState, type TestSite } from './factories.ts';
import { signIn } from './sign-in.ts';

let t: TestApp;
let f: Factories;
let portal: TestSite;
let ward: TestSite;

beforeAll(async () => {
  t = await buildTestApp({ seed: false, env: { PAGE_CACHE: 'false' } });
  f = factories(t);
  portal = await f.site();
  ward = await f.site({ kind: 'ward' });
});
afterAll(async () => {
  await t?.close();
});

describe('sites', () => {
  it('are reachable at their own host, the first portal at the bare domain too', async () => {
    expect(ward).toMatchObject({ kind: 'ward', host: `${ward.code}.localhost` });
    const sites = await t.modules.sites.listSites();
    expect(sites.find((s) => s.id === ward.id)?.parent_id).toBe(portal.id);
    for (const [host, site] of [
      [ward.host, ward],
      [portal.host, portal],
      ['localhost', portal],
    ] as const) {
      const home = await t.app.inject({ url: '/', headers: { host } });
      expect(home.statusCode, host).toBe(200);
      expect(home.body, host).toContain(site.nameVi);
    }
    expect(await f.siteByCode(ward.code)).toEqual(ward);
  });
});

describe('people', () => {
  it('sign in with their password, and their second factor when a role requires one', async () => {
    const head = await f.person('board_head', ward);
    const contributor = await f.person('contributor', ward, { name: 'Cộng tác viên Kiểm thử' });
    const admin = await f.person('platform_admin', null);
    const accounts = await t.db.db.selectFrom('accounts').select(['id', 'totp_enabled_at']).execute();
    const enrolled = (id: number) => accounts.find((a) => a.id === id)?.totp_enabled_at !== null;
    expect([enrolled(head.id), enrolled(contributor.id), enrolled(admin.id)]).toEqual([true, false, true]);
    for (const [who, ip] of [
      [head, '10.90.0.1'],
      [contributor, '10.90.0.2'],
      [admin, '10.90.0.3'],
    ] as const) {
      const c = await signIn(t, who, ip);
      expect((await c.get('/quan-tri')).statusCode, who.email).toBe(200);
    }
    expect((await (await signIn(t, contributor, '10.90.0.4')).get('/quan-tri')).body).toContain('Cộng tác viên Kiểm thử');
  });

  it('carry the grants asked for, a responder with its unit', async () => {
    const responder = await f.person('agency_responder', portal, { grantUnit: 'Sở Nội vụ', also: [{ role: 'auditor', site: ward }] });
    const grants = await t.db.db
      .selectFrom('role_grants')
      .leftJoin('directory_units', 'directory_units.id', 'role_grants.unit_id')
      .select(['role_grants.site_id', 'role_grants.role', 'directory_units.name_vi as unit', 'directory_units.site_id as unit_site_id'])
      .where('account_id', '=', responder.id)
      .orderBy('role_grants.id')
      .execute();
    expect(grants).toEqual([
      { site_id: portal.id, role: 'agency_responder', unit: 'Sở Nội vụ', unit_site_id: portal.id },
      { site_id: ward.id, role: 'auditor', unit: null, unit_site_id: null },
    ]);
    expect(responder.actor).toMatchObject({ kind: 'person', accountId: responder.id, grants: responder.grants });
  });
});

describe('items', () => {
  it('reach each workflow state through the workflow', async () => {
    const expected: Record<ItemState, { stage: string | null; visibility: string }> = {
      draft: { stage: 'draft', visibility: 'never' },
      submitted: { stage: 'submitted', visibility: 'never' },
      in_review: { stage: 'in_review', visibility: 'never' },
      returned: { stage: 'returned', visibility: 'never' },
      refused: { stage: 'refused', visibility: 'never' },
      scheduled: { stage: 'scheduled', visibility: 'never' },
      live: { stage: null, visibility: 'live' },
      withdrawn: { stage: null, visibility: 'withdrawn' },
      archived: { stage: null, visibility: 'archived' },
    };
    for (const [state, want] of Object.entries(expected)) {
      const item = await f.item(portal, state as ItemState);
      expect({ stage: item.stage, visibility: item.visibility }, state).toEqual(want);
    }
    const live = await f.item(ward, 'live', { title: 'Tin của phường kiểm thử' });
    const page = await t.app.inject({ url: `/tin/${live.slug}`, headers: { host: ward.host } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tin của phường kiểm thử');
    const actions = (await t.modules.content.content.transitionsOf(live.id)).map((x) => x.action);
    expect(actions).toEqual(['create', 'submit', 'take', 'approve']);
  });
});
