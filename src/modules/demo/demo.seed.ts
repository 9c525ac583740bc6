/**
 * The demo portal and its component sites: sites, menus, fixed pages, and the portal's
 * operating rules (the text of the source regulations shipped with the product). The demo
 * accounts, content and requests are the seeds of their own modules.
 * Idempotent: a site whose code exists is left alone, so `seed-demo` can run again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../../platform/views/html.ts';
import type { MenusModule } from '../menus/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { SitesModule } from '../sites/index.ts';
import { demoSites } from './demo-data.ts';
import { demoRegulations } from './regulations/index.ts';

const REGULATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'regulations');

/** The text of a regulation shipped as demo content. */
export function regulationText(file: string): string {
  return fs.readFileSync(path.join(REGULATIONS_DIR, file), 'utf8');
}
/** The portal's "operating rules" page is built from this regulation (Hà Nội QĐ 4263/QĐ-UBND 2025). */
const PORTAL_RULES_FILE = '004_8db342e135ec405a.txt';

/** Creates the demo sites that do not exist yet, with their menus and fixed pages. */
export async function seedDemoSites(deps: DemoDeps): Promise<{ created: string[]; skipped: string[] }> {
  const report = { created: [] as string[], skipped: [] as string[] };
  const existing = new Set((await deps.sites.listSites()).map((s) => s.code));
  for (const demo of demoSites) {
    if (existing.has(demo.site.code)) {
      report.skipped.push(demo.site.code);
      continue;
    }
    const site = await deps.sites.createSite({ ...demo.site, demo: true });
    await deps.menus.menus.replace(site.id, 'vi', demo.menus.vi);
    await deps.menus.menus.replace(site.id, 'en', demo.menus.en);
    for (const page of demo.pages) await deps.pages.savePage(site.id, page);
    if (demo.site.kind === 'portal') await seedRules(deps, site.id);
    report.created.push(demo.site.code);
  }
  return report;
}

export interface DemoDeps {
  sites: SitesModule;
  menus: Pick<MenusModule, 'menus'>;
  pages: Pick<PagesModule, 'savePage'>;
}

async function seedRules(deps: Pick<DemoDeps, 'pages'>, siteId: number): Promise<void> {
  const meta = demoRegulations.find((r) => r.file === PORTAL_RULES_FILE);
  if (!meta) return;
  const text = regulationText(meta.file);
  await deps.pages.savePage(siteId, {
    lang: 'vi',
    slug: 'quy-che-hoat-dong',
    title: meta.titleVi,
    summary: `${meta.number} của ${meta.issuer}, ban hành ngày ${meta.issuedOn.split('-').reverse().join('/')}. Văn bản đăng toàn văn để minh họa.`,
    bodyHtml: textToHtml(text),
  });
  await deps.pages.savePage(siteId, {
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
