/**
 * Seeds the demo portal and its component sites: sites, menus, fixed pages, and the
 * portal's operating rules (the text of the source regulations shipped with the product),
 * the demo accounts, content and citizens' requests.
 * Idempotent: a site whose code exists is left alone, so `seed-demo` can run again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../../platform/views/html.ts';
import type { Modules } from '../../modules.ts';
import { demoAccounts, demoSites } from './demo-data.ts';
import { demoRegulations } from './regulations/index.ts';
import { seedDemoContent } from '../content/demo.seed.ts';
import { seedDemoInquiries } from '../inquiries/demo.seed.ts';

const REGULATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'regulations');
/** The portal's "operating rules" page is built from this regulation (Hà Nội QĐ 4263/QĐ-UBND 2025). */
const PORTAL_RULES_FILE = '004_8db342e135ec405a.txt';

export interface SeedReport {
  created: string[];
  skipped: string[];
  /** E-mails of the demo accounts created. */
  accounts: string[];
  /** Content items created. */
  items: number;
  /** Citizens' requests created. */
  inquiries: number;
}

export async function seedDemo(
  modules: Pick<Modules, 'db' | 'sites' | 'menus' | 'pages' | 'accounts' | 'content' | 'calendar' | 'inquiries'>,
): Promise<SeedReport> {
  const report: SeedReport = { created: [], skipped: [], accounts: [], items: 0, inquiries: 0 };
  const existing = new Set((await modules.sites.listSites()).map((s) => s.code));
  for (const demo of demoSites) {
    if (existing.has(demo.site.code)) {
      report.skipped.push(demo.site.code);
      continue;
    }
    const site = await modules.sites.createSite({ ...demo.site, demo: true });
    await modules.menus.menus.replace(site.id, 'vi', demo.menus.vi);
    await modules.menus.menus.replace(site.id, 'en', demo.menus.en);
    for (const page of demo.pages) await modules.pages.savePage(site.id, page);
    if (demo.site.kind === 'portal') await seedRules(modules, site.id);
    report.created.push(demo.site.code);
  }
  const sites = await modules.sites.listSites();
  report.accounts = await modules.accounts.seedDemoAccounts(demoAccounts, (code) => sites.find((s) => s.code === code)?.id);
  const accountIds = new Map((await modules.accounts.demoAccountIds(demoAccounts.map((a) => a.email))).map((a) => [a.email, a.id]));
  const siteIds = new Map(sites.map((s) => [s.code, s.id]));
  report.items = await seedDemoContent(modules.content, siteIds, accountIds);
  report.inquiries = await seedDemoInquiries(modules, siteIds, accountIds);
  return report;
}

async function seedRules(modules: Pick<Modules, 'pages'>, siteId: number): Promise<void> {
  const meta = demoRegulations.find((r) => r.file === PORTAL_RULES_FILE);
  if (!meta) return;
  const text = fs.readFileSync(path.join(REGULATIONS_DIR, meta.file), 'utf8');
  await modules.pages.savePage(siteId, {
    lang: 'vi',
    slug: 'quy-che-hoat-dong',
    title: meta.titleVi,
    summary: `${meta.number} của ${meta.issuer}, ban hành ngày ${meta.issuedOn.split('-').reverse().join('/')}. Văn bản đăng toàn văn để minh họa.`,
    bodyHtml: textToHtml(text),
  });
  await modules.pages.savePage(siteId, {
    lang: 'en',
    slug: 'quy-che-hoat-dong',
    title: meta.titleEn,
    summary: `${meta.number}, issued on ${meta.issuedOn.split('-').reverse().join('/')}. The full Vietnamese text follows (demo content).`,
    bodyHtml: `<p lang="vi">${escapeHtml(meta.titleVi)}</p>${textToHtml(text).replaceAll('<p>', '<p lang="vi">')}`,
  });
}

/** Plain regulation text to paragraphs, with "Chương"/"Điều" lines as headings. */
export function textToHtml(text: string): string {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.replace(/\*\*/g, '').trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const safe = escapeHtml(line);
      if (/^Chương\s+[IVXLC\d]+/i.test(line)) return `<h2>${safe}</h2>`;
      if (/^Điều\s+\d+/.test(line)) return `<h3>${safe}</h3>`;
      return `<p>${safe}</p>`;
    })
    .join('\n');
}
