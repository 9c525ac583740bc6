/**
 * The citizens' pages of every site, in Vietnamese and under /english (paths.ts):
 *
 *   GET/POST /gui-cau-hoi                    the request form → the confirmation with the code (ask.public.ts)
 *   GET/POST /tra-cuu-cau-hoi, POST …/bo-sung the status page and the information asked for (status.public.ts)
 *   GET      /hoi-dap, /hoi-dap/<slug>       the published Q&A, cacheable (qa.public.ts)
 *   GET      …/tep/<id>                      a file of an answer, a published document (files.public.ts)
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { askRoutes, type AskDeps } from './ask.public.ts';
import { fileRoutes, type FilesDeps } from './files.public.ts';
import { qaRoutes, type QaDeps } from './qa.public.ts';
import { statusRoutes, type StatusDeps } from './status.public.ts';

export type CitizenDeps = AskDeps & StatusDeps & QaDeps & FilesDeps;

export function inquiryPages(routes: Routes, lang: Lang, deps: CitizenDeps): void {
  askRoutes(routes, lang, deps);
  statusRoutes(routes, lang, deps);
  qaRoutes(routes, lang, deps);
  fileRoutes(routes, lang, deps);
}
