/**
 * Requests an officer logs on a citizen's behalf (QA-6): a hotline operator's call, or a board
 * member's record of an e-mail, a letter or a visit. They enter the same pipeline as the web
 * form; a hotline call goes straight to the agency the operator picks, by default the one the
 * site designates (the Department of Home Affairs in the Hà Nội regulation).
 */
import { Invalid } from '../../platform/http/errors.ts';
import type { Db } from '../../platform/db/create-db.ts';
import { actorId, authorize, can, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import { OFFICER_CHANNELS } from './inquiry-types.ts';
import * as repo from './inquiries.repo.ts';
import type { SubmissionInput, SubmissionService, Submitted } from './submission.service.ts';

export type OfficerInput = Omit<SubmissionInput, 'consentPrivacy' | 'idempotencyKey'> & { idempotencyKey?: string; forwardAgencyId?: number | null };

export async function logOnBehalf(db: Db, submission: SubmissionService, actor: Actor, input: OfficerInput): Promise<Submitted> {
  if (!(OFFICER_CHANNELS as readonly string[]).includes(input.channel)) {
    throw new Invalid('inquiry.channel', 'Chọn kênh tiếp nhận.', { details: [{ field: 'channel', message: 'Chọn kênh tiếp nhận.' }] });
  }
  // The hotline's operators log calls; the board may log any channel.
  if (input.channel === 'hotline' && !can(actor, 'inquiries.intake', input.siteId)) authorize(actor, 'hotline.log', input.siteId);
  else if (input.channel !== 'hotline') authorize(actor, 'inquiries.intake', input.siteId);

  let forwardTo: { agencyId: number; agencyName: string } | undefined;
  if (input.channel === 'hotline') {
    const agencies = await repo.agencies(db, input.siteId);
    const chosen = input.forwardAgencyId ? agencies.find((a) => a.id === input.forwardAgencyId) : agencies.find((a) => a.hotline_default);
    if (input.forwardAgencyId && !chosen)
      throw new Invalid('inquiry.invalid', 'Chọn cơ quan trong danh sách.', {
        details: [{ field: 'forwardAgencyId', message: 'Chọn cơ quan trong danh sách.' }],
      });
    if (chosen) forwardTo = { agencyId: chosen.id, agencyName: chosen.name };
  }
  return submission.submit(
    { ...input, consentPrivacy: true },
    {
      loggedBy: actorId(actor),
      ...(forwardTo ? { forwardTo } : {}),
      inTx: async (tx, row) => {
        await audited(
          tx,
          actor,
          'inquiry.logged',
          { type: 'inquiry', id: row.id, siteId: row.site_id },
          { code: row.code, channel: row.channel, ...(forwardTo ? { agency: forwardTo.agencyName } : {}) },
        );
      },
    },
  );
}
