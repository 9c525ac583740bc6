/**
 * The checklist of a site: what the regulations require it to show (introduction, functions,
 * organisation, leaders, contacts, the English pages) that is still empty. Each module that owns
 * such a part adds a check (`provides.addCheck`: the fixed pages are the pages module's); the
 * contacts are checked here.
 */
import type { SiteRow } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { t } from './messages.ts';

export interface SiteGap {
  /** Stable, for tests and anchors ("contacts", "page:vi:gioi-thieu"). */
  key: string;
  label: string;
  /** Where to fill it in, when there is a page for that. */
  href?: string;
}

/** A module's part of the checklist for `site`, in `lang`. */
export type SiteCheck = (site: SiteRow, lang: Lang) => Promise<readonly SiteGap[]>;

/**
 * The site's own part: the contacts and the person responsible shown in every page's footer,
 * each linked to its field (both pages that show the checklist have the contact fields).
 */
export function contactGaps(site: SiteRow, lang: Lang): SiteGap[] {
  const gaps: SiteGap[] = [];
  const missing = (['address', 'phone', 'email'] as const).filter((f) => !site[f].trim());
  if (missing.length) {
    gaps.push({ key: 'contacts', label: t(lang, 'gap.contacts', { fields: missing.map((f) => t(lang, `gap.${f}`)).join(', ') }), href: `#f-${missing[0]}` });
  }
  if (!site.responsible_person.trim()) gaps.push({ key: 'responsible', label: t(lang, 'gap.responsible'), href: '#f-responsiblePerson' });
  return gaps;
}

/** Every check's gaps, in the order the checks were added (the site's own last). */
export async function checklistOf(checks: readonly SiteCheck[], site: SiteRow, lang: Lang): Promise<SiteGap[]> {
  const parts = await Promise.all(checks.map((check) => check(site, lang)));
  return [...parts.flat(), ...contactGaps(site, lang)];
}
