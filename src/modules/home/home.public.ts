/** Public home, site-map and contact pages of every site. Thin: gather, present, render. */
import type { FastifyRequest } from 'fastify';
import type { Routes } from '../../platform/module.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import { compareText, t, type Lang } from '../../platform/i18n/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireSite, siteHref, siteName, ownerName, siteOrigin, type SitesModule, type SiteWithHosts } from '../sites/index.ts';
import type { MenuNode, MenuService } from '../menus/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { ContentModule, SiteSection } from '../content/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { pagesPaths } from '../pages/index.ts';
import { homePaths } from './paths.ts';
import { contactMain, homeMain, siteMapMain, type ContactView, type SiteLink, type TreeNode } from './home.views.ts';

/** The slug of the introduction page the home page summarises. */
const INTRO_SLUG = 'gioi-thieu';

/** A module's public sections, for the site map: groups of links with paths inside the site. */
export type SectionSource = (siteId: number, lang: Lang) => Promise<readonly SiteSection[]>;

interface Deps {
  sites: SitesModule;
  menus: MenuService;
  pages: PagesModule;
  shell: SiteShell;
  content: Pick<ContentModule, 'homeBlocks' | 'siteSections'>;
  sections?: readonly SectionSource[] | undefined;
}

export function homePages(routes: Routes, lang: Lang, platform: Platform, deps: Deps): void {
  const linkTo = (request: FastifyRequest, site: SiteWithHosts, all: readonly SiteWithHosts[], lang: Lang): SiteLink => {
    const ctx = requireSite(request);
    const mainPortal = all.find((s) => s.kind === 'portal' && s.parent_id === null);
    const href = ctx.basePath
      ? siteHref({ basePath: `/s/${site.code}`, lang }, '/')
      : `${siteOrigin(site, { protocol: request.protocol, port: request.port ?? undefined, baseDomain: platform.config.baseDomain }, site.id === mainPortal?.id)}${lang === 'en' ? '/english/' : '/'}`;
    return { name: siteName(site, lang), href, kind: site.kind, email: site.email, phone: site.phone };
  };

  const contactOf = (site: SiteWithHosts, lang: Lang): ContactView => ({
    name: siteName(site, lang),
    ownerName: ownerName(site, lang),
    responsiblePerson: site.responsible_person,
    address: site.address,
    phone: site.phone,
    fax: site.fax,
    email: site.email,
  });

  const childrenOf = async (request: FastifyRequest, site: SiteWithHosts, lang: Lang) => {
    const all = await deps.sites.directory.liveSites();
    return all
      .filter((s) => s.parent_id === site.id)
      .map((s) => linkTo(request, s, all, lang))
      .sort((a, b) => compareText(lang, a.name, b.name));
  };

  const page = { schema: { querystring: NoQuery }, config: { cache: true } };
  routes.get('/', page, async (request, reply) => {
    const ctx = requireSite(request);
    const { site } = ctx;
    const all = await deps.sites.directory.liveSites();
    const intro = await deps.pages.findPage(site.id, lang, INTRO_SLUG);
    const parentRow = site.parent_id === null ? undefined : all.find((s) => s.id === site.parent_id);
    const name = siteName(site, lang);
    const blocks = await deps.content.homeBlocks(request);
    return deps.shell.sendPage(request, reply, {
      title: t(lang, 'home.title'),
      description: intro?.summary || name,
      breadcrumbs: [],
      isHome: true,
      head: blocks.head,
      main: homeMain(lang, {
        siteName: name,
        contentBlocks: blocks.main,
        intro: intro ? { title: intro.title, summary: intro.summary, href: siteHref(ctx, `${pagesPaths.paths.page[lang]}/${intro.slug}`) } : undefined,
        quickLinks: [
          { label: t(lang, 'home.nationalPortal'), href: 'https://dichvucong.gov.vn' },
          { label: t(lang, 'home.govPortal'), href: 'https://chinhphu.vn' },
          { label: t(lang, 'shell.siteMap'), href: siteHref(ctx, homePaths.paths.siteMap[lang]) },
        ],
        children: await childrenOf(request, site, lang),
        parent: parentRow ? linkTo(request, parentRow, all, lang) : undefined,
        contact: contactOf(site, lang),
        contactHref: siteHref(ctx, homePaths.paths.contact[lang]),
      }),
    });
  });

  routes.get(homePaths.paths.siteMap[lang], page, async (request, reply) => {
    const ctx = requireSite(request);
    const toTree = (n: MenuNode): TreeNode => ({ label: n.label, href: siteHref(ctx, n.href), children: n.children.map(toTree) });
    const menu = (await deps.menus.tree(ctx.site.id, lang)).map(toTree);
    const pages = (await deps.pages.listPages(ctx.site.id, lang))
      .map((p) => ({ label: p.title, href: siteHref(ctx, `${pagesPaths.paths.page[lang]}/${p.slug}`), children: [] }))
      .filter((p) => !containsHref(menu, p.href));
    // Every public section, whether the menu has it or not: content's, then the other modules'.
    const sources = [deps.content.siteSections, ...(deps.sections ?? [])];
    const sections = (await Promise.all(sources.map((source) => source(ctx.site.id, lang)))).flat().map((s) => ({
      heading: s.heading,
      links: s.links.map(function toNode(l: SiteSection['links'][number]): TreeNode {
        return { label: l.label, href: siteHref(ctx, l.path), children: (l.children ?? []).map(toNode) };
      }),
    }));
    const title = t(lang, 'sitemap.title');
    return deps.shell.sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: title }],
      alternate: { lang: lang === 'vi' ? 'en' : 'vi', href: siteHref(ctx, homePaths.paths.siteMap[lang === 'vi' ? 'en' : 'vi'], lang === 'vi' ? 'en' : 'vi') },
      main: siteMapMain(lang, { siteName: siteName(ctx.site, lang), menu, pages, sections, sites: await childrenOf(request, ctx.site, lang) }),
    });
  });

  routes.get(homePaths.paths.contact[lang], page, async (request, reply) => {
    const ctx = requireSite(request);
    const title = t(lang, 'contact.title');
    return deps.shell.sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: title }],
      alternate: { lang: lang === 'vi' ? 'en' : 'vi', href: siteHref(ctx, homePaths.paths.contact[lang === 'vi' ? 'en' : 'vi'], lang === 'vi' ? 'en' : 'vi') },
      main: contactMain(lang, {
        siteName: siteName(ctx.site, lang),
        contact: contactOf(ctx.site, lang),
        directory: await childrenOf(request, ctx.site, lang),
      }),
    });
  });
}

function containsHref(nodes: readonly TreeNode[], href: string): boolean {
  return nodes.some((n) => n.href === href || containsHref(n.children, href));
}
