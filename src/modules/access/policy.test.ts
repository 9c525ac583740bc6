/**
 * The permission matrix, stated independently of policy.ts: every role × action, on the
 * role's own site and on another site. A role granted on one site gives nothing on another.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, can, sitesWhere, authorize, type Action, type Actor, type Role } from './index.ts';

const OWN = 1;
const OTHER = 2;

/** What each role may do on its own site — the rules of issue #3, written out by hand. */
const EXPECTED: Record<Exclude<Role, 'platform_admin'>, readonly Action[]> = {
  site_operator: ['admin.enter', 'accounts.list', 'accounts.manage', 'grants.manage', 'site.identity', 'site.settings', 'menus.manage', 'maintenance.schedule'],
  board_head: ['admin.enter', 'content.write', 'content.edit', 'content.approve', 'content.emergency', 'inquiries.intake'],
  board_deputy: ['admin.enter', 'content.write', 'content.edit', 'content.approve', 'inquiries.intake'],
  board_member: ['admin.enter', 'content.write', 'content.edit', 'inquiries.intake'],
  contributor: ['admin.enter', 'content.write'],
  agency_responder: ['admin.enter', 'inquiries.answer'],
  hotline_operator: ['admin.enter', 'hotline.log'],
  auditor: ['admin.enter', 'audit.view'],
};

function person(role: Role, siteId: number | null): Actor {
  return { kind: 'person', accountId: 7, email: 'x@cong.example', grants: [{ role, siteId, unit: null }], ip: '127.0.0.1', sessionId: null };
}

describe('permission matrix', () => {
  for (const role of ROLES.filter((r): r is Exclude<Role, 'platform_admin'> => r !== 'platform_admin')) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action} on its own site, and never on another`, () => {
        const actor = person(role, OWN);
        expect(can(actor, action, OWN)).toBe(allowed);
        expect(can(actor, action, OTHER)).toBe(false);
        expect(can(actor, action, null)).toBe(false);
        if (allowed) expect(() => authorize(actor, action, OWN)).not.toThrow();
        expect(() => authorize(actor, action, OTHER)).toThrow(expect.objectContaining({ status: 403, code: 'access.denied' }));
      });
    }
  }

  it('lets a platform administrator do everything everywhere, platform-wide actions included', () => {
    const admin = person('platform_admin', null);
    for (const action of ACTIONS) {
      expect(can(admin, action, OWN)).toBe(true);
      expect(can(admin, action, OTHER)).toBe(true);
      expect(can(admin, action, null)).toBe(true);
    }
    expect(sitesWhere(admin, 'accounts.manage')).toBe('all');
  });

  it('gives no site role a platform-wide action (managing sites)', () => {
    for (const role of ROLES.filter((r) => r !== 'platform_admin')) expect(can(person(role, OWN), 'sites.manage', OWN)).toBe(false);
  });

  it('combines grants per site for a person with different roles on different sites', () => {
    const actor: Actor = {
      kind: 'person',
      accountId: 9,
      email: 'y@cong.example',
      ip: '',
      sessionId: null,
      grants: [
        { role: 'board_head', siteId: OWN, unit: null },
        { role: 'contributor', siteId: OTHER, unit: null },
      ],
    };
    expect(can(actor, 'content.approve', OWN)).toBe(true);
    expect(can(actor, 'content.approve', OTHER)).toBe(false);
    expect(can(actor, 'content.write', OTHER)).toBe(true);
    expect(sitesWhere(actor, 'content.write')).toEqual([OWN, OTHER]);
    expect(sitesWhere(actor, 'content.approve')).toEqual([OWN]);
  });

  it('treats the system (CLI, jobs) as allowed everywhere', () => {
    expect(can({ kind: 'system', label: 'cli' }, 'accounts.manage', null)).toBe(true);
  });
});
