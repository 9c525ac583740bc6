/**
 * What makes a site's details acceptable: the checks of sites.service.ts, each problem named by
 * the field it belongs to, in the language of the person who typed it. Problems found by reading
 * the database (a code or host name already taken, a parent that would make a cycle) are found
 * by the service, inside its transaction, with the lookups it passes here.
 */
import type { FieldProblem } from '../../platform/http/errors.ts';
import { LANGS, type Lang } from '../../platform/i18n/index.ts';
import { cleanText } from '../../platform/text/index.ts';
import { isEmail, isHexColour, isHostName, isPhone, isSiteCode } from '../../platform/validation.ts';
import { SITE_KINDS, type SiteInput } from './sites.schema.ts';
import { keepsContrast, worstContrast } from './theme.ts';
import { t } from './messages.ts';

/**
 * Codes a site may not have: they are path segments or sub-domains the platform itself uses or
 * that people would mistake for it (`/s/<code>`, `<code>.<base domain>`).
 */
export const RESERVED_CODES: ReadonlySet<string> = new Set([
  'www',
  'api',
  'static',
  'media',
  'quan-tri',
  'admin',
  'english',
  'healthz',
  'readyz',
  'well-known',
  'mail',
  'smtp',
  'imap',
  'pop',
  'ftp',
  'ns1',
  'ns2',
  'localhost',
  'cong',
  'portal',
  'assets',
  'cdn',
]);

const NAME_MAX = 300;

export function normaliseHosts(hosts: readonly string[]): string[] {
  return [...new Set(hosts.map((h) => h.trim().toLowerCase().replace(/\.$/, '')).filter(Boolean))];
}

/** Problems of a site's code, as given for a new site. */
export function codeProblems(code: string, lang: Lang): FieldProblem[] {
  if (!isSiteCode(code)) return [{ field: 'code', message: t(lang, 'rule.codeFormat') }];
  if (RESERVED_CODES.has(code)) return [{ field: 'code', message: t(lang, 'rule.codeReserved', { code }) }];
  return [];
}

/** Problems of the details that need no look-up (every field but the code and the parent's existence). */
export function detailProblems(input: Partial<SiteInput>, lang: Lang, baseDomain: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (input.kind !== undefined && !SITE_KINDS.includes(input.kind)) add('kind', t(lang, 'rule.kind'));
  if (input.nameVi !== undefined && !cleanText(input.nameVi)) add('nameVi', t(lang, 'rule.nameVi'));
  if (input.nameEn !== undefined && !cleanText(input.nameEn)) add('nameEn', t(lang, 'rule.nameEn'));
  for (const field of ['nameVi', 'nameEn', 'ownerNameVi', 'ownerNameEn', 'responsiblePerson'] as const) {
    if ((input[field]?.length ?? 0) > NAME_MAX) add(field, t(lang, 'rule.tooLong', { max: NAME_MAX }));
  }
  if ((input.address?.length ?? 0) > 500) add('address', t(lang, 'rule.tooLong', { max: 500 }));
  for (const host of input.hosts ?? []) {
    // A site's own host name is a public DNS name: at least one dot ("intranet" alone is refused).
    if (!isHostName(host) || !host.includes('.')) add('hosts', t(lang, 'rule.hostInvalid', { host }));
    else if (host === baseDomain || host.endsWith(`.${baseDomain}`)) add('hosts', t(lang, 'rule.hostUnderBase', { host, base: baseDomain }));
  }
  if (input.themeColor !== undefined) {
    const colour = input.themeColor.toLowerCase();
    if (!isHexColour(colour)) add('themeColor', t(lang, 'rule.themeFormat'));
    else if (!keepsContrast(colour)) add('themeColor', t(lang, 'rule.themeContrast', { colour, ratio: formatRatio(worstContrast(colour), lang) }));
  }
  if (input.email && !isEmail(input.email)) add('email', t(lang, 'rule.email'));
  if (input.phone && !isPhone(input.phone)) add('phone', t(lang, 'rule.phone', { value: input.phone }));
  if (input.fax && !isPhone(input.fax)) add('fax', t(lang, 'rule.fax', { value: input.fax }));
  if (input.languages !== undefined) {
    const unknown = input.languages.filter((l) => !(LANGS as readonly string[]).includes(l));
    if (unknown.length) add('languages', t(lang, 'rule.languages', { langs: unknown.join(', ') }));
  }
  return problems;
}

/** "4.5" / "4,5". */
export function formatRatio(ratio: number, lang: Lang): string {
  const text = (Math.floor(ratio * 100) / 100).toFixed(2).replace(/0$/, '');
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** The languages a site offers: Vietnamese first, then those asked for, once each. */
export function languagesOf(extra: readonly string[]): string[] {
  return ['vi', ...new Set(extra.filter((l) => l !== 'vi'))];
}
