/**
 * The units of a site's organisation (CONT-12): created, changed, moved and retired by the site's
 * operator (`site.identity`, checked here on the unit's own site), each change audited in its
 * transaction and shown at once (nothing is cached). The tree has no cycles: a unit cannot be
 * placed under itself or one of its descendants, nor under a unit of another site.
 */
import { withTx, type Db, type DbOrTx, type Tx } from '../../platform/db/create-db.ts';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { cleanText } from '../../platform/text/index.ts';
import { normaliseEmail, normalisePhone } from '../../platform/validation.ts';
import { authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import * as repo from './directory.repo.ts';
import { UNIT_KINDS, type UnitKind } from './directory.schema.ts';
import { t } from './messages.ts';

export type { UnitRow } from './directory.repo.ts';

/** What a form, the CLI or a test gives for a unit (text as typed). */
export interface UnitInput {
  nameVi: string;
  nameEn?: string;
  kind: unknown;
  /** The unit above ('' or null: the top level of the site). */
  parentId?: string | number | null;
  focalName?: string;
  focalTitle?: string;
  email?: string;
  phone?: string;
  address?: string;
  position?: number | undefined;
}

/** Called inside the transaction of every change (the search index). */
export type UnitChangedHook = (tx: Tx, unit: repo.UnitRow) => Promise<void>;

const LIMITS = { focalName: 200, focalTitle: 200, address: 500 } as const;

export class DirectoryService {
  readonly #db: Db;
  readonly #changed: UnitChangedHook | undefined;

  constructor(db: Db, changed?: UnitChangedHook) {
    this.#db = db;
    this.#changed = changed;
  }

  /** Units of the sites (all sites: 'all'), retired ones only when asked. */
  list(siteIds: readonly number[] | 'all', includeRetired = false): Promise<repo.UnitRow[]> {
    return repo.units(this.#db, siteIds, includeRetired);
  }

  byId(id: number): Promise<repo.UnitRow | undefined> {
    return repo.unitById(this.#db, id);
  }

  /** One unit of a site that is in use (grants and agencies must name one of their own site). */
  async activeUnitOf(siteId: number, id: number, db: DbOrTx = this.#db): Promise<repo.UnitRow | undefined> {
    const u = await repo.unitById(db, id);
    return u && u.site_id === siteId && !u.retired ? u : undefined;
  }

  /** The units of these names on a site, created when missing (demo seeds, agencies named in tests). */
  ensureUnits(siteId: number, names: readonly string[], db: DbOrTx = this.#db): Promise<repo.UnitRow[]> {
    const clean = [...new Set(names.map((n) => cleanText(n).replace(/\s+/g, ' ').slice(0, 200)).filter(Boolean))];
    return repo.ensureUnits(db, siteId, clean);
  }

  hasFocalPerson(siteId: number): Promise<boolean> {
    return repo.hasFocalPerson(this.#db, siteId);
  }

  async create(actor: Actor, siteId: number, input: UnitInput, lang: Lang = 'vi'): Promise<repo.UnitRow> {
    authorize(actor, 'site.identity', siteId);
    const v = validate(input, lang);
    return withTx(this.#db, async (tx) => {
      const parentId = await this.#parent(tx, siteId, v.parentId, undefined, lang);
      if (await repo.nameTaken(tx, siteId, v.nameVi)) throw duplicate(lang);
      const position = v.position ?? (await repo.nextPosition(tx, siteId, parentId));
      const { parentId: _p, position: _pos, ...fields } = v;
      const row = await repo.insertUnit(tx, { site_id: siteId, parent_id: parentId, position, ...columns(fields) });
      await audited(tx, actor, 'directory_unit.created', { type: 'directory_unit', id: row.id, siteId }, snapshot(row));
      await this.#changed?.(tx, row);
      return row;
    });
  }

  /** Changes a unit, moving it when its parent changes; authorised on the unit's own site. */
  async update(actor: Actor, id: number, input: UnitInput, lang: Lang = 'vi'): Promise<repo.UnitRow> {
    const before = await repo.unitById(this.#db, id);
    if (!before) throw new NotFound('directory.unit_not_found', t(lang, 'error.notFound'));
    authorize(actor, 'site.identity', before.site_id);
    const v = validate(input, lang);
    return withTx(this.#db, async (tx) => {
      const parentId = await this.#parent(tx, before.site_id, v.parentId, id, lang);
      if (await repo.nameTaken(tx, before.site_id, v.nameVi, id)) throw duplicate(lang);
      const position = v.position ?? (parentId === before.parent_id ? before.position : await repo.nextPosition(tx, before.site_id, parentId));
      const { parentId: _p, position: _pos, ...fields } = v;
      const row = await repo.updateUnit(tx, id, { parent_id: parentId, position, ...columns(fields) });
      const changes = changed(snapshot(before), snapshot(row));
      await audited(
        tx,
        actor,
        parentId === before.parent_id ? 'directory_unit.updated' : 'directory_unit.moved',
        { type: 'directory_unit', id, siteId: row.site_id },
        {
          name: row.name_vi,
          changes,
        },
      );
      await this.#changed?.(tx, row);
      return row;
    });
  }

  /** Retires a unit (kept for the grants and requests that name it) or makes it active again. */
  async setRetired(actor: Actor, id: number, retired: boolean, lang: Lang = 'vi'): Promise<repo.UnitRow> {
    const before = await repo.unitById(this.#db, id);
    if (!before) throw new NotFound('directory.unit_not_found', t(lang, 'error.notFound'));
    authorize(actor, 'site.identity', before.site_id);
    return withTx(this.#db, async (tx) => {
      const all = await repo.units(tx, [before.site_id], false);
      if (retired && all.some((u) => u.parent_id === id)) throw new Conflict('directory.active_children', t(lang, 'error.activeChildren'));
      if (!retired && before.parent_id !== null && !all.some((u) => u.id === before.parent_id))
        throw new Conflict('directory.parent_retired', t(lang, 'error.retired'));
      const row = await repo.updateUnit(tx, id, { retired });
      await audited(
        tx,
        actor,
        retired ? 'directory_unit.retired' : 'directory_unit.restored',
        { type: 'directory_unit', id, siteId: row.site_id },
        { name: row.name_vi },
      );
      await this.#changed?.(tx, row);
      return row;
    });
  }

  /** The parent asked for: a unit of the same site, in use, and not the unit itself or below it. */
  async #parent(tx: DbOrTx, siteId: number, parentId: number | null, self: number | undefined, lang: Lang): Promise<number | null> {
    if (parentId === null) return null;
    const all = await repo.units(tx, [siteId], true);
    const byId = new Map(all.map((u) => [u.id, u]));
    const parent = byId.get(parentId);
    if (!parent || parent.retired) throw fieldProblem('directory.bad_parent', 'parentId', t(lang, 'error.parent'));
    // Walking up from the new parent must never reach the unit itself.
    const seen = new Set<number>();
    for (let at: repo.UnitRow | undefined = parent; at; at = at.parent_id === null ? undefined : byId.get(at.parent_id)) {
      if (at.id === self || seen.has(at.id)) throw fieldProblem('directory.cycle', 'parentId', t(lang, 'error.cycle'));
      seen.add(at.id);
    }
    return parentId;
  }
}

interface Valid {
  nameVi: string;
  nameEn: string;
  kind: UnitKind;
  parentId: number | null;
  focalName: string;
  focalTitle: string;
  email: string;
  phone: string;
  address: string;
  position: number | undefined;
}

function fieldProblem(code: string, field: string, message: string): Invalid {
  return new Invalid(code, message, { details: [{ field, message }] });
}

function duplicate(lang: Lang): Conflict {
  return new Conflict('directory.duplicate', t(lang, 'error.duplicate'), { details: [{ field: 'nameVi', message: t(lang, 'error.duplicate') }] });
}

/** Checks every field at once and reports each problem on its field. */
export function validate(input: UnitInput, lang: Lang): Valid {
  const problems: { field: string; message: string }[] = [];
  const text = (v: unknown) => cleanText(typeof v === 'string' ? v : '').replace(/\s+/g, ' ');
  const nameVi = text(input.nameVi);
  const nameEn = text(input.nameEn);
  if (nameVi.length < 1 || nameVi.length > 200) problems.push({ field: 'nameVi', message: t(lang, 'error.name') });
  if (nameEn.length > 200) problems.push({ field: 'nameEn', message: t(lang, 'error.nameEn') });
  const kind = typeof input.kind === 'string' && (UNIT_KINDS as readonly string[]).includes(input.kind) ? (input.kind as UnitKind) : undefined;
  if (!kind) problems.push({ field: 'kind', message: t(lang, 'error.kind') });
  const rawParent = input.parentId === null || input.parentId === undefined ? '' : String(input.parentId).trim();
  let parentId: number | null = null;
  if (rawParent !== '') {
    if (/^[1-9]\d{0,12}$/.test(rawParent)) parentId = Number(rawParent);
    else problems.push({ field: 'parentId', message: t(lang, 'error.parent') });
  }
  const short: Record<keyof typeof LIMITS, string> = { focalName: text(input.focalName), focalTitle: text(input.focalTitle), address: text(input.address) };
  for (const [field, max] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
    if (short[field].length > max) problems.push({ field, message: t(lang, 'error.text', { max }) });
  }
  const emailText = text(input.email);
  const email = emailText === '' ? '' : normaliseEmail(emailText);
  if (email === undefined) problems.push({ field: 'email', message: t(lang, 'error.email') });
  const phoneText = text(input.phone);
  const phone = phoneText === '' ? '' : normalisePhone(phoneText);
  if (phone === undefined) problems.push({ field: 'phone', message: t(lang, 'error.phone') });
  const position = input.position === undefined || input.position === null ? undefined : Number(input.position);
  if (position !== undefined && !(Number.isInteger(position) && position >= 0 && position <= 9999))
    problems.push({ field: 'position', message: t(lang, 'error.text', { max: 9999 }) });
  if (problems.length) throw new Invalid('directory.invalid', problems.map((p) => p.message).join(' '), { details: problems });
  return { nameVi, nameEn, kind: kind!, parentId, ...short, email: email!, phone: phone!, position };
}

function columns(v: Omit<Valid, 'parentId' | 'position'>) {
  return {
    name_vi: v.nameVi,
    name_en: v.nameEn,
    kind: v.kind,
    focal_name: v.focalName,
    focal_title: v.focalTitle,
    email: v.email,
    phone: v.phone,
    address: v.address,
  };
}

function snapshot(u: repo.UnitRow): Record<string, unknown> {
  return {
    name: u.name_vi,
    nameEn: u.name_en,
    kind: u.kind,
    parentId: u.parent_id,
    focalName: u.focal_name,
    focalTitle: u.focal_title,
    email: u.email,
    phone: u.phone,
    address: u.address,
    position: u.position,
  };
}

function changed(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) out[k] = { from: before[k], to: v };
  return out;
}
