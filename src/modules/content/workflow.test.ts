/** Every workflow action for every board role, from every state, on one- and two-step sites. */
import { describe, expect, it } from 'vitest';
import type { ContentStage, ContentVisibility } from '../../platform/db/schema.ts';
import { decide, mayEdit, type Capabilities, type ItemState, type SiteWorkflow, type WorkflowAction } from './workflow.ts';

const NOW = new Date('2026-11-23T03:00:00Z');
const PROVIDER = 1;
const ME = 2;

const ROLE_CAPS: Record<string, Omit<Capabilities, 'actorId' | 'system'>> = {
  contributor: { write: true, edit: false, approve: false, emergency: false },
  board_member: { write: true, edit: true, approve: false, emergency: false },
  board_deputy: { write: true, edit: true, approve: true, emergency: false },
  board_head: { write: true, edit: true, approve: true, emergency: true },
  auditor: { write: false, edit: false, approve: false, emergency: false },
};

function item(stage: ContentStage | null, visibility: ContentVisibility = 'never', extra: Partial<ItemState> = {}): ItemState {
  return {
    stage,
    visibility,
    providerId: PROVIDER,
    publishAt: null,
    hasLive: visibility !== 'never',
    emergency: false,
    emergencyReviewedBy: null,
    emergencyBy: null,
    ...extra,
  };
}

function who(role: string, actorId = ME): Capabilities {
  return { actorId, system: false, ...ROLE_CAPS[role]! };
}

const ONE: SiteWorkflow = { approvalSteps: 1, forbidSelfApproval: true };
const TWO: SiteWorkflow = { approvalSteps: 2, forbidSelfApproval: true };
const withReason = { reasonCode: 'untrue', comment: 'Thông tin chưa được xác minh.' };

