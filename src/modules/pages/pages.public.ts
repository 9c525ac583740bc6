/** Public HTML of fixed pages: /trang/<slug> and /english/page/<slug>. Cacheable. */
import { Type } from 'typebox';
import type { Db } from '../../platform/db/create-db.ts';
import { formatDate, type Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html, raw } from '../../platform/views/html.ts';
import { formatBytes, type MediaModule } from '../media/index.ts';
import { requireSite, siteHref } from '../sites/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { pagesPaths } from './paths.ts';
import { getPage, isEmptyPage, pageExists } from './pages.service.ts';
import { t } from './messages.ts';

const PageParams = Type.Object({ slug: Type.String({ maxLength: 300 }) });

/** The media library, reached once it exists (built after this module). */
export type PageMedia = () => Pick<MediaModule, 'getMedia' | 'mediaImage'> | undefined;

/** The page's picture (an image) or document (a PDF: a download link), from the media library. */
async function pageMedia(lang: Lang, mediaId: number | null, media: PageMedia) {
  const library = mediaId ? media() : undefined;
  const file = mediaId && library ? await library.getMedia(mediaId) : undefined;
  if (!file) return '';
  if (file.kind === 'image')
    return html`<figure class="page-media">${library!.mediaImage(file, { sizes: '(min-width: 60rem) 60rem, 100vw' })}${file.caption ? html`<figcaption>${file.caption}</figcaption>` : ''}</figure>`;
  return html`<p class="page-media"><a href="${file.url}" download="${file.downloadName}">${t(lang, 'page.download', { name: file.downloadName, size: formatBytes(file.bytes, lang) })}</a></p>`;
}

export function pagePages(routes: Routes, lang: Lang, db: Db, shell: SiteShell, media: PageMedia = () => undefined): void {
  routes.get(`${pagesPaths.paths.page[lang]}/:slug`, { schema: { params: PageParams }, config: { cache: true } }, async (request, reply) => {
    const ctx = requireSite(request);
    const page = await getPage(db, ctx.site.id, lang, request.params.slug);
    const other: Lang = lang === 'vi' ? 'en' : 'vi';
    const hasOther = await pageExists(db, ctx.site.id, other, page.slug);
    const figure = await pageMedia(lang, page.media_id, media);
    return shell.sendPage(request, reply, {
      title: page.title,
      description: page.summary || page.title,
      date: page.updated_at,
      breadcrumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: page.title }],
      ...(hasOther ? { alternate: { lang: other, href: siteHref(ctx, `${pagesPaths.paths.page[other]}/${page.slug}`, other) } } : {}),
      main: html`<article class="page">
<h1>${page.title}</h1>
${page.summary ? html`<p class="lead">${page.summary}</p>` : ''}
${isEmptyPage(page) ? html`<p class="muted">${t(lang, 'page.empty')}</p>` : html`${figure}<div class="prose">${raw(page.body_html)}</div>`}
<p class="muted updated">${t(lang, 'page.updated', { date: formatDate(page.updated_at) })}</p>
</article>`,
    });
  });
}
