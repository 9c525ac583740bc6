/**
 * An item on every site, in Vietnamese and under /english (live revision only; drafts,
 * withdrawn and archived items are simply not found):
 *
 *   /tin/<slug>, /english/news/<slug>                  the item
 *   /tin/<slug>/in, /english/news/<slug>/print         its print view
 *   /tin/<slug>/pdf, /english/news/<slug>/pdf          its PDF download (pdf-download.ts, views/item-pdf.view.ts)
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoQuery, SlugParams } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import type { Crumb } from '../site-shell/index.ts';
import { ownerName, requireSite, siteHref, siteName } from '../sites/index.ts';
import { t } from './messages.ts';
import { categoryPath, itemPath, otherLang, PUBLIC, typePath } from './paths.ts';
import { sendItemPdf } from './pdf-download.ts';
import { ancestry, notFound, originOf, sendContentPage, typeListing, type PublicContentDeps, type PublicPresenter } from './public.present.ts';
import { articleLd, jsonLd, openGraph, organizationLd } from './seo.ts';
import { itemMain, printDocument } from './views/item.view.ts';
import { contentStyle } from './views/style.ts';

export function itemPublicRoutes(routes: Routes, lang: Lang, deps: PublicContentDeps, present: PublicPresenter): void {
  const page = { schema: { params: SlugParams, querystring: NoQuery }, config: { cache: true } };

  async function itemPage(request: FastifyRequest, reply: FastifyReply, slug: string, as: 'page' | 'print' | 'pdf'): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const { site } = ctx;
    const item = await deps.live.item(site.id, lang, slug);
    if (!item) throw notFound();
    const all = await deps.categories.list(site.id, lang);
    const { view, category, topics, coverMedia } = await present.itemView(request, ctx, item, all);

    const names = { name: siteName(site, lang), ownerName: ownerName(site, lang) };
    if (as === 'print') return deps.shell.sendCacheable(request, reply, printDocument(lang, view, names), 'text/html; charset=utf-8');
    if (as === 'pdf') return sendItemPdf(request, reply, lang, item.slug, view, names);

    const translation = item.translation_group ? await deps.live.translation(site.id, item.translation_group, otherLang(lang)) : undefined;
    const org = present.orgInfo(request, ctx);
    const description = item.summary || item.title;
    const section = category?.name ?? view.typeLabel;
    const image =
      coverMedia?.kind === 'image'
        ? { url: `${originOf(request)}${coverMedia.url}`, alt: coverMedia.alt, width: coverMedia.width, height: coverMedia.height }
        : undefined;
    const head = html`${contentStyle()}
${openGraph({ type: 'article', title: item.title, description, url: view.canonicalUrl, siteName: siteName(site, lang), lang, image, published: view.date, modified: item.published_at, section })}
${jsonLd([
  organizationLd(org),
  articleLd(
    {
      title: item.title,
      description,
      url: view.canonicalUrl,
      published: view.date,
      modified: item.published_at,
      author: item.author_name,
      section,
      keywords: topics,
      image: image?.url,
      lang,
      source: item.source,
    },
    org,
  ),
])}
${present.siteFeedLinks(ctx)}`;

    const crumbs: Crumb[] = [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }];
    if (category) for (const c of ancestry(all, category)) crumbs.push({ label: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) });
    else {
      const listing = typeListing(item.type);
      crumbs.push(
        listing
          ? { label: t(lang, `public.${listing.title}`), href: siteHref(ctx, PUBLIC[listing.path][lang]) }
          : { label: view.typeLabel, href: siteHref(ctx, typePath(lang, item.type)) },
      );
    }
    crumbs.push({ label: item.title });

    return sendContentPage(
      deps.shell,
      request,
      reply,
      {
        title: item.title,
        description,
        breadcrumbs: crumbs,
        date: view.date ?? undefined,
        subject: [category?.name, ...topics].filter(Boolean).join('; ') || view.typeLabel,
        ...(item.source ? { source: item.source } : {}),
        ...(translation ? { alternate: { lang: otherLang(lang), href: siteHref(ctx, itemPath(otherLang(lang), translation.slug), otherLang(lang)) } } : {}),
        head,
        main: itemMain(lang, view),
      },
      view.canonicalUrl,
    );
  }

  const item = `${PUBLIC.item[lang]}/:slug`;
  routes.get(item, page, (request, reply) => itemPage(request, reply, request.params.slug, 'page'));
  routes.get(`${item}${PUBLIC.print[lang]}`, page, (request, reply) => itemPage(request, reply, request.params.slug, 'print'));
  routes.get(`${item}${PUBLIC.pdf[lang]}`, page, (request, reply) => itemPage(request, reply, request.params.slug, 'pdf'));
}
