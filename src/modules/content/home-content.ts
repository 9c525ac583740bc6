/**
 * The content blocks of a site's home page, as the operator arranged them (PUB-1;
 * HomeBlocksService, the default arrangement until one is set): featured items, the latest
 * items, the items of a type, or of a category (with its subcategories) — each with its own
 * heading when given, its number of items, and "Xem thêm" to the matching listing. A block
 * with nothing to show is left out.
 */
import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { slugify } from '../../platform/text/index.ts';
import { requireSite, siteHref } from '../sites/index.ts';
import { contentType, typeLabel } from './content-types.ts';
import type { HomeBlock as BlockSetting } from './home-blocks.service.ts';
import { categoryPath, PUBLIC, typePath } from './paths.ts';
import { descendantIds, typeListing, type PublicContentDeps, type PublicPresenter, type SiteCtx } from './public.present.ts';
import type { LiveFilter } from './live.service.ts';
import { jsonLd, organizationLd } from './seo.ts';
import { homeBlocksMain, type HomeBlock } from './views/home-blocks.view.ts';
import { t } from './messages.ts';
import { contentStyle } from './views/style.ts';

interface Resolved {
  title: string;
  filter: LiveFilter;
  moreHref: string;
  thumbs: boolean;
}

export function createHomeContent(deps: PublicContentDeps, present: PublicPresenter) {
  async function resolve(ctx: SiteCtx, b: BlockSetting, categories: () => ReturnType<PublicContentDeps['categories']['list']>): Promise<Resolved | undefined> {
    const { lang } = ctx;
    const title = b.title.trim();
    switch (b.kind) {
      case 'featured':
        return { title: title || t(lang, 'public.featured'), filter: { featured: true }, moreHref: siteHref(ctx, PUBLIC.featured[lang]), thumbs: true };
      case 'latest':
        return { title: title || t(lang, 'public.latest'), filter: {}, moreHref: siteHref(ctx, PUBLIC.latestList[lang]), thumbs: false };
      case 'type': {
        const type = contentType(b.ref);
        if (!type) return undefined;
        const listing = typeListing(type.code);
        const more = listing ? PUBLIC[listing.path][lang] : typePath(lang, type.code);
        return {
          title: title || (listing ? t(lang, `public.${listing.title}`) : typeLabel(type.code, lang)),
          filter: { type: type.code },
          moreHref: siteHref(ctx, more),
          thumbs: false,
        };
      }
      case 'category': {
        const all = await categories();
        const cat = all.find((c) => String(c.id) === b.ref);
        if (!cat) return undefined;
        return {
          title: title || cat.name,
          filter: { categoryIds: descendantIds(all, cat.id) },
          moreHref: siteHref(ctx, categoryPath(lang, cat.slug)),
          thumbs: false,
        };
      }
      default:
        return undefined;
    }
  }

  /** The home page's blocks and what its head needs. */
  return async function homeBlocks(request: FastifyRequest): Promise<{ main: SafeHtml; head: SafeHtml }> {
    const ctx = requireSite(request);
    const { lang, site } = ctx;
    const settings = await deps.homeBlocks.blocks(site.id, lang);
    let categoryList: ReturnType<PublicContentDeps['categories']['list']> | undefined;
    const categories = () => (categoryList ??= deps.categories.list(site.id, lang));
    const ids = new Set<string>();
    const blocks: HomeBlock[] = [];
    for (const b of settings) {
      const r = await resolve(ctx, b, categories);
      if (!r) continue;
      const rows = await deps.live.summaries(site.id, lang, r.filter, Math.max(1, Math.min(b.size, 20)));
      // Heading ids from the heading ("Tin nổi bật" → tin-noi-bat), unique on the page and
      // clear of the shell's and the home page's own ids.
      let base = slugify(r.title, 40) || 'khoi';
      if (base === 'noi-dung' || /^(home|footer)-/.test(base)) base = `khoi-${base}`;
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      blocks.push({ id, title: r.title, items: await present.links(ctx, rows, r.thumbs), moreHref: r.moreHref });
    }
    const head = html`${contentStyle()}
${jsonLd([organizationLd(present.orgInfo(request, ctx))])}
${present.siteFeedLinks(ctx)}`;
    return { main: homeBlocksMain(lang, blocks), head };
  };
}
