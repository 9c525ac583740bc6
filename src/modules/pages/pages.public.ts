/** Public HTML of fixed pages: /trang/<slug> and /english/page/<slug>. Cacheable. */
import { Type } from 'typebox';
import type { Db } from '../../platform/db/create-db.ts';
import { formatDate, type Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html, raw } from '../../platform/views/html.ts';
import { requireSite, siteHref } from '../sites/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { pagesPaths } from './paths.ts';
import { getPage, isEmptyPage, pageExists } from './pages.service.ts';
import { t } from './messages.ts';

const PageParams = Type.Object({ slug: Type.String({ maxLength: 300 }) });

export function pagePages(routes: Routes, lang: Lang, db: Db, shell: SiteShell): void {
  routes.get(`${pagesPaths.paths.page[lang]}/:slug`, { schema: { params: PageParams }, config: { cache: true } }, async (request, reply) => {
    const ctx = requireSite(request);
    const page = await getPage(db, ctx.site.id, lang, request.params.slug);
    const other: Lang = lang === 'vi' ? 'en' : 'vi';
    const hasOther = await pageExists(db, ctx.site.id, other, page.slug);
    return shell.sendPage(request, reply, {
      title: page.title,
      description: page.summary || page.title,
      date: page.updated_at,
      breadcrumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: page.title }],
      ...(hasOther ? { alternate: { lang: other, href: siteHref(ctx, `${pagesPaths.paths.page[other]}/${page.slug}`, other) } } : {}),
      main: html`<article class="page">
<h1>${page.title}</h1>
${page.summary ? html`<p class="lead">${page.summary}</p>` : ''}
${isEmptyPage(page) ? html`<p class="muted">${t(lang, 'page.empty')}</p>` : html`<div class="prose">${raw(page.body_html)}</div>`}
<p class="muted updated">${t(lang, 'page.updated', { date: formatDate(page.updated_at) })}</p>
</article>`,
    });
  });
}
