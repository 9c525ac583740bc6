/**
 * The agencies a site forwards requests to, and the site's answer-review setting. An agency's
 * name is the unit named in its responders' grants ("agency responder" of that unit), which is
 * how a responder sees only their own agency's requests.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import { authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import * as repo from './inquiries.repo.ts';

export class AgencyService {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(siteId: number, activeOnly = true): Promise<repo.AgencyRow[]> {
    return repo.agencies(this.#db, siteId, activeOnly);
  }

  answerReview(siteId: number): Promise<boolean> {
    return repo.answerReview(this.#db, siteId);
  }

  async add(actor: Actor, siteId: number, input: { name: unknown; hotlineDefault?: boolean }): Promise<repo.AgencyRow> {
    authorize(actor, 'site.settings', siteId);
    const name = cleanText(typeof input.name === 'string' ? input.name : '').replace(/\s+/g, ' ');
    if (name.length < 2 || name.length > 200)
      throw new Invalid('agency.name', 'Tên cơ quan cần từ 2 đến 200 ký tự.', { details: [{ field: 'name', message: 'Tên cơ quan cần từ 2 đến 200 ký tự.' }] });
    return withTx(this.#db, async (tx) => {
      if (input.hotlineDefault) await repo.clearHotlineDefault(tx, siteId);
      const row = await repo.insertAgency(tx, { site_id: siteId, name, hotline_default: Boolean(input.hotlineDefault) });
      if (!row) throw new Conflict('agency.exists', 'Trang đã có cơ quan này.', { details: [{ field: 'name', message: 'Trang đã có cơ quan này.' }] });
      await audited(tx, actor, 'inquiry_agency.added', { type: 'inquiry_agency', id: row.id, siteId }, { name, hotlineDefault: Boolean(input.hotlineDefault) });
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

  /** For the demo seeder (no actor: the seed acts as the system). */
  async seed(siteId: number, names: readonly string[], hotlineDefault: string | undefined): Promise<repo.AgencyRow[]> {
    return withTx(this.#db, async (tx) => {
      const out: repo.AgencyRow[] = [];
      let position = 0;
      for (const name of names) {
        const row = await repo.insertAgency(tx, { site_id: siteId, name, hotline_default: name === hotlineDefault, position: position++ });
        if (row) out.push(row);
      }
      return out;
    });
  }
}
