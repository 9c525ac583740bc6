/**
 * The administration's consoles of citizens' requests, in both languages (paths.ts):
 *
 *   /quan-tri/hoi-dap                       the list: stages, overdue and due-soon queues, filters (list.admin.ts)
 *   /quan-tri/hoi-dap/<id>                  a request, its files and publication page (request.admin.ts);
 *                                           POST thao_tac=…, and the uploads (actions.admin.ts)
 *   /quan-tri/duong-day-nong                the hotline console; the board logs other channels there (hotline.admin.ts)
 *   /quan-tri/hoi-dap-co-quan               the answering agencies and the review setting (agencies.admin.ts)
 *
 * Routes are thin: the rules and the permission checks are in the services.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { actionRoutes } from './actions.admin.ts';
import { agencyRoutes, type AgenciesDeps } from './agencies.admin.ts';
import { hotlineRoutes, type HotlineDeps } from './hotline.admin.ts';
import { listRoutes, type ListDeps } from './list.admin.ts';
import { requestPages, requestRoutes, type RequestDeps } from './request.admin.ts';

export type ConsoleDeps = RequestDeps & ListDeps & HotlineDeps & AgenciesDeps;

export function inquiryAdmin(routes: Routes, lang: Lang, deps: ConsoleDeps): void {
  const pages = requestPages(lang, deps);
  listRoutes(routes, lang, deps);
  requestRoutes(routes, lang, deps, pages);
  actionRoutes(routes, lang, deps, pages);
  hotlineRoutes(routes, lang, deps);
  agencyRoutes(routes, lang, deps);
}
