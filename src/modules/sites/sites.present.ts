/** The only road out for sites: rows become API JSON or view models here, and forms become inputs. */
import type { Static } from 'typebox';
import type { FormValues } from '../../platform/http/forms.ts';
import { LANGS, type Lang } from '../../platform/i18n/index.ts';
import type { SiteWithHosts } from './sites.repo.ts';
import type { IdentityChanges, IdentityForm, PublicSite, SiteChanges, SiteEditForm, SiteInput, SiteNewForm } from './sites.schema.ts';
import { formatRatio } from './site-rules.ts';
import { PALETTE, worstContrast } from './theme.ts';
import { t } from './messages.ts';

export interface Origin {
  protocol: string;
  /** Port the visitor used, or undefined for the scheme's default. */
  port: number | undefined;
  baseDomain: string;
}

/** Home-page URL of a site: its first own host name, else `<code>.<base domain>`. */
export function siteOrigin(site: SiteWithHosts, origin: Origin, isMainPortal: boolean): string {
  const port = origin.port && origin.port !== (origin.protocol === 'https' ? 443 : 80) ? `:${origin.port}` : '';
  const host = site.hosts[0] ?? (isMainPortal ? origin.baseDomain : `${site.code}.${origin.baseDomain}`);
  return `${origin.protocol}://${host}${port}`;
}

function isMainPortal(site: SiteWithHosts, all: readonly SiteWithHosts[]): boolean {
  const main = all.find((s) => s.kind === 'portal' && s.parent_id === null && s.status !== 'closed');
  return main?.id === site.id;
}

export function presentSite(site: SiteWithHosts, lang: Lang, all: readonly SiteWithHosts[], origin: Origin): Omit<PublicSite, 'units'> {
  const parent = site.parent_id === null ? undefined : all.find((s) => s.id === site.parent_id);
  return {
    code: site.code,
    kind: site.kind,
    name: lang === 'en' ? site.name_en : site.name_vi,
    nameVi: site.name_vi,
    nameEn: site.name_en,
    ownerName: lang === 'en' ? site.owner_name_en || site.owner_name_vi : site.owner_name_vi,
    parentCode: parent?.code ?? null,
    children: all.filter((s) => s.parent_id === site.id).map((s) => s.code),
    url: `${siteOrigin(site, origin, isMainPortal(site, all))}/${lang === 'en' ? 'english/' : ''}`,
    hosts: site.hosts,
    contacts: { address: site.address, phone: site.phone, fax: site.fax, email: site.email },
    responsiblePerson: site.responsible_person,
    themeColor: site.theme_color,
    logoUrl: site.logo_url,
    languages: site.languages,
    status: site.status,
    demo: site.is_demo,
  };
}

/** Name of a site in a language, falling back to Vietnamese. */
export function siteName(site: Pick<SiteWithHosts, 'name_vi' | 'name_en'>, lang: Lang): string {
  return lang === 'en' ? site.name_en || site.name_vi : site.name_vi;
}

export function ownerName(site: Pick<SiteWithHosts, 'owner_name_vi' | 'owner_name_en'>, lang: Lang): string {
  return lang === 'en' ? site.owner_name_en || site.owner_name_vi : site.owner_name_vi;
}

// ── The administration ───────────────────────────────────────────────────────────────────

export interface SiteListRow {
  code: string;
  name: string;
  /** 0 for a top-level portal, 1 for the sites below it… */
  depth: number;
  kind: string;
  status: SiteWithHosts['status'];
  statusLabel: string;
  /** `<code>.<base domain>` (or the bare base domain for the main portal), then the site's own host names. */
  addresses: string[];
  editHref: string;
}

/** The sites in the order of the city's tree: each followed by the sites below it. */
export function presentSiteList(all: readonly SiteWithHosts[], lang: Lang, baseDomain: string, editHref: (code: string) => string): SiteListRow[] {
  const rows: SiteListRow[] = [];
  const below = (parentId: number | null) => all.filter((s) => s.parent_id === parentId);
  const seen = new Set<number>();
  const visit = (site: SiteWithHosts, depth: number) => {
    if (seen.has(site.id)) return;
    seen.add(site.id);
    rows.push({
      code: site.code,
      name: siteName(site, lang),
      depth,
      kind: t(lang, `kind.${site.kind}`),
      status: site.status,
      statusLabel: t(lang, `status.${site.status}`),
      addresses: [isMainPortal(site, all) ? baseDomain : `${site.code}.${baseDomain}`, ...site.hosts],
      editHref: editHref(site.code),
    });
    for (const child of below(site.id)) visit(child, depth + 1);
  };
  for (const top of below(null)) visit(top, 0);
  // A site whose parent is missing from the list (never in practice) is still shown.
  for (const site of all) visit(site, 0);
  return rows;
}

