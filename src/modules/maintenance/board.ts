/**
 * The open maintenance windows as every public request sees them: loaded from the database,
 * fresh for a few seconds at most (and at once after a change here, or another process's, told
 * by NOTIFY). The page cache's key includes what the board says of a site, so a page cached
 * before a window was announced, started or ended is never served after.
 */
import type { Db } from '../../platform/db/create-db.ts';
import * as repo from './maintenance.repo.ts';

const FRESH_MS = 3000;

export class MaintenanceBoard {
  readonly #db: Db;
  #windows: repo.WindowRow[] = [];
  #loadedAt = 0;
  #generation = 0;
  #loading: Promise<void> | undefined;

  constructor(db: Db) {
    this.#db = db;
  }

  invalidate(): void {
    this.#generation++;
    this.#loadedAt = 0;
  }

  fresh(now = Date.now()): boolean {
    return this.#loadedAt > 0 && now - this.#loadedAt < FRESH_MS;
  }

  async prepare(): Promise<void> {
    if (this.fresh()) return;
    this.#loading ??= (async () => {
      const generation = this.#generation;
      const started = Date.now();
      try {
        this.#windows = await repo.openWindows(this.#db, new Date(started));
        if (generation === this.#generation) this.#loadedAt = started;
      } finally {
        this.#loading = undefined;
      }
    })();
    await this.#loading;
  }

  /** Windows of a site not over at `now` (announced ones included), earliest first. */
  forSite(siteId: number, now = Date.now()): repo.WindowRow[] {
    return this.#windows.filter((w) => w.site_ids.includes(siteId) && w.expected_end_at.getTime() > now);
  }

  /** The window a site is in at `now`, if any. */
  current(siteId: number, now = Date.now()): repo.WindowRow | undefined {
    return this.forSite(siteId, now).find((w) => w.starts_at.getTime() <= now);
  }

  /** What the board says of a site, for the page cache's key; undefined when not fresh. */
  stamp(siteId: number): string | undefined {
    const now = Date.now();
    if (!this.fresh(now)) return undefined;
    return this.forSite(siteId, now)
      .map((w) => `${w.id}${w.starts_at.getTime() <= now ? '!' : ''}`)
      .join(',');
  }
}
