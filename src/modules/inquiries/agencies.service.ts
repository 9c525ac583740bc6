/**
 * The agencies a site forwards requests to, and the site's answer-review setting. Each agency is
 * a unit of the site's directory; a responder granted that unit ("agency responder" of it) sees
 * the agency's requests.
 */
import { withTx, type Db, type DbOrTx } from '../../platform/db/create-db.ts';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import { authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import * as repo from './inquiries.repo.ts';

/** The sites' directory units (the directory module's service). */
export interface AgencyUnits {
  activeUnitOf(siteId: number, id: number, db?: DbOrTx): Promise<{ id: number; name_vi: string } | undefined>;
  ensureUnits(siteId: number, names: readonly string[], db?: DbOrTx): Promise<{ id: number; name_vi: string }[]>;
}

export class AgencyService {
  readonly #db: Db;
  readonly #units: AgencyUnits;

  constructor(db: Db, units: AgencyUnits) {
    this.#db = db;
    this.#units = units;
  }

  list(siteId: number, activeOnly = true): Promise<repo.AgencyRow[]> {
    return repo.agencies(this.#db, siteId, activeOnly);
  }

  answerReview(siteId: number): Promise<boolean> {
    return repo.answerReview(this.#db, siteId);
  }

  /**
   * Makes a unit of the site's directory an answering agency: the unit chosen (`unitId`, the
   * administration's way), or the unit of that name, created in the directory when missing
   * (`name`: scripts and tests).
   */
  async add(actor: Actor, siteId: number, input: { unitId?: unknown; name?: unknown; hotlineDefault?: boolean }): Promise<repo.AgencyRow> {
    authorize(actor, 'site.settings', siteId);
    const rawId = typeof input.unitId === 'number' ? String(input.unitId) : typeof input.unitId === 'string' ? input.unitId.trim() : '';
    const name = cleanText(typeof input.name === 'string' ? input.name : '').replace(/\s+/g, ' ');
    if (rawId === '' && (name.length < 2 || name.length > 200))
      throw new Invalid('agency.unit', 'Hãy chọn một đơn vị của trang.', { details: [{ field: 'unitId', message: 'Hãy chọn một đơn vị của trang.' }] });
    return withTx(this.#db, async (tx) => {
      const unit =
        rawId !== ''
          ? /^[1-9]\d{0,12}$/.test(rawId)
            ? await this.#units.activeUnitOf(siteId, Number(rawId), tx)
            : undefined
          : (await this.#units.ensureUnits(siteId, [name], tx))[0];
      if (!unit)
        throw new Invalid('agency.unit', 'Đơn vị này không thuộc danh bạ của trang.', {
          details: [{ field: 'unitId', message: 'Đơn vị này không thuộc danh bạ của trang.' }],
        });
      if (input.hotlineDefault) await repo.clearHotlineDefault(tx, siteId);
      const row = await repo.insertAgency(tx, { site_id: siteId, unit_id: unit.id, hotline_default: Boolean(input.hotlineDefault) });
      if (!row) throw new Conflict('agency.exists', 'Trang đã có cơ quan này.', { details: [{ field: 'unitId', message: 'Trang đã có cơ quan này.' }] });
      await audited(
        tx,
        actor,
        'inquiry_agency.added',
        { type: 'inquiry_agency', id: row.id, siteId },
        { unitId: unit.id, name: unit.name_vi, hotlineDefault: Boolean(input.hotlineDefault) },
      );
      return row;
    });
  }

  async update(actor: Actor, siteId: number, id: number, input: { active?: boolean; hotlineDefault?: boolean }): Promise<void> {
    authorize(actor, 'site.settings', siteId);
    const row = await repo.agencyById(this.#db, id);
    if (!row || row.site_id !== siteId) throw new NotFound('agency.not_found', 'Không có cơ quan này.');
    await withTx(this.#db, async (tx) => {
      if (input.hotlineDefault) await repo.clearHotlineDefault(tx, siteId);
      await repo.updateAgency(tx, id, {
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.hotlineDefault !== undefined ? { hotline_default: input.hotlineDefault } : {}),
      });
      await audited(tx, actor, 'inquiry_agency.updated', { type: 'inquiry_agency', id, siteId }, { name: row.name, ...input });
    });
  }

  async setAnswerReview(actor: Actor, siteId: number, value: boolean): Promise<void> {
    authorize(actor, 'site.settings', siteId);
    await withTx(this.#db, async (tx) => {
      await repo.setAnswerReview(tx, siteId, value);
      await audited(tx, actor, 'inquiry_settings.updated', { type: 'site', id: siteId, siteId }, { answerReview: value });
    });
  }

  /** For the demo seeder (no actor: the seed acts as the system): the units of these names become agencies. */
  async seed(siteId: number, names: readonly string[], hotlineDefault: string | undefined): Promise<repo.AgencyRow[]> {
    return withTx(this.#db, async (tx) => {
      const units = await this.#units.ensureUnits(siteId, names, tx);
      const out: repo.AgencyRow[] = [];
      let position = 0;
      for (const name of names) {
        const unit = units.find((u) => u.name_vi.toLowerCase() === name.toLowerCase());
        if (!unit) continue;
        const row = await repo.insertAgency(tx, { site_id: siteId, unit_id: unit.id, hotline_default: name === hotlineDefault, position: position++ });
        if (row) out.push(row);
      }
      return out;
    });
  }
}