export interface Choice {
  value: string;
  label: string;
}

/** The theme colours offered: the palette, and the site's own colour when it is another. */
export function themeChoices(lang: Lang, current: string | undefined): Choice[] {
  const choices: Choice[] = PALETTE.map((p) => ({
    value: p.hex,
    label: t(lang, 'theme.option', { name: t(lang, `theme.${p.code}`), hex: p.hex, ratio: formatRatio(worstContrast(p.hex), lang) }),
  }));
  if (current && /^#[0-9a-f]{6}$/.test(current) && !choices.some((c) => c.value === current)) {
    choices.unshift({
      value: current,
      label: t(lang, 'theme.option', { name: t(lang, 'theme.current'), hex: current, ratio: formatRatio(worstContrast(current), lang) }),
    });
  }
  return choices;
}

/** The sites a site may be placed under (not closed; not itself). */
export function parentChoices(all: readonly SiteWithHosts[], lang: Lang, self?: string): Choice[] {
  return [
    { value: '', label: t(lang, 'field.parentNone') },
    ...all.filter((s) => s.status !== 'closed' && s.code !== self).map((s) => ({ value: s.code, label: `${siteName(s, lang)} (${s.code})` })),
  ];
}

/** Images of the library a logo may be chosen from. */
export function logoChoices(lang: Lang, images: readonly { id: number; label: string }[], current: number | null): Choice[] {
  const choices = [{ value: '', label: t(lang, 'field.logoNone') }, ...images.map((i) => ({ value: String(i.id), label: `${i.label} (#${i.id})` }))];
  if (current !== null && !choices.some((c) => c.value === String(current))) choices.push({ value: String(current), label: `#${current}` });
  return choices;
}

/** Languages that may be switched on besides Vietnamese. */
export function languageChoices(lang: Lang): Choice[] {
  return LANGS.filter((l) => l !== 'vi').map((l) => ({ value: l, label: t(lang, `language.${l}`) }));
}

/** A site's identity as the values of the operator's form. */
export function identityValues(site: SiteWithHosts): Required<FormValues<typeof IdentityForm>> {
  return {
    nameVi: site.name_vi,
    nameEn: site.name_en,
    ownerNameVi: site.owner_name_vi,
    ownerNameEn: site.owner_name_en,
    responsiblePerson: site.responsible_person,
    address: site.address,
    phone: site.phone,
    fax: site.fax,
    email: site.email,
    logoMediaId: site.logo_media_id === null ? '' : String(site.logo_media_id),
    themeColor: site.theme_color,
  };
}

/** A site as the values of the platform administrator's form. */
export function siteValues(site: SiteWithHosts, all: readonly SiteWithHosts[]): Required<FormValues<typeof SiteEditForm>> {
  return {
    ...identityValues(site),
    kind: site.kind,
    parentCode: all.find((s) => s.id === site.parent_id)?.code ?? '',
    hosts: site.hosts.join('\n'),
    languages: site.languages.filter((l) => l !== 'vi'),
  };
}

/** The new-site form's first values. */
export function newSiteValues(portal: SiteWithHosts | undefined): FormValues<typeof SiteNewForm> {
  return { kind: 'ward', parentCode: portal?.code ?? '', themeColor: PALETTE[0].hex, languages: LANGS.filter((l) => l !== 'vi') };
}

export function identityFromForm(body: Static<typeof IdentityForm>): IdentityChanges {
  return {
    nameVi: body.nameVi,
    nameEn: body.nameEn,
    ownerNameVi: body.ownerNameVi,
    ownerNameEn: body.ownerNameEn,
    responsiblePerson: body.responsiblePerson,
    address: body.address,
    phone: body.phone,
    fax: body.fax,
    email: body.email,
    logoMediaId: body.logoMediaId ? Number(body.logoMediaId) : null,
    ...(body.themeColor ? { themeColor: body.themeColor } : {}),
  };
}

/** Host names typed one a line (or separated by spaces or commas). */
export function hostsFromText(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

export function changesFromForm(body: Static<typeof SiteEditForm>): SiteChanges {
  return {
    ...identityFromForm(body),
    kind: body.kind,
    parentCode: body.parentCode || null,
    hosts: hostsFromText(body.hosts),
    languages: body.languages,
  };
}

export function inputFromForm(body: Static<typeof SiteNewForm>): SiteInput {
  const { logoMediaId, ...changes } = changesFromForm(body);
  return {
    ...changes,
    code: body.code,
    kind: body.kind,
    nameVi: body.nameVi,
    nameEn: body.nameEn,
    ...(logoMediaId ? { logoMediaId } : {}),
  };
}