describe('who may do what, from which state', () => {
  // [action, from stage, site, role → allowed?, resulting stage]
  const cases: [WorkflowAction, ContentStage | null, SiteWorkflow, Record<string, boolean>, ContentStage | null][] = [
    ['submit', 'draft', TWO, { contributor: false, board_member: true, board_deputy: true, board_head: true, auditor: false }, 'submitted'],
    ['take', 'submitted', TWO, { contributor: false, board_member: true, board_deputy: true, board_head: true, auditor: false }, 'in_review'],
    ['take', 'submitted', ONE, { contributor: false, board_member: false, board_deputy: false, board_head: false, auditor: false }, 'in_review'],
    ['return', 'submitted', TWO, { contributor: false, board_member: true, board_deputy: true, board_head: true, auditor: false }, 'returned'],
    ['return', 'in_review', TWO, { contributor: false, board_member: true, board_deputy: true, board_head: true, auditor: false }, 'returned'],
    ['refuse', 'in_review', TWO, { contributor: false, board_member: true, board_deputy: true, board_head: true, auditor: false }, 'refused'],
    ['approve', 'in_review', TWO, { contributor: false, board_member: false, board_deputy: true, board_head: true, auditor: false }, null],
    ['approve', 'submitted', TWO, { contributor: false, board_member: false, board_deputy: false, board_head: false, auditor: false }, null],
    ['approve', 'submitted', ONE, { contributor: false, board_member: false, board_deputy: true, board_head: true, auditor: false }, null],
    ['approve', 'draft', ONE, { contributor: false, board_member: false, board_deputy: false, board_head: false, auditor: false }, null],
    ['emergency_publish', 'draft', TWO, { contributor: false, board_member: false, board_deputy: false, board_head: true, auditor: false }, null],
  ];
  for (const [action, from, site, allowed, to] of cases) {
    for (const [role, ok] of Object.entries(allowed)) {
      it(`${role} ${ok ? 'may' : 'may not'} ${action} from ${from} (${site.approvalSteps}-step site)`, () => {
        const d = decide(action, item(from), site, who(role), withReason, NOW);
        expect(d.ok, d.ok ? '' : d.message).toBe(ok);
        if (d.ok) expect(d.toStage).toBe(to);
        else expect(d.message).toMatch(/\S/);
      });
    }
  }

  it('lets a contributor submit their own draft, not someone else’s', () => {
    expect(decide('submit', item('draft'), TWO, who('contributor', PROVIDER), {}, NOW).ok).toBe(true);
    expect(decide('submit', item('returned'), TWO, who('contributor', PROVIDER), {}, NOW).ok).toBe(true);
    expect(decide('submit', item('draft'), TWO, who('contributor', ME), {}, NOW).ok).toBe(false);
  });

  it('requires a comment to return and a regulation reason to refuse', () => {
    expect(decide('return', item('submitted'), TWO, who('board_member'), {}, NOW)).toMatchObject({ ok: false, code: 'workflow.comment_required' });
    expect(decide('refuse', item('submitted'), TWO, who('board_member'), { comment: 'x' }, NOW)).toMatchObject({ ok: false, code: 'workflow.reason_required' });
  });

  it('forbids approving one’s own item when the site says so', () => {
    const own = item('in_review', 'never', { providerId: ME });
    expect(decide('approve', own, TWO, who('board_head'), {}, NOW)).toMatchObject({ ok: false, code: 'workflow.self_approval' });
    expect(decide('approve', own, { approvalSteps: 2, forbidSelfApproval: false }, who('board_head'), {}, NOW).ok).toBe(true);
  });

  it('publishes on approval, or schedules when the publish time is ahead', () => {
    expect(decide('approve', item('in_review'), TWO, who('board_head'), {}, NOW)).toMatchObject({
      ok: true,
      patch: { visibility: 'live', publishWorking: true, stage: null },
    });
    const later = item('in_review', 'never', { publishAt: new Date(NOW.getTime() + 3600_000) });
    expect(decide('approve', later, TWO, who('board_head'), {}, NOW)).toMatchObject({ ok: true, toStage: 'scheduled' });
    expect(decide('publish_due', { ...later, stage: 'scheduled' }, TWO, { ...who('board_head'), system: true }, {}, NOW).ok).toBe(false);
    expect(
      decide('publish_due', { ...later, stage: 'scheduled' }, TWO, { ...who('board_head'), system: true }, {}, new Date(NOW.getTime() + 3600_001)).ok,
    ).toBe(true);
    expect(decide('publish_due', { ...later, stage: 'scheduled' }, TWO, who('board_head'), {}, new Date(NOW.getTime() + 3600_001)).ok).toBe(false);
  });

  it('unpublishes, republishes and archives only with the approve grant', () => {
    const live = item(null, 'live');
    expect(decide('unpublish', live, TWO, who('board_member'), {}, NOW).ok).toBe(false);
    expect(decide('unpublish', live, TWO, who('board_deputy'), {}, NOW)).toMatchObject({ ok: true, patch: { visibility: 'withdrawn' } });
    expect(decide('republish', item(null, 'withdrawn'), TWO, who('board_deputy'), {}, NOW)).toMatchObject({ ok: true, patch: { visibility: 'live' } });
    expect(decide('archive', live, TWO, who('board_head'), {}, NOW)).toMatchObject({ ok: true, patch: { visibility: 'archived' } });
    expect(decide('archive', item(null, 'archived'), TWO, who('board_head'), {}, NOW).ok).toBe(false);
  });

  it('needs a reason for an emergency publication, and a different board member to review it', () => {
    expect(decide('emergency_publish', item('draft'), TWO, who('board_head'), {}, NOW)).toMatchObject({ ok: false, code: 'workflow.comment_required' });
    const flagged = item(null, 'live', { emergency: true, emergencyBy: ME });
    expect(decide('emergency_review', flagged, TWO, who('board_member'), {}, NOW)).toMatchObject({ ok: false, code: 'workflow.self_review' });
    expect(decide('emergency_review', flagged, TWO, who('board_member', 5), {}, NOW)).toMatchObject({ ok: true, patch: { emergencyReviewedBy: 5 } });
    expect(decide('emergency_review', { ...flagged, emergencyReviewedBy: 5 }, TWO, who('board_member', 6), {}, NOW).ok).toBe(false);
  });

  it('lets providers edit their drafts and returned items, editors any but refused ones', () => {
    const c = who('contributor', PROVIDER);
    expect(mayEdit(item('draft'), c)).toBe(true);
    expect(mayEdit(item('returned'), c)).toBe(true);
    expect(mayEdit(item('submitted'), c)).toBe(false);
    expect(mayEdit(item('draft'), who('contributor', ME))).toBe(false);
    expect(mayEdit(item('in_review'), who('board_member'))).toBe(true);
    expect(mayEdit(item('refused'), who('board_head'))).toBe(false);
    expect(mayEdit(item('draft'), who('auditor'))).toBe(false);
  });
});
