/**
 * Rows → what the screens, the exports and the API show: a site's units in tree order (each level
 * by its order, then by Vietnamese collation), the sites in the city's tree order, the search that
 * ignores diacritics and case, the CSV (UTF-8 with BOM for Excel, Vietnamese collation order).
 */
import { compareText, type Lang } from '../../platform/i18n/index.ts';
import { stripDiacritics } from '../../platform/text/index.ts';
import type { SiteWithHosts } from '../sites/index.ts';
import { siteName } from '../sites/index.ts';
import type { UnitRow } from './directory.repo.ts';
import type { PublicUnit } from './directory.schema.ts';
import { t } from './messages.ts';

export interface TreeUnit {
  unit: UnitRow;
  depth: number;
  /** Names of the units above it, top first. */
  path: string[];
}

export function unitName(u: Pick<UnitRow, 'name_vi' | 'name_en'>, lang: Lang): string {
  return lang === 'en' ? u.name_en || u.name_vi : u.name_vi;
}

/** One site's units, depth first; a unit whose parent is missing (retired, filtered) comes at the top. */
export function treeOrder(units: readonly UnitRow[], lang: Lang = 'vi'): TreeUnit[] {
  const ids = new Set(units.map((u) => u.id));
  const below = new Map<number | null, UnitRow[]>();
  for (const u of units) {
    const key = u.parent_id !== null && ids.has(u.parent_id) ? u.parent_id : null;
    below.set(key, [...(below.get(key) ?? []), u]);
  }
  for (const list of below.values()) list.sort((a, b) => a.position - b.position || compareText('vi', a.name_vi, b.name_vi));
  const out: TreeUnit[] = [];
  const seen = new Set<number>();
  const visit = (u: UnitRow, depth: number, path: string[]) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push({ unit: u, depth, path });
    for (const c of below.get(u.id) ?? []) visit(c, depth + 1, [...path, unitName(u, lang)]);
  };
  for (const u of below.get(null) ?? []) visit(u, 0, []);
  return out;
}

/** The sites depth first from the portal, the sites below each by Vietnamese collation of their names. */
export function sitesInTreeOrder(sites: readonly SiteWithHosts[], lang: Lang): SiteWithHosts[] {
  const ids = new Set(sites.map((s) => s.id));
  const out: SiteWithHosts[] = [];
  const seen = new Set<number>();
  const children = (id: number | null) =>
    sites
      .filter((s) => (id === null ? s.parent_id === null || !ids.has(s.parent_id) : s.parent_id === id))
      .sort((a, b) => (a.kind === 'portal' ? -1 : b.kind === 'portal' ? 1 : compareText(lang, siteName(a, lang), siteName(b, lang))));
  const visit = (s: SiteWithHosts) => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    out.push(s);
    for (const c of children(s.id)) visit(c);
  };
  for (const s of children(null)) visit(s);
  return out;
}

/** For matching: no diacritics, no case, single spaces ("Phòng Tổng hợp" ~ "phong tong hop"). */
export function fold(text: string): string {
  return stripDiacritics(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface DirectoryGroup {
  site: SiteWithHosts;
  units: TreeUnit[];
}

/**
 * The city's directory, grouped by site: every word of the query must be found in the unit's
 * names, its focal person, the units above it or its site's name.
 */
export function searchDirectory(sites: readonly SiteWithHosts[], units: readonly UnitRow[], lang: Lang, q: string, siteCode: string): DirectoryGroup[] {
  const words = fold(q).split(' ').filter(Boolean);
  const groups: DirectoryGroup[] = [];
  for (const site of sitesInTreeOrder(sites, lang)) {
    if (siteCode && site.code !== siteCode) continue;
    const tree = treeOrder(
      units.filter((u) => u.site_id === site.id),
      lang,
    );
    const matching = words.length
      ? tree.filter((x) => {
          const hay = fold([x.unit.name_vi, x.unit.name_en, x.unit.focal_name, x.unit.focal_title, ...x.path, site.name_vi, site.name_en].join(' '));
          return words.every((w) => hay.includes(w));
        })
      : tree;
    if (matching.length) groups.push({ site, units: matching });
  }
  return groups;
}

export function presentUnit(x: TreeUnit, site: Pick<SiteWithHosts, 'code'>, lang: Lang): PublicUnit {
  const u = x.unit;
  return {
    id: u.id,
    siteCode: site.code,
    parentId: u.parent_id,
    name: unitName(u, lang),
    nameVi: u.name_vi,
    nameEn: u.name_en,
    kind: u.kind,
    depth: x.depth,
    focalPerson: { name: u.focal_name, title: u.focal_title },
    email: u.email,
    phone: u.phone,
    address: u.address,
  };
}

/** A phone for people: "02438251234" → "024 3825 1234", "0912345678" → "0912 345 678". */
export function phoneForPeople(phone: string): string {
  if (/^02\d{9}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (/^02\d{8}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  if (/^0\d{9}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  return phone;
}

const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** One CSV field, neutralised against formula injection, quoted when RFC 4180 asks. */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV: UTF-8 BOM, header, one record per unit, by site then unit in Vietnamese collation order. */
export function directoryCsv(groups: readonly DirectoryGroup[], lang: Lang): string {
  const header = ['site', 'siteCode', 'unit', 'unitEn', 'parent', 'kind', 'focalName', 'focalTitle', 'email', 'phone', 'address'] as const;
  const rows = groups.flatMap((g) =>
    g.units.map((x) => ({
      site: siteName(g.site, lang),
      cells: [
        siteName(g.site, lang),
        g.site.code,
        x.unit.name_vi,
        x.unit.name_en,
        x.path.at(-1) ?? '',
        t(lang, `kind.${x.unit.kind}`),
        x.unit.focal_name,
        x.unit.focal_title,
        x.unit.email,
        phoneForPeople(x.unit.phone),
        x.unit.address,
      ],
    })),
  );
  rows.sort((a, b) => compareText('vi', a.site, b.site) || compareText('vi', a.cells[2]!, b.cells[2]!));
  const lines = [header.map((h) => csvField(t(lang, `csv.${h}`))).join(','), ...rows.map((r) => r.cells.map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
