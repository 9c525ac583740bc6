/**
 * Use cases of sites: create, change, close and import the portal and its component sites. Each
 * authorises first, checks everything (problems named by field), then writes in one transaction
 * that also runs the skeleton hooks, writes the audit entry and announces the change to every
 * process (the site directory's channel and the page cache's).
 */
import { withTx, type Db, type Tx } from '../../platform/db/create-db.ts';
import type { SiteRow, SiteUpdate } from '../../platform/db/schema.ts';
import { Conflict, Invalid, NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { LANGS } from '../../platform/i18n/index.ts';
import { ALL_SITES, announceChange } from '../../platform/cache/page-cache.ts';
import { cleanText } from '../../platform/text/index.ts';
import { normaliseEmail } from '../../platform/validation.ts';
import { authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import * as repo from './sites.repo.ts';
import { announceSitesChange } from './site-directory.ts';
import { codeProblems, detailProblems, languagesOf, normaliseHosts } from './site-rules.ts';
import { parseSitesCsv, type LineRefusal } from './site-csv.ts';
import { checklistOf, type SiteCheck } from './site-checklist.ts';
import { SITE_STATUSES, type IdentityChanges, type SiteChanges, type SiteInput, type SiteStatusCode } from './sites.schema.ts';
import { DEFAULT_THEME_COLOUR } from './theme.ts';
import { t } from './messages.ts';

/**
 * Runs inside the transaction that creates a site, after its row and host names: the other
 * modules' part of the new site's skeleton (menu, fixed pages, categories, home-page blocks,
 * workflow settings). A hook that throws undoes the whole creation.
 */
export type SiteCreatedHook = (tx: Tx, site: SiteRow) => Promise<void>;

/** An image of the media library, as the logo of a site. */
export interface LogoImage {
  kind: string;
  url: string;
}

export interface SitesDeps {
  db: Db;
  baseDomain: string;
  /** The skeleton's hooks, in the order they were registered. */
  created: readonly SiteCreatedHook[];
  /** The library's file `id` (undefined when there is none). */
  logo: (id: number) => Promise<LogoImage | undefined>;
}

/** What a bulk creation did: every site created, or (nothing created) every line refused and why. */
export type ImportResult = { ok: true; created: SiteRow[] } | { ok: false; refused: LineRefusal[] };

const refuse = (problems: readonly FieldProblem[], lang: Lang) => new Invalid('site.invalid', summary(problems, lang), { details: problems });

function summary(problems: readonly FieldProblem[], lang: Lang): string {
  return `${t(lang, 'rule.invalid')} ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`;
}

// ── Creating ─────────────────────────────────────────────────────────────────────────────

/** Creates a site with its host names and skeleton; refuses bad details (422) and taken codes or hosts (409). */
export async function createSite(deps: SitesDeps, actor: Actor, input: SiteInput, lang: Lang = 'vi'): Promise<SiteRow> {
  authorize(actor, 'sites.manage', null);
  // The library is read before the transaction: on PGlite the transaction holds the one connection.
  const logo = await logoOf(deps, input.logoMediaId, lang);
  const site = await withTx(deps.db, async (tx) => {
    const { problems, conflicts, site } = await tryInsert(deps, tx, actor, input, lang, logo);
    if (problems.length > 0) throw refuse(problems, lang);
    if (conflicts.length > 0)
      throw new Conflict(conflicts[0]!.field === 'code' ? 'site.code_taken' : 'site.host_taken', summary(conflicts, lang), { details: conflicts });
    await announce(tx);
    return site!;
  });
  return site;
}

/**
 * Creates the sites of a CSV file in one transaction: all of them, or — when any line is refused —
 * none, with every refused line and its reasons (lines after a refused one are still checked, so
 * one run names every line to fix).
 */
export async function importSites(deps: SitesDeps, actor: Actor, csvText: string, lang: Lang = 'vi'): Promise<ImportResult> {
  authorize(actor, 'sites.manage', null);
  const parsed = parseSitesCsv(csvText, lang);
  if (parsed.rows.length === 0) return { ok: false, refused: parsed.refused };
  const refused = [...parsed.refused];
  const rollback = new Error('rollback');
  try {
    const created = await withTx(deps.db, async (tx) => {
      const made: SiteRow[] = [];
      for (const row of parsed.rows) {
        const { problems, conflicts, site } = await tryInsert(deps, tx, actor, row.input, lang, NO_LOGO);
        const reasons = [...problems, ...conflicts].map((p) => p.message);
        if (reasons.length > 0) refused.push({ line: row.line, code: row.input.code, reasons });
        else made.push(site!);
      }
      if (refused.length > 0) throw rollback;
      await audited(tx, actor, 'sites.imported', { type: 'site' }, { count: made.length, codes: made.map((s) => s.code) });
      await announce(tx);
      return made;
    });
    return { ok: true, created };
  } catch (err) {
    if (err !== rollback) throw err;
    return { ok: false, refused: refused.sort((a, b) => a.line - b.line) };
  }
}

/**
 * Checks `input` and, when nothing is wrong, inserts the site, its host names and its skeleton,
 * and audits it. Problems are found with reads only, so the transaction stays usable for the
 * next line of an import.
 */
async function tryInsert(
  deps: SitesDeps,
  tx: Tx,
  actor: Actor,
  raw: SiteInput,
  lang: Lang,
  chosen: ChosenLogo,
): Promise<{ problems: FieldProblem[]; conflicts: FieldProblem[]; site: SiteRow | undefined }> {
  const input = tidy(raw);
  const hosts = normaliseHosts(input.hosts ?? []);
  const problems = [...codeProblems(input.code, lang), ...detailProblems({ ...input, hosts }, lang, deps.baseDomain), ...chosen.problems];
  const parent = await parentProblems(tx, input.kind, input.parentCode ?? null, null, lang, problems);
  const logo = chosen.image;
  const conflicts: FieldProblem[] = [];
  if (isCodeShaped(input.code)) {
    if (await repo.findSiteByCode(tx, input.code)) conflicts.push({ field: 'code', message: t(lang, 'rule.codeTaken', { code: input.code }) });
    const implied = `${input.code}.${deps.baseDomain}`;
    const owner = (await repo.hostsTakenByOthers(tx, [implied], null))[0];
    if (owner) conflicts.push({ field: 'code', message: t(lang, 'rule.codeHostTaken', { host: implied, site: owner.code }) });
  }
  const taken = await repo.hostsTakenByOthers(tx, hosts, null);
  if (taken.length > 0) conflicts.push({ field: 'hosts', message: t(lang, 'rule.hostTaken', { hosts: taken.map((h) => h.host).join(', ') }) });
  if (problems.length > 0 || conflicts.length > 0) return { problems, conflicts, site: undefined };

  const site = await repo.insertSite(tx, {
    code: input.code,
    kind: input.kind,
    parent_id: parent?.id ?? null,
    name_vi: input.nameVi,
    name_en: input.nameEn,
    owner_name_vi: input.ownerNameVi ?? '',
    owner_name_en: input.ownerNameEn ?? '',
    address: input.address ?? '',
    phone: input.phone ?? '',
    fax: input.fax ?? '',
    email: input.email ?? '',
    responsible_person: input.responsiblePerson ?? '',
    logo_url: logo ? logo.url : (input.logoUrl ?? null),
    logo_media_id: input.logoMediaId ?? null,
    theme_color: input.themeColor ?? DEFAULT_THEME_COLOUR,
    languages: languagesOf(input.languages ?? LANGS),
    status: input.status ?? 'active',
    is_demo: input.demo ?? false,
  });
  await repo.replaceSiteHosts(tx, site.id, hosts);
  for (const hook of deps.created) await hook(tx, site);
  await audited(
    tx,
    actor,
    'site.created',
    { type: 'site', id: site.id, siteId: site.id },
    { code: site.code, kind: site.kind, parent: input.parentCode ?? null, hosts },
  );
  return { problems: [], conflicts: [], site };
}

// ── Changing ─────────────────────────────────────────────────────────────────────────────

/** A platform administrator changes a site (not its code); host names are replaced when given. */
export async function updateSite(deps: SitesDeps, actor: Actor, code: string, changes: SiteChanges, lang: Lang = 'vi'): Promise<SiteRow> {
  authorize(actor, 'sites.manage', null);
  const chosen = await logoOf(deps, changes.logoMediaId, lang);
  return withTx(deps.db, async (tx) => {
    const site = await lockedSite(tx, code, lang);
    const input = tidy(changes);
    const hosts = input.hosts === undefined ? undefined : normaliseHosts(input.hosts);
    const problems = [...detailProblems({ ...input, ...(hosts ? { hosts } : {}) }, lang, deps.baseDomain), ...chosen.problems];
    const kind = input.kind ?? site.kind;
    const parentChanged = input.parentCode !== undefined || input.kind !== undefined;
    const parent = parentChanged ? await parentProblems(tx, kind, input.parentCode ?? null, site, lang, problems) : undefined;
    const logo = chosen.image;
    if (problems.length > 0) throw refuse(problems, lang);
    if (hosts) {
      const taken = await repo.hostsTakenByOthers(tx, hosts, site.id);
      if (taken.length > 0) {
        const message = t(lang, 'rule.hostTaken', { hosts: taken.map((h) => h.host).join(', ') });
        throw new Conflict('site.host_taken', message, { details: [{ field: 'hosts', message }] });
      }
    }
    const patch: SiteUpdate = {
      ...rowPatch(input, logo),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(parentChanged ? { parent_id: parent?.id ?? null } : {}),
      ...(input.languages !== undefined ? { languages: languagesOf(input.languages) } : {}),
    };
    return saveChanges(tx, actor, site, patch, hosts);
  });
}

/** A site's operator changes its identity, contacts and theme. */
export async function updateIdentity(deps: SitesDeps, actor: Actor, siteId: number, changes: IdentityChanges, lang: Lang = 'vi'): Promise<SiteRow> {
  authorize(actor, 'site.identity', siteId);
  const allowed: IdentityChanges = pick(changes, IDENTITY_FIELDS);
  const chosen = await logoOf(deps, allowed.logoMediaId, lang);
  return withTx(deps.db, async (tx) => {
    const found = await repo.findSiteById(tx, siteId);
    if (!found) throw new NotFound('site.not_found', t(lang, 'rule.notFound', { code: String(siteId) }));
    const site = await lockedSite(tx, found.code, lang);
    const input = tidy(allowed);
    const problems = [...detailProblems(input, lang, deps.baseDomain), ...chosen.problems];
    if (problems.length > 0) throw refuse(problems, lang);
    return saveChanges(tx, actor, site, rowPatch(input, chosen.image), undefined);
  });
}

/** Active, under maintenance or closed. The city's main portal is never closed. */
export async function setSiteStatus(deps: SitesDeps, actor: Actor, code: string, status: SiteStatusCode, lang: Lang = 'vi'): Promise<SiteRow> {
  authorize(actor, 'sites.manage', null);
  if (!SITE_STATUSES.includes(status))
    throw new Invalid('site.invalid_status', t(lang, 'rule.status'), { details: [{ field: 'status', message: t(lang, 'rule.status') }] });
  return withTx(deps.db, async (tx) => {
    const site = await lockedSite(tx, code, lang);
    if (status === 'closed' && site.kind === 'portal' && site.parent_id === null) {
      throw new Invalid('site.portal_not_closable', t(lang, 'rule.closePortal'), { details: [{ field: 'status', message: t(lang, 'rule.closePortal') }] });
    }
    if (site.status === status) return site;
    const updated = (await repo.updateSiteRow(tx, site.id, { status }))!;
    await audited(tx, actor, 'site.status_changed', { type: 'site', id: site.id, siteId: site.id }, { code, from: site.status, to: status });
    await announce(tx);
    return updated;
  });
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────

export function listSites(db: Db): Promise<repo.SiteWithHosts[]> {
  return repo.listSitesWithHosts(db);
}

export function countSites(db: Db): Promise<number> {
  return repo.countSites(db);
}

/** One site with its host names (closed ones too), for the administration. */
export async function siteByCode(db: Db, code: string, lang: Lang = 'vi'): Promise<repo.SiteWithHosts> {
  const site = await repo.findSiteByCode(db, code);
  if (!site) throw new NotFound('site.not_found', t(lang, 'rule.notFound', { code }));
  return { ...site, hosts: await repo.hostsOf(db, site.id) };
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────

const IDENTITY_FIELDS = [
  'nameVi',
  'nameEn',
  'ownerNameVi',
  'ownerNameEn',
  'responsiblePerson',
  'address',
  'phone',
  'fax',
  'email',
  'logoMediaId',
  'themeColor',
] as const satisfies readonly (keyof IdentityChanges)[];

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out: Partial<T> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out as Pick<T, K>;
}

const TEXT_FIELDS = ['nameVi', 'nameEn', 'ownerNameVi', 'ownerNameEn', 'responsiblePerson', 'address', 'phone', 'fax'] as const;

/** Text as it will be stored: NFC, trimmed; e-mail and colour in lower case. */
function tidy<T extends Partial<SiteInput>>(input: T): T {
  const out: T = { ...input };
  for (const f of TEXT_FIELDS) if (typeof out[f] === 'string') (out as Partial<SiteInput>)[f] = cleanText(out[f]);
  if (typeof out.code === 'string') out.code = cleanText(out.code);
  if (typeof out.email === 'string') out.email = normaliseEmail(out.email) ?? cleanText(out.email);
  if (typeof out.themeColor === 'string') out.themeColor = cleanText(out.themeColor).toLowerCase();
  if (typeof out.parentCode === 'string') out.parentCode = cleanText(out.parentCode).toLowerCase() || null;
  return out;
}

function isCodeShaped(code: string): boolean {
  return codeProblems(code, 'vi').length === 0;
}

/** The parent a site of `kind` would have, adding what is wrong with it to `problems`. */
async function parentProblems(
  tx: Tx,
  kind: string,
  parentCode: string | null,
  self: SiteRow | null,
  lang: Lang,
  problems: FieldProblem[],
): Promise<SiteRow | undefined> {
  if (!parentCode) {
    if (kind !== 'portal') problems.push({ field: 'parentCode', message: t(lang, 'rule.parentRequired') });
    return undefined;
  }
  const parent = await repo.findSiteByCode(tx, parentCode);
  if (!parent) {
    problems.push({ field: 'parentCode', message: t(lang, 'rule.parentUnknown', { code: parentCode }) });
    return undefined;
  }
  if (parent.status === 'closed') problems.push({ field: 'parentCode', message: t(lang, 'rule.parentClosed', { code: parentCode }) });
  if (self) {
    // Walk up from the new parent: meeting the site itself would make a cycle.
    const seen = new Set<number>();
    for (let at: SiteRow | undefined = parent; at && !seen.has(at.id); at = at.parent_id === null ? undefined : await repo.findSiteById(tx, at.parent_id)) {
      seen.add(at.id);
      if (at.id === self.id) {
        problems.push({ field: 'parentCode', message: t(lang, 'rule.parentCycle', { code: parentCode }) });
        break;
      }
    }
  }
  return parent;
}

/** The logo asked for: an image (null: none; undefined: unchanged), or what is wrong with it. */
interface ChosenLogo {
  image: LogoImage | null | undefined;
  problems: FieldProblem[];
}

const NO_LOGO: ChosenLogo = { image: undefined, problems: [] };

async function logoOf(deps: SitesDeps, id: number | null | undefined, lang: Lang): Promise<ChosenLogo> {
  if (id === undefined || id === null) return { image: id, problems: [] };
  const image = await deps.logo(id);
  if (!image) return { image: undefined, problems: [{ field: 'logoMediaId', message: t(lang, 'rule.logoMissing', { id }) }] };
  if (image.kind !== 'image') return { image: undefined, problems: [{ field: 'logoMediaId', message: t(lang, 'rule.logoNotImage') }] };
  return { image, problems: [] };
}

function rowPatch(input: Partial<SiteInput>, logo: LogoImage | null | undefined): SiteUpdate {
  const patch: SiteUpdate = {};
  if (input.nameVi !== undefined) patch.name_vi = input.nameVi;
  if (input.nameEn !== undefined) patch.name_en = input.nameEn;
  if (input.ownerNameVi !== undefined) patch.owner_name_vi = input.ownerNameVi;
  if (input.ownerNameEn !== undefined) patch.owner_name_en = input.ownerNameEn;
  if (input.responsiblePerson !== undefined) patch.responsible_person = input.responsiblePerson;
  if (input.address !== undefined) patch.address = input.address;
  if (input.phone !== undefined) patch.phone = input.phone;
  if (input.fax !== undefined) patch.fax = input.fax;
  if (input.email !== undefined) patch.email = input.email;
  if (input.themeColor !== undefined) patch.theme_color = input.themeColor;
  if (logo === null) Object.assign(patch, { logo_media_id: null, logo_url: null });
  else if (logo && input.logoMediaId) Object.assign(patch, { logo_media_id: input.logoMediaId, logo_url: logo.url });
  return patch;
}

/** The site locked for the change (two administrators saving at once are served one after the other). */
async function lockedSite(tx: Tx, code: string, lang: Lang): Promise<SiteRow> {
  const site = await repo.lockSiteByCode(tx, code);
  if (!site) throw new NotFound('site.not_found', t(lang, 'rule.notFound', { code }));
  return site;
}

async function saveChanges(tx: Tx, actor: Actor, site: SiteRow, patch: SiteUpdate, hosts: string[] | undefined): Promise<SiteRow> {
  const changed = (Object.keys(patch) as (keyof SiteUpdate)[]).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(site[k as keyof SiteRow]));
  const before = hosts ? await repo.hostsOf(tx, site.id) : [];
  const hostsChanged = hosts !== undefined && JSON.stringify([...hosts].sort()) !== JSON.stringify([...before].sort());
  if (changed.length === 0 && !hostsChanged) return site;
  const updated = changed.length > 0 ? (await repo.updateSiteRow(tx, site.id, patch))! : site;
  if (hostsChanged) await repo.replaceSiteHosts(tx, site.id, hosts);
  await audited(
    tx,
    actor,
    'site.updated',
    { type: 'site', id: site.id, siteId: site.id },
    {
      code: site.code,
      fields: [...changed, ...(hostsChanged ? ['hosts'] : [])],
      ...(hostsChanged ? { hosts } : {}),
    },
  );
  await announce(tx);
  return updated;
}

/** Every process reloads its sites and forgets the pages it cached (after commit). */
async function announce(tx: Tx): Promise<void> {
  await announceSitesChange(tx);
  await announceChange(tx, ALL_SITES);
}

// ── Bound for the routes, the CLI and other modules ──────────────────────────────────────

/**
 * The use cases with their dependencies bound; `changed` runs after each committed change (the
 * site directory of this process forgets its sites at once, before other processes' notices).
 */
export function sitesUseCases(deps: SitesDeps, after: { changed(): void; checks: readonly SiteCheck[] }) {
  const then = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    after.changed();
    return result;
  };
  return {
    create: (actor: Actor, input: SiteInput, lang?: Lang) => then(createSite(deps, actor, input, lang)),
    update: (actor: Actor, code: string, changes: SiteChanges, lang?: Lang) => then(updateSite(deps, actor, code, changes, lang)),
    updateIdentity: (actor: Actor, siteId: number, changes: IdentityChanges, lang?: Lang) => then(updateIdentity(deps, actor, siteId, changes, lang)),
    setStatus: (actor: Actor, code: string, status: SiteStatusCode, lang?: Lang) => then(setSiteStatus(deps, actor, code, status, lang)),
    importCsv: (actor: Actor, csvText: string, lang?: Lang) => then(importSites(deps, actor, csvText, lang)),
    list: () => listSites(deps.db),
    byCode: (code: string, lang?: Lang) => siteByCode(deps.db, code, lang),
    byId: (id: number) => repo.findSiteById(deps.db, id),
    /** What the regulations require `site` to show that is still empty. */
    checklist: (site: SiteRow, lang: Lang) => checklistOf(after.checks, site, lang),
  };
}

export type SitesUseCases = ReturnType<typeof sitesUseCases>;
