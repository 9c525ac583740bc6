/**
 * From a request's query to a search scope: which sites (a portal searches its component sites
 * too), which types, categories, topics, language and dates. Values that make no sense are left
 * out and named, never an error; the form shows back what was typed.
 */
import { TIME_ZONE, type Lang } from '../../platform/i18n/index.ts';
import type { SiteWithHosts } from '../sites/index.ts';
import { siteName } from '../sites/index.ts';
import type { SearchableType, SearchScope } from './search.service.ts';
import type { Option, SearchFormOptions } from './views/search.view.ts';
import { t } from './messages.ts';

/** Category and topic choices a type offers for the sites searched. */
export interface FilterChoices {
  categories: (Option & { ids: number[] })[];
  topics: Option[];
}

export interface ScopeInput {
  type?: string | undefined;
  site?: string | undefined;
  category?: string | undefined;
  topic?: string | undefined;
  lang?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The sites a site's search covers: itself and every site below it. */
export function sitesUnder(site: SiteWithHosts, all: readonly SiteWithHosts[]): SiteWithHosts[] {
  const out = [site];
  for (let i = 0; i < out.length; i++) {
    for (const s of all) if (s.parent_id === out[i]!.id && !out.includes(s)) out.push(s);
  }
  return out;
}

/** yyyy-mm-dd (the date input) or dd/mm/yyyy (typed), as the start of that day in Việt Nam. */
export function parseDay(raw: string): Date | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  let [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m) {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    if (!m) return undefined;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (y < 1945 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCDate() !== d) return undefined;
  // Việt Nam has had no daylight saving time since 1975; +07:00 is the offset of TIME_ZONE.
  void TIME_ZONE;
  return new Date(utc.getTime() - 7 * 3_600_000);
}

export function typeOptions(types: readonly SearchableType[], lang: Lang): Option[] {
  const out: Option[] = [];
  for (const t of types) {
    if (t.kinds && t.kinds.length > 0) for (const k of t.kinds) out.push({ value: `${t.type}:${k.code}`, label: k.label(lang) });
    else out.push({ value: t.type, label: t.label(lang) });
  }
  return out;
}

export function typeLabel(types: readonly SearchableType[], lang: Lang, docType: string, kind: string): string {
  const t = types.find((x) => x.type === docType);
  return t?.kinds?.find((k) => k.code === kind)?.label(lang) ?? t?.label(lang) ?? docType;
}

export interface ResolvedScope {
  scope: SearchScope;
  bad: string[];
  options: SearchFormOptions;
}

/** Reads the filters for a search on `site` (the site of the page, or of the API's `site`). */
export async function resolveScope(
  lang: Lang,
  site: SiteWithHosts,
  all: readonly SiteWithHosts[],
  types: readonly SearchableType[],
  input: ScopeInput,
  choicesOf: (siteIds: number[], lang: Lang) => Promise<FilterChoices>,
): Promise<ResolvedScope> {
  const bad: string[] = [];
  const under = sitesUnder(site, all);
  let siteIds = under.map((s) => s.id);
  if (input.site) {
    const chosen = under.find((s) => s.code === input.site);
    if (chosen) siteIds = [chosen.id];
    else bad.push(t(lang, 'searchScope.site'));
  }
  const scope: SearchScope = { siteIds };
  const typeOpts = typeOptions(types, lang);
  if (input.type) {
    const [docType, kind] = input.type.split(':', 2) as [string, string | undefined];
    if (typeOpts.some((o) => o.value === input.type) || (kind === undefined && types.some((t) => t.type === docType))) scope.types = [{ docType, kind }];
    else bad.push(t(lang, 'searchScope.type'));
  }
  const choices = await choicesOf(siteIds, lang);
  if (input.category) {
    const c = choices.categories.find((x) => x.value === input.category);
    if (c) scope.categoryIds = c.ids;
    else bad.push(t(lang, 'searchScope.category'));
  }
  if (input.topic) {
    if (choices.topics.some((x) => x.value === input.topic)) scope.topicId = Number(input.topic);
    else bad.push(t(lang, 'searchScope.topic'));
  }
  if (input.lang) {
    if (/^[a-z]{2,3}$/.test(input.lang)) scope.lang = input.lang;
    else bad.push(t(lang, 'searchScope.language'));
  }
  const from = input.from ? parseDay(input.from) : undefined;
  const to = input.to ? parseDay(input.to) : undefined;
  if (input.from && !from) bad.push(t(lang, 'searchScope.startDate'));
  if (input.to && !to) bad.push(t(lang, 'searchScope.endDate'));
  if (from && to && from > to) bad.push(t(lang, 'searchScope.dateRangeStartAfterEnd'));
  else {
    if (from) scope.from = from;
    // "Until" includes the whole day.
    if (to) scope.to = new Date(to.getTime() + 86_400_000);
  }
  return {
    scope,
    bad,
    options: {
      types: typeOpts,
      sites: under.length > 1 ? under.map((s) => ({ value: s.code, label: siteName(s, lang) })) : [],
      categories: choices.categories.map(({ value, label }) => ({ value, label })),
      topics: choices.topics,
    },
  };
}
