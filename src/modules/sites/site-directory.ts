/**
 * Which site a request is for. Sites are few and read on every request, so the directory
 * keeps them in memory: reloaded after a change — this process's at once, another process's
 * (the CLI's, another server's) as soon as its notice arrives on SITES_CHANNEL — and at most
 * every 30 s whatever happens.
 *
 * Resolution order: the path prefix `/s/<code>/` (local use), then an extra host name of a
 * site, then `<code>.<base domain>`, then the bare base domain (or an IP address, or
 * `www.<base domain>`) for the main portal. Anything else is an unknown host. A closed site is
 * found the same way but resolves to `closed` (the public tree answers 410): it is in no list.
 */
import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../platform/db/create-db.ts';
import { Memo } from '../../platform/cache/memo.ts';
import { listSitesWithHosts, type SiteWithHosts } from './sites.repo.ts';

/** The NOTIFY channel of changes to sites and their host names (payload unused). */
export const SITES_CHANNEL = 'cong_sites';

/** Tells every process that sites changed: delivered when the transaction commits, never on rollback. */
export async function announceSitesChange(db: DbOrTx): Promise<void> {
  await sql`select pg_notify(${SITES_CHANNEL}, '')`.execute(db);
}

export type Resolution =
  | { kind: 'site'; site: SiteWithHosts; via: 'path' | 'host' }
  | { kind: 'closed'; site: SiteWithHosts; via: 'path' | 'host' }
  | { kind: 'unknown-host'; host: string }
  | { kind: 'unknown-code'; code: string }
  | { kind: 'no-sites' };

interface Snapshot {
  all: SiteWithHosts[];
  /** Sites that are not closed. */
  byCode: Map<string, SiteWithHosts>;
  byHost: Map<string, SiteWithHosts>;
  closedByCode: Map<string, SiteWithHosts>;
  closedByHost: Map<string, SiteWithHosts>;
  mainPortal: SiteWithHosts | undefined;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export class SiteDirectory {
  readonly #db: Db;
  readonly #baseDomain: string;
  readonly #memo = new Memo<Snapshot>(30_000);

  constructor(db: Db, baseDomain: string) {
    this.#db = db;
    this.#baseDomain = baseDomain;
  }

  /** The last snapshot loaded and when, for the synchronous look-up of the page-cache fast path. */
  #last: { snap: Snapshot; at: number } | undefined;

  #snapshot(): Promise<Snapshot> {
    return this.#memo.get('all', async () => {
      const all = await listSitesWithHosts(this.#db);
      const live = all.filter((s) => s.status !== 'closed');
      const closed = all.filter((s) => s.status === 'closed');
      const snap = {
        all,
        byCode: new Map(live.map((s) => [s.code, s])),
        byHost: new Map(live.flatMap((s) => s.hosts.map((h) => [h, s] as const))),
        closedByCode: new Map(closed.map((s) => [s.code, s])),
        closedByHost: new Map(closed.flatMap((s) => s.hosts.map((h) => [h, s] as const))),
        mainPortal: live.find((s) => s.kind === 'portal' && s.parent_id === null),
      };
      this.#last = { snap, at: Date.now() };
      return snap;
    });
  }

  /** Forget the cached sites: call after any change to sites or their hosts. */
  invalidate(): void {
    this.#memo.invalidate();
    this.#last = undefined;
  }

  /**
   * The same answer as `resolve`, synchronously, from sites already in memory; undefined
   * when they are not (or are older than the memo's 30 s), and the caller takes the normal path.
   */
  resolveNow(host: string, pathCode: string | undefined): Resolution | undefined {
    const last = this.#last;
    if (!last || Date.now() - last.at > 30_000) return undefined;
    return this.#resolveIn(last.snap, host, pathCode);
  }

  /** Every site that is not closed, in creation order. */
  async liveSites(): Promise<SiteWithHosts[]> {
    return [...(await this.#snapshot()).byCode.values()];
  }

  async byCode(code: string): Promise<SiteWithHosts | undefined> {
    return (await this.#snapshot()).byCode.get(code);
  }

  async byId(id: number): Promise<SiteWithHosts | undefined> {
    return (await this.#snapshot()).all.find((s) => s.id === id && s.status !== 'closed');
  }

  /** Every site, closed ones included, in creation order (the sites API, the administration). */
  async allSites(): Promise<SiteWithHosts[]> {
    return (await this.#snapshot()).all;
  }

  /** The main portal: the first top-level portal that is not closed. */
  async mainPortal(): Promise<SiteWithHosts | undefined> {
    return (await this.#snapshot()).mainPortal;
  }

  /** `host` must already be lower-case and without port; `pathCode` is the `/s/<code>` part. */
  async resolve(host: string, pathCode: string | undefined): Promise<Resolution> {
    return this.#resolveIn(await this.#snapshot(), host, pathCode);
  }

  #resolveIn(snap: Snapshot, host: string, pathCode: string | undefined): Resolution {
    if (pathCode !== undefined) {
      const site = snap.byCode.get(pathCode);
      if (site) return { kind: 'site', site, via: 'path' };
      const closed = snap.closedByCode.get(pathCode);
      return closed ? { kind: 'closed', site: closed, via: 'path' } : { kind: 'unknown-code', code: pathCode };
    }
    const aliased = snap.byHost.get(host);
    if (aliased) return { kind: 'site', site: aliased, via: 'host' };
    const closedAlias = snap.closedByHost.get(host);
    if (closedAlias) return { kind: 'closed', site: closedAlias, via: 'host' };
    const base = this.#baseDomain;
    if (host.endsWith(`.${base}`)) {
      const label = host.slice(0, -(base.length + 1));
      if (label === 'www') return this.#main(snap, host);
      const site = snap.byCode.get(label);
      if (site) return { kind: 'site', site, via: 'host' };
      const closed = snap.closedByCode.get(label);
      if (closed) return { kind: 'closed', site: closed, via: 'host' };
      return { kind: 'unknown-host', host };
    }
    if (host === base || IPV4.test(host) || host.includes(':') || host === 'localhost') return this.#main(snap, host);
    return { kind: 'unknown-host', host };
  }

  #main(snap: Snapshot, host: string): Resolution {
    if (snap.mainPortal) return { kind: 'site', site: snap.mainPortal, via: 'host' };
    return snap.all.length === 0 ? { kind: 'no-sites' } : { kind: 'unknown-host', host };
  }
}
