/**
 * Lists of live items, 20 a page (?trang=2; anything else than a page number names no page):
 *
 *   /tin-moi, /tin-tuc, /thong-bao, /noi-bat        latest, news, announcements, featured (en: /latest, /news, /announcements, /featured)
 *   /chuyen-muc/<slug>, /english/category/<slug>    a category and its subcategories (a retired one: 301 to its parent's)
 *   /chu-de/<slug>, /english/topic/<slug>          the items of one topic (a retired one: 301 to the home page)
 *   /loai-tin/<code>, /english/type/<code>          the items of one content type (news and announcements: redirected to their own list)
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { queryForm, rejectedFields } from '../../platform/http/forms.ts';
import { SlugParams } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import type { Crumb, PageSpec } from '../site-shell/index.ts';
import { requireSite, siteHref, siteName } from '../sites/index.ts';
import { contentType } from './content-types.ts';
import { PageQuery } from './content.schema.ts';
import type { LiveFilter } from './live.service.ts';
import { t } from './messages.ts';
import { categoryPath, PUBLIC, topicPath, typePath } from './paths.ts';
import { ts } from './structure-messages.ts';
import {
  ancestry,
  descendantIds,
  LISTINGS,
  notFound,
  originOf,
  sendContentPage,
  typeListing,
  type PublicContentDeps,
  type PublicPresenter,
  type SiteCtx,
} from './public.present.ts';
import { feedLinks, openGraph } from './seo.ts';
import { listingMain } from './views/listing.view.ts';
import { contentStyle } from './views/style.ts';

export const PAGE_SIZE = 20;

const CodeParams = Type.Object({ code: Type.String({ maxLength: 100 }) });

/** `?trang=N` → N (1 when absent); a value that is not a page number names no page. */
function pageOf(query: { trang?: string | undefined }): number {
  if (rejectedFields(query).includes('trang')) throw notFound();
  return query.trang ? Number(query.trang) : 1;
}

export function listingPublicRoutes(routes: Routes, lang: Lang, deps: PublicContentDeps, present: PublicPresenter): void {
  const listed = { ...queryForm(PageQuery), config: { cache: true } };

  async function listing(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SiteCtx,
    page: number,
    o: {
      title: string;
      description?: string;
      filter: LiveFilter;
      path: string;
      crumbs: Crumb[];
      subcategories?: { name: string; href: string }[];
      feeds?: { rss: string; atom: string };
      alternate?: PageSpec['alternate'];
    },
  ): Promise<FastifyReply> {
    const { site } = ctx;
    const total = await deps.live.count(site.id, lang, o.filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw notFound();
    const rows = await deps.live.summaries(site.id, lang, o.filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const base = siteHref(ctx, o.path);
    const pageHref = (n: number) => (n === 1 ? base : `${base}?trang=${n}`);
    const canonical = `${originOf(request)}${pageHref(page)}`;
    const head = html`${contentStyle()}
${page > 1 ? html`<link rel="prev" href="${pageHref(page - 1)}">\n` : ''}${page < pages ? html`<link rel="next" href="${pageHref(page + 1)}">\n` : ''}${o.feeds ? feedLinks(o.title, o.feeds.rss, o.feeds.atom) : present.siteFeedLinks(ctx)}
${openGraph({ type: 'website', title: o.title, description: o.description || o.title, url: canonical, siteName: siteName(site, lang), lang })}`;
    const title = page > 1 ? `${o.title} – ${t(lang, 'public.page', { n: page })}` : o.title;
    return sendContentPage(
      deps.shell,
      request,
      reply,
      {
        title,
        description: o.description || o.title,
        breadcrumbs: [...o.crumbs, { label: o.title }],
        date: rows[0]?.published_at ?? undefined,
        subject: o.title,
        head,
        ...(o.alternate ? { alternate: o.alternate } : {}),
        main: listingMain(lang, {
          title: o.title,
          description: o.description,
          items: await present.links(ctx, rows, true),
          page,
          pages,
          total,
          pageHref,
          subcategories: o.subcategories ?? [],
          feeds: o.feeds,
        }),
      },
      canonical,
    );
  }

  routes.get(`${PUBLIC.category[lang]}/:slug`, { ...listed, schema: { ...listed.schema, params: SlugParams } }, async (request, reply) => {
    const ctx = requireSite(request);
    const page = pageOf(request.query);
    const all = await deps.categories.list(ctx.site.id, lang);
    const cat = all.find((c) => c.slug === request.params.slug);
    if (!cat) throw notFound();
    if (cat.retired_at !== null) {
      // A retired category leads to its nearest parent in use, else to the site's home page.
      let up = all.find((c) => c.id === cat.parent_id);
      while (up && up.retired_at !== null) up = all.find((c) => c.id === up!.parent_id);
      return reply.redirect(siteHref(ctx, up ? categoryPath(lang, up.slug) : '/'), 301);
    }
    const path = categoryPath(lang, cat.slug);
    return listing(request, reply, ctx, page, {
      title: cat.name,
      description: cat.description,
      filter: { categoryIds: descendantIds(all, cat.id) },
      path,
      crumbs: [
        { label: t(lang, 'shell.home'), href: siteHref(ctx, '/') },
        ...ancestry(all, cat)
          .slice(0, -1)
          .map((c) => ({ label: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) })),
      ],
      subcategories: all
        .filter((c) => c.parent_id === cat.id && c.retired_at === null)
        .map((c) => ({ name: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) })),
      feeds: { rss: siteHref(ctx, `${path}${PUBLIC.rss[lang]}`), atom: siteHref(ctx, `${path}${PUBLIC.atom[lang]}`) },
    });
  });

  routes.get(`${PUBLIC.topic[lang]}/:slug`, { ...listed, schema: { ...listed.schema, params: SlugParams } }, async (request, reply) => {
    const ctx = requireSite(request);
    const page = pageOf(request.query);
    const topic = await deps.categories.topicBySlug(ctx.site.id, request.params.slug);
    if (!topic) throw notFound();
    if (topic.retired_at !== null) return reply.redirect(siteHref(ctx, '/'), 301);
    const name = lang === 'en' && topic.name_en ? topic.name_en : topic.name_vi;
    return listing(request, reply, ctx, page, {
      title: ts(lang, 'public.topic', { name }),
      filter: { topicId: topic.id },
      path: topicPath(lang, topic.slug),
      crumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }],
      alternate: present.alternateOf(ctx, (l) => topicPath(l, topic.slug)),
    });
  });

  routes.get(`${PUBLIC.typeList[lang]}/:code`, { ...listed, schema: { ...listed.schema, params: CodeParams } }, async (request, reply) => {
    const ctx = requireSite(request);
    const type = contentType(request.params.code);
    if (!type) throw notFound();
    const own = typeListing(type.code);
    if (own) return reply.redirect(siteHref(ctx, PUBLIC[own.path][lang]), 301);
    return listing(request, reply, ctx, pageOf(request.query), {
      title: t(lang, `type.${type.code}`),
      filter: { type: type.code },
      path: typePath(lang, type.code),
      crumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }],
      alternate: present.alternateOf(ctx, (l) => typePath(l, type.code)),
    });
  });

  for (const l of LISTINGS) {
    routes.get(PUBLIC[l.path][lang], listed, async (request, reply) => {
      const ctx = requireSite(request);
      return listing(request, reply, ctx, pageOf(request.query), {
        title: t(lang, `public.${l.title}`),
        filter: l.filter,
        path: PUBLIC[l.path][lang],
        crumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }],
        alternate: present.alternateOf(ctx, (other) => PUBLIC[l.path][other]),
      });
    });
  }
}
