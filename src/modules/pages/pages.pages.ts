/** Public HTML of fixed pages: /trang/<slug> and /english/page/<slug>. */
import type { FastifyInstance } from 'fastify';
import { formatDate, t, type Lang } from '../../platform/i18n/index.ts';
import { html, raw } from '../../platform/views/html.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireSite, siteHref } from '../sites/index.ts';
import { PATHS, publicRoutes, type SiteShell } from '../site-shell/index.ts';
import { getPage, pageExists } from './pages.service.ts';

export function registerPagePages(app: FastifyInstance, platform: Platform, shell: SiteShell): void {
  publicRoutes(app, (scope, lang) => {
    scope.get<{ Params: { slug: string } }>(`${PATHS.page[lang]}/:slug`, async (request, reply) => {
      const ctx = requireSite(request);
      const page = await getPage(platform.db, ctx.site.id, lang, request.params.slug);
      const other: Lang = lang === 'vi' ? 'en' : 'vi';
      const hasOther = await pageExists(platform.db, ctx.site.id, other, page.slug);
      return shell.sendPage(request, reply, {
        title: page.title,
        description: page.summary || page.title,
        date: page.updated_at,
        breadcrumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: page.title }],
        ...(hasOther ? { alternate: { lang: other, href: siteHref(ctx, `${PATHS.page[other]}/${page.slug}`, other) } } : {}),
        main: html`<article class="page">
<h1>${page.title}</h1>
${page.summary ? html`<p class="lead">${page.summary}</p>` : ''}
<div class="prose">${raw(page.body_html)}</div>
<p class="muted updated">${t(lang, 'page.updated', { date: formatDate(page.updated_at) })}</p>
</article>`,
      });
    });
  });
}
