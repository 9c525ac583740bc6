/**
 * Use cases of sites: create and change the portal and its component sites. Every write
 * runs in one transaction and tells the site directory to reload.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import type { SiteRow } from '../../platform/db/schema.ts';
import { Conflict, Invalid, NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import { isEmail, isHexColour, isHostName, isSiteCode } from '../../platform/validation.ts';
import * as repo from './sites.repo.ts';
import { ALL_SITES, announceChange } from '../../platform/cache/page-cache.ts';
import { SITE_KINDS, SITE_STATUSES, type SiteInput } from './sites.schema.ts';

function validate(input: SiteInput, parent: SiteRow | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isSiteCode(input.code)) {
    problems.push({ field: 'code', message: 'Mã trang chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 50 ký tự).' });
  }
  if (!SITE_KINDS.includes(input.kind)) problems.push({ field: 'kind', message: 'Loại trang không hợp lệ.' });
  if (input.status && !SITE_STATUSES.includes(input.status)) problems.push({ field: 'status', message: 'Trạng thái không hợp lệ.' });
  if (!cleanText(input.nameVi)) problems.push({ field: 'nameVi', message: 'Cần nhập tên tiếng Việt.' });
  if (!cleanText(input.nameEn)) problems.push({ field: 'nameEn', message: 'Cần nhập tên tiếng Anh.' });
  if (input.kind !== 'portal' && !input.parentCode) {
    problems.push({ field: 'parentCode', message: 'Trang thành phần phải thuộc một cổng thông tin.' });
  }
  if (input.parentCode && parent?.kind !== 'portal') {
    problems.push({ field: 'parentCode', message: `Không có cổng thông tin mã "${input.parentCode}".` });
  }
  for (const host of input.hosts ?? []) {
    if (!isHostName(host)) problems.push({ field: 'hosts', message: `Tên miền "${host}" không hợp lệ.` });
  }
  if (input.themeColor && !isHexColour(input.themeColor)) {
    problems.push({ field: 'themeColor', message: 'Màu chủ đạo phải có dạng #rrggbb.' });
  }
  if (input.email && !isEmail(input.email)) problems.push({ field: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' });
  return problems;
}

export type SiteInputArg = SiteInput;

/** Creates a site with its host names; refuses duplicates with a Conflict naming the field. */
export async function createSite(db: Db, input: SiteInput): Promise<SiteRow> {
  return withTx(db, async (tx) => {
    const parent = input.parentCode ? await repo.findSiteByCode(tx, input.parentCode) : undefined;
    const problems = validate(input, parent);
    if (problems.length > 0) throw new Invalid('site.invalid', problems.map((p) => p.message).join(' '), { details: problems });
    if (await repo.findSiteByCode(tx, input.code)) {
      throw new Conflict('site.code_taken', `Mã trang "${input.code}" đã được dùng.`, {
        details: [{ field: 'code', message: `Mã trang "${input.code}" đã được dùng.` }],
      });
    }
    const hosts = [...new Set((input.hosts ?? []).map((h) => h.toLowerCase()))];
    const taken = await repo.hostsTakenByOthers(tx, hosts, null);
    if (taken.length > 0) {
      throw new Conflict('site.host_taken', `Tên miền đã thuộc trang khác: ${taken.join(', ')}.`, {
        details: [{ field: 'hosts', message: `Tên miền đã thuộc trang khác: ${taken.join(', ')}.` }],
      });
    }
    const site = await repo.insertSite(tx, {
      code: input.code,
      kind: input.kind,
      parent_id: parent?.id ?? null,
      name_vi: cleanText(input.nameVi),
      name_en: cleanText(input.nameEn),
      owner_name_vi: cleanText(input.ownerNameVi ?? ''),
      owner_name_en: cleanText(input.ownerNameEn ?? ''),
      address: cleanText(input.address ?? ''),
      phone: cleanText(input.phone ?? ''),
      fax: cleanText(input.fax ?? ''),
      email: cleanText(input.email ?? '').toLowerCase(),
      responsible_person: cleanText(input.responsiblePerson ?? ''),
      logo_url: input.logoUrl ?? null,
      theme_color: (input.themeColor ?? '#a3161a').toLowerCase(),
      status: input.status ?? 'active',
      is_demo: input.demo ?? false,
    });
    await repo.replaceSiteHosts(tx, site.id, hosts);
    await announceChange(tx, ALL_SITES);
    return site;
  });
}

/** Changes a site's status (active, maintenance, disabled). */
export async function setSiteStatus(db: Db, code: string, status: SiteRow['status']): Promise<SiteRow> {
  if (!SITE_STATUSES.includes(status)) throw new Invalid('site.invalid_status', 'Trạng thái không hợp lệ.');
  return withTx(db, async (tx) => {
    const site = await repo.findSiteByCode(tx, code);
    if (!site) throw new NotFound('site.not_found', `Không có trang mã "${code}".`);
    const updated = (await repo.updateSiteRow(tx, site.id, { status }))!;
    await announceChange(tx, ALL_SITES);
    return updated;
  });
}

export function listSites(db: Db): Promise<repo.SiteWithHosts[]> {
  return repo.listSitesWithHosts(db);
}

export function countSites(db: Db): Promise<number> {
  return repo.countSites(db);
}
