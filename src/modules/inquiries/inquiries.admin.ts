/**
 * The administration's consoles of citizens' requests, in both languages:
 *
 *   /quan-tri/hoi-dap                       the list: stages, overdue and due-soon queues, filters (admin-list.ts)
 *   /quan-tri/hoi-dap/<id>                  a request: personal data (each view audited), deadlines,
 *                                           history, actions by role and stage (admin-detail.ts, admin-forms.ts);
 *                                           POST thao_tac=… (admin-actions.ts)
 *   /quan-tri/hoi-dap/<id>/tep/<file>       a file of the request (audited like the page)
 *   /quan-tri/hoi-dap/<id>/tep-tra-loi      POST multipart: files of the answer
 *   /quan-tri/hoi-dap/<id>/ban-cong-khai    POST multipart: redacted public copies
 *   /quan-tri/hoi-dap/<id>/cong-bo          the publication page (the redacted proposal, to check)
 *   /quan-tri/duong-day-nong                the hotline console; the board logs other channels there (admin-hotline.ts)
 *   /quan-tri/hoi-dap-co-quan               the answering agencies and the review setting (admin-agencies.ts)
 *
 * and the same under /english/admin with the English path names. Routes are thin: the rules
 * and the permission checks are in the services.
 */
import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import { registerActionRoutes } from './admin-actions.ts';
import { registerAgencies } from './admin-agencies.ts';
import { createDetailPages, registerDetailRoutes } from './admin-detail.ts';
import { registerHotline } from './admin-hotline.ts';
import { registerInquiryList } from './admin-list.ts';
import type { InquiryRoutesContext } from './routes-context.ts';

export function registerInquiryAdmin(app: FastifyInstance, ctx: InquiryRoutesContext): void {
  const { admin } = ctx.accounts;
  // A nav entry has one action: the board's entry and the agencies' entry lead to the same list
  // (someone holding both roles sees both).
  admin.addNav({ label: { vi: 'Hỏi đáp – kiến nghị', en: 'Questions and petitions' }, path: 'inquiries', action: 'inquiries.intake' });
  admin.addNav({ label: { vi: 'Yêu cầu cần trả lời', en: 'Requests to answer' }, path: 'inquiries', action: 'inquiries.answer' });
  admin.addNav({ label: { vi: 'Đường dây nóng', en: 'Hotline' }, path: 'hotline', action: 'hotline.log' });
  admin.addNav({ label: { vi: 'Cơ quan trả lời', en: 'Answering agencies' }, path: 'inquiryAgencies', action: 'site.settings' });

  const pages = {} as Record<Lang, ReturnType<typeof createDetailPages>>;
  for (const L of ['vi', 'en'] as const) pages[L] = createDetailPages(ctx, admin, L);

  registerInquiryList(app, ctx, admin);
  registerDetailRoutes(app, ctx, admin, pages);
  registerActionRoutes(app, ctx, admin, pages);
  registerHotline(app, ctx, admin);
  registerAgencies(app, ctx, admin);
}
