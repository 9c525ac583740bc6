/**
 * The public sections of a site that content serves — categories in use, topics in use, the
 * lists by content type, the latest news, the work calendar, the RSS feed — as the menu entry
 * picker's choices ("category:12", "topic:3", "type:news", "page:gioi-thieu", "calendar") and as
 * the site map's groups. Fixed pages come from the pages module (its `listPages`).
 *
 * A menu entry chosen here stores its target and the path it resolved to when saved. Category
 * and topic path names never change (renaming or moving changes the name and the place, not the
 * slug), so the stored path keeps working after a rename; a retired category's path answers 301
 * to its parent's. Storing the target lets the picker show the choice again.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { pagesPaths } from '../pages/index.ts';
import type { CategoryService } from './categories.service.ts';
import { CONTENT_TYPES } from './content-types.ts';
import { t } from './messages.ts';
import { categoryPath, PUBLIC, topicPath, typePath } from './paths.ts';
import { typeListing } from './public.present.ts';
import { ts } from './structure-messages.ts';

export interface TargetChoice {
  value: string;
  label: string;
  path: string;
}

export interface TargetGroup {
  label: string;
  options: TargetChoice[];
}

export type ListPages = (siteId: number, lang: string) => Promise<readonly { slug: string; title: string }[]>;

const typeHref = (lang: Lang, code: string) => {
  const own = typeListing(code);
  return own ? PUBLIC[own.path][lang] : typePath(lang, code);
};

/** The choices of the picker for a menu of `lang` (categories and topics in use only). */
export async function targetGroups(categories: CategoryService, listPages: ListPages | undefined, siteId: number, lang: Lang, L: Lang): Promise<TargetGroup[]> {
  const cats = await categories.tree(siteId, lang);
  const flat = (nodes: typeof cats, depth: number): TargetChoice[] =>
    nodes
      .filter((n) => n.retired_at === null)
      .flatMap((n) => [
        { value: `category:${n.id}`, label: `${'— '.repeat(depth)}${n.name}`, path: categoryPath(lang, n.slug) },
        ...flat(n.children, depth + 1),
      ]);
  const topics = await categories.activeTopics(siteId);
  const pages = listPages ? await listPages(siteId, lang) : [];
  return [
    { label: ts(L, 'menu.categories'), options: flat(cats, 0) },
    {
      label: ts(L, 'menu.topics'),
      options: topics.map((tp) => ({ value: `topic:${tp.id}`, label: lang === 'en' && tp.name_en ? tp.name_en : tp.name_vi, path: topicPath(lang, tp.slug) })),
    },
    {
      label: ts(L, 'menu.types'),
      options: CONTENT_TYPES.map((ty) => ({ value: `type:${ty.code}`, label: t(L, `type.${ty.code}`), path: typeHref(lang, ty.code) })),
    },
    { label: ts(L, 'menu.pages'), options: pages.map((p) => ({ value: `page:${p.slug}`, label: p.title, path: `${pagesPaths.paths.page[lang]}/${p.slug}` })) },
    { label: ts(L, 'menu.other'), options: [{ value: 'calendar', label: ts(L, 'menu.calendar'), path: PUBLIC.calendar[lang] }] },
  ].filter((g) => g.options.length > 0);
}

/**
 * The path a stored target resolves to, or undefined when it names nothing of the site. A
 * retired category already chosen still resolves (its path redirects to its parent).
 */
export async function resolveTarget(
  categories: CategoryService,
  listPages: ListPages | undefined,
  siteId: number,
  lang: Lang,
  target: string,
): Promise<string | undefined> {
  const [kind, ref = ''] = target.split(/:(.*)/s, 2);
  if (kind === 'calendar' && ref === '') return PUBLIC.calendar[lang];
  if (kind === 'category') {
    const c = (await categories.list(siteId, lang)).find((x) => String(x.id) === ref);
    return c ? categoryPath(lang, c.slug) : undefined;
  }
  if (kind === 'topic') {
    const tp = (await categories.topics(siteId)).find((x) => String(x.id) === ref && x.retired_at === null);
    return tp ? topicPath(lang, tp.slug) : undefined;
  }
  if (kind === 'type') return CONTENT_TYPES.some((ty) => ty.code === ref) ? typeHref(lang, ref) : undefined;
  if (kind === 'page' && listPages) return (await listPages(siteId, lang)).some((p) => p.slug === ref) ? `${pagesPaths.paths.page[lang]}/${ref}` : undefined;
  return undefined;
}

/** A group of the site map: a heading and its links (paths inside the site). */
export interface SiteSection {
  heading: string;
  links: { label: string; path: string; children?: { label: string; path: string }[] }[];
}

/** Content's public sections of a site, for the site map page (every one, whether in the menu or not). */
export async function contentSections(categories: CategoryService, siteId: number, lang: Lang): Promise<SiteSection[]> {
  const tree = await categories.tree(siteId, lang);
  type Node = (typeof tree)[number];
  const links = (nodes: readonly Node[]): SiteSection['links'] =>
    nodes
      .filter((n) => n.retired_at === null)
      .map((n) => {
        const children = links(n.children);
        return { label: n.name, path: categoryPath(lang, n.slug), ...(children.length ? { children } : {}) };
      });
  const topics = await categories.activeTopics(siteId);
  return [
    { heading: ts(lang, 'sections.categories'), links: links(tree) },
    {
      heading: ts(lang, 'sections.topics'),
      links: topics.map((tp) => ({ label: lang === 'en' && tp.name_en ? tp.name_en : tp.name_vi, path: topicPath(lang, tp.slug) })),
    },
    { heading: ts(lang, 'sections.types'), links: CONTENT_TYPES.map((ty) => ({ label: t(lang, `type.${ty.code}`), path: typeHref(lang, ty.code) })) },
    {
      heading: ts(lang, 'sections.other'),
      links: [
        { label: t(lang, 'public.latest'), path: PUBLIC.latestList[lang] },
        { label: t(lang, 'public.featured'), path: PUBLIC.featured[lang] },
        { label: ts(lang, 'menu.calendar'), path: PUBLIC.calendar[lang] },
        { label: ts(lang, 'sections.feeds'), path: PUBLIC.rss[lang] },
      ],
    },
  ].filter((s) => s.links.length > 0);
}
