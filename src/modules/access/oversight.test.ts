/** Oversight in the matrix: an overseen site gives exactly the read-only oversight actions, never a write. */
import { describe, expect, it } from 'vitest';
import { ACTIONS, OVERSIGHT_ACTIONS, authorize, authorizeAny, can, oversightOnly, sitesWhere, type Actor } from './index.ts';

const PORTAL = 1;
const CHILD = 2;
const OTHER = 3;
const overseer: Actor = {
  kind: 'person',
  accountId: 5,
  email: 'head@cong.example',
  ip: '',
  sessionId: null,
  grants: [{ role: 'board_head', siteId: PORTAL, unit: null }],
  oversees: [CHILD],
};

describe('oversight actions', () => {
  for (const action of ACTIONS) {
    const allowed = OVERSIGHT_ACTIONS.includes(action);
    it(`an overseer ${allowed ? 'may' : 'may not'} ${action} on an overseen site, and not on others`, () => {
      expect(can(overseer, action, CHILD)).toBe(allowed);
      expect(can(overseer, action, OTHER)).toBe(false);
      if (!allowed) expect(() => authorize(overseer, action, CHILD)).toThrow(expect.objectContaining({ status: 403 }));
    });
  }

  it('gives nothing without a grant, and no oversight of one’s own site through a role', () => {
    const head: Actor = { ...overseer, oversees: [] };
    for (const action of OVERSIGHT_ACTIONS) {
      expect(can(head, action, CHILD)).toBe(false);
      expect(can(head, action, PORTAL)).toBe(false);
    }
  });

  it('lists overseen sites for the oversight actions only; authorizeAny takes either kind of access', () => {
    expect(sitesWhere(overseer, 'oversight.queues')).toEqual([CHILD]);
    expect(sitesWhere(overseer, 'content.approve')).toEqual([PORTAL]);
    expect(() => authorizeAny(overseer, ['content.write', 'oversight.queues'], CHILD)).not.toThrow();
    expect(() => authorizeAny(overseer, ['content.write', 'content.approve'], CHILD)).toThrow(expect.objectContaining({ status: 403 }));
    expect(oversightOnly(overseer, CHILD)).toBe(true);
    expect(oversightOnly(overseer, PORTAL)).toBe(false);
  });
});
