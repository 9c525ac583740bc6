/**
 * Who oversees whom (issue 14, point 9): a platform administrator grants a portal's editorial
 * board head read-only oversight of every site below that portal (children, grandchildren, and
 * sites created later: the tree is read at each request). The grant is stored apart from the
 * role grants and is in force only while the person is board head of that site. What oversight
 * allows is in the access matrix (OVERSIGHT_ACTIONS): reading, never writing.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { actorId, authorize, isPlatformAdmin, type Actor, type Grant } from '../access/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { audited } from '../audit/index.ts';
import type { SiteWithHosts, SitesModule } from '../sites/index.ts';
import * as repo from './oversight.repo.ts';
import { t } from './messages.ts';

export interface OversightDeps {
  db: Db;
  sites: Pick<SitesModule, 'directory'>;
  accounts: Pick<AccountsModule, 'grantsOf' | 'contact'>;
}

export interface OversightGrantView {
  id: number;
  site: SiteWithHosts | undefined;
  createdAt: Date;
  /** False while the person is not board head of the site: the grant then gives nothing. */
  inForce: boolean;
}

const isBoardHead = (grants: readonly Grant[], siteId: number) => grants.some((g) => g.role === 'board_head' && g.siteId === siteId);

/** Every site below `roots` in the tree (not the roots themselves), closed ones left out. */
export function descendantsOf(all: readonly Pick<SiteWithHosts, 'id' | 'parent_id' | 'status'>[], roots: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const s of all) if (s.parent_id !== null) children.set(s.parent_id, [...(children.get(s.parent_id) ?? []), s.id]);
  const seen = new Set<number>();
  const queue = [...roots];
  while (queue.length) {
    const id = queue.shift()!;
    for (const c of children.get(id) ?? []) {
      if (seen.has(c) || roots.includes(c)) continue;
      seen.add(c);
      queue.push(c);
    }
  }
  const live = new Set(all.filter((s) => s.status !== 'closed').map((s) => s.id));
  return [...seen].filter((id) => live.has(id));
}

export class OversightService {
  readonly #d: OversightDeps;
  constructor(deps: OversightDeps) {
    this.#d = deps;
  }

  /** The sites a person oversees: below each site they hold an oversight grant on and are board head of. */
  async overseenBy(accountId: number, grants: readonly Grant[]): Promise<number[]> {
    const roots = (await repo.grantsOf(this.#d.db, accountId)).map((g) => g.site_id).filter((id) => isBoardHead(grants, id));
    if (roots.length === 0) return [];
    return descendantsOf(await this.#d.sites.directory.allSites(), roots);
  }

  /** An account's oversight grants (platform administrators: they grant and revoke). */
  async grantsOf(actor: Actor, accountId: number): Promise<OversightGrantView[]> {
    this.#platformAdmin(actor);
    const [rows, grants, all] = await Promise.all([
      repo.grantsOf(this.#d.db, accountId),
      this.#d.accounts.grantsOf(accountId),
      this.#d.sites.directory.allSites(),
    ]);
    return rows.map((r) => ({ id: r.id, site: all.find((s) => s.id === r.site_id), createdAt: r.created_at, inForce: isBoardHead(grants, r.site_id) }));
  }

  /** The account whose oversight grants are shown (platform administrators). */
  async accountFor(actor: Actor, accountId: number): Promise<{ id: number; name: string; email: string }> {
    this.#platformAdmin(actor);
    const account = await this.#d.accounts.contact(accountId);
    if (!account) throw new NotFound('account.not_found');
    return account;
  }

  /** Grants oversight below `siteId`: only to that site's board head; audited. */
  async grant(actor: Actor, accountId: number, siteId: number | undefined, lang: Lang = 'vi'): Promise<void> {
    this.#platformAdmin(actor, lang);
    const account = await this.#d.accounts.contact(accountId);
    if (!account) throw new NotFound('account.not_found');
    const problem = (message: string) => new Invalid('oversight.invalid', message, { details: [{ field: 'trang', message }] });
    if (siteId === undefined) throw problem(t(lang, 'oversight.chooseSite'));
    const site = await this.#d.sites.directory.byId(siteId);
    if (!site) throw problem(t(lang, 'oversight.unknownSite'));
    if (!isBoardHead(await this.#d.accounts.grantsOf(accountId), siteId)) throw problem(t(lang, 'oversight.notBoardHead', { site: site.code }));
    await withTx(this.#d.db, async (tx) => {
      if (!(await repo.insertGrant(tx, accountId, siteId, actorId(actor)))) throw new Conflict('oversight.exists', t(lang, 'oversight.exists'));
      await audited(tx, actor, 'oversight.granted', { type: 'account', id: accountId, siteId }, { email: account.email, site: site.code });
    });
  }

  /** Revokes one of the account's oversight grants; audited. */
  async revoke(actor: Actor, accountId: number, grantId: number | undefined, lang: Lang = 'vi'): Promise<void> {
    this.#platformAdmin(actor, lang);
    const grant = grantId === undefined ? undefined : await repo.findGrant(this.#d.db, grantId);
    if (grant?.account_id !== accountId) throw new NotFound('oversight.not_found');
    const account = await this.#d.accounts.contact(accountId);
    const site = (await this.#d.sites.directory.allSites()).find((s) => s.id === grant.site_id);
    await withTx(this.#d.db, async (tx) => {
      await repo.deleteGrant(tx, grant.id);
      await audited(
        tx,
        actor,
        'oversight.revoked',
        { type: 'account', id: accountId, siteId: grant.site_id },
        { email: account?.email ?? '', site: site?.code ?? '' },
      );
    });
  }

  /** The sites on the oversight dashboard: those overseen; every live site for a platform administrator. */
  async dashboardSites(actor: Actor): Promise<SiteWithHosts[]> {
    const live = await this.#d.sites.directory.liveSites();
    if (isPlatformAdmin(actor)) return live;
    if (actor.kind !== 'person') return [];
    const ids = new Set(actor.oversees ?? []);
    return live.filter((s) => ids.has(s.id));
  }

  #platformAdmin(actor: Actor, lang: Lang = 'vi'): void {
    if (!isPlatformAdmin(actor)) throw new Forbidden('oversight.platform_admin_only', t(lang, 'oversight.platformAdminOnly'), { messageKey: 'error.body.403' });
    authorize(actor, 'grants.manage', null);
  }
}
