/** The only road out for sites: rows become API JSON or view models here. */
import type { Lang } from '../../platform/i18n/index.ts';
import type { SiteWithHosts } from './sites.repo.ts';
import type { PublicSite } from './sites.schema.ts';

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

export function presentSite(site: SiteWithHosts, lang: Lang, all: readonly SiteWithHosts[], origin: Origin): PublicSite {
  const parent = site.parent_id === null ? undefined : all.find((s) => s.id === site.parent_id);
  const isMain = site.kind === 'portal' && site.parent_id === null && all.find((s) => s.kind === 'portal' && s.parent_id === null)?.id === site.id;
  return {
    code: site.code,
    kind: site.kind,
    name: lang === 'en' ? site.name_en : site.name_vi,
    nameVi: site.name_vi,
    nameEn: site.name_en,
    ownerName: lang === 'en' ? site.owner_name_en || site.owner_name_vi : site.owner_name_vi,
    parentCode: parent?.code ?? null,
    url: `${siteOrigin(site, origin, isMain)}/${lang === 'en' ? 'english/' : ''}`,
    hosts: site.hosts,
    contacts: { address: site.address, phone: site.phone, fax: site.fax, email: site.email },
    responsiblePerson: site.responsible_person,
    themeColor: site.theme_color,
    logoUrl: site.logo_url,
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
