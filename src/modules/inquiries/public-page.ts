/**
 * How the citizens' pages are sent: the form and the status page hold a CSRF token or a
 * citizen's own request, so they are never cached anywhere (`no-store`); the Q&A pages go
 * through the shell's page cache like any public page. Also their common breadcrumbs.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import { renderShell } from '../../platform/views/shell.ts';
import type { Crumb, PageSpec, SiteShell } from '../site-shell/index.ts';
import { requireSite, siteHref } from '../sites/index.ts';
import { publicPaths } from './paths.ts';
import { inquiryStyle } from './views/citizen-pages.ts';
import { t } from './messages.ts';

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/** Home › Questions and answers, the first crumbs of every citizens' page. */
export function citizenCrumbs(request: FastifyRequest, lang: Lang): [Crumb, Crumb] {
  const site = requireSite(request);
  return [
    { label: t(lang, 'shell.home'), href: siteHref(site, '/') },
    { label: t(lang, 'common.questionsAnswers'), href: siteHref(site, publicPaths.path(lang, 'qa')) },
  ];
}

/**
 * Sends a page never cached anywhere. `here` is the page's address for the answer to a POST
 * (which names the form it came from), so the display-preference links and the canonical address
 * lead back to a page that exists.
 */
export async function sendPrivate(
  shell: SiteShell,
  request: FastifyRequest,
  reply: FastifyReply,
  page: PageSpec,
  status = 200,
  here?: string,
): Promise<FastifyReply> {
  const context = await shell.shellFor(request);
  const where = here ? { currentUrl: here, canonicalUrl: `${request.protocol}://${request.host}${here}` } : {};
  const body = renderShell({ ...context, ...where }, { ...page, head: page.head ?? inquiryStyle() });
  return reply.code(status).header('cache-control', 'no-store').header('vary', 'Cookie').type('text/html; charset=utf-8').send(body);
}
