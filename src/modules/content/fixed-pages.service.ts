/**
 * The fixed pages of a site under the editorial workflow (CONT-1, issue #14): each fixed page
 * (introduction, functions and duties, organisation, leaders, history, administrative map) is
 * written and approved as a content item of type `page`; the pages module keeps the slot and
 * shows the item's live revision, copied there in the transaction that publishes or withdraws it.
 * No second workflow: the item goes through content.service.ts like any other.
 */
import type { Tx } from '../../platform/db/create-db.ts';
import type { ContentItemRow, PageRow } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { authorize, type Actor } from '../access/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { ContentService } from './content.service.ts';
import * as liveRepo from './live.repo.ts';

/** The `page_kind` of each fixed page's item. */
const KIND_OF: Readonly<Record<string, string>> = {
  'gioi-thieu': 'introduction',
  'chuc-nang-nhiem-vu': 'functions',
  'co-cau-to-chuc': 'organisation',
  'lanh-dao': 'leaders',
  'lich-su': 'history',
  'ban-do-hanh-chinh': 'map',
};

export interface FixedPagesDeps {
  content: ContentService;
  pages: Pick<PagesModule, 'fixedPages' | 'linkItem' | 'showItem'>;
}

export interface FixedPageEntry {
  page: PageRow;
  /** The content item written for it, if any yet. */
  item: ContentItemRow | undefined;
}

export function createFixedPages(deps: FixedPagesDeps) {
  const { content, pages } = deps;
  return {
    /** A site's fixed pages in the languages it offers, each with its item (people who write on the site). */
    async list(actor: Actor, siteId: number, languages: readonly string[]): Promise<FixedPageEntry[]> {
      authorize(actor, 'content.write', siteId);
      const rows = (await pages.fixedPages(siteId)).filter((p) => languages.includes(p.lang));
      return Promise.all(rows.map(async (page) => ({ page, item: page.item_id ? await content.item(page.item_id) : undefined })));
    },

    /**
     * The item of a fixed page, created (as a draft with the page's current text, picture or
     * document) the first time someone edits the page. The page keeps showing what it shows
     * until the board approves the item.
     */
    async open(actor: Actor, siteId: number, pageId: number): Promise<ContentItemRow> {
      authorize(actor, 'content.write', siteId);
      const page = (await pages.fixedPages(siteId)).find((p) => p.id === pageId);
      if (!page) throw new NotFound('page.not_found', `No fixed page #${pageId} on this site`, { messageKey: 'error.body.404' });
      const existing = page.item_id ? await content.item(page.item_id) : undefined;
      if (existing) return existing;
      const item = await content.create(actor, siteId, {
        type: 'page',
        lang: page.lang,
        slug: page.slug,
        title: page.title,
        summary: page.summary,
        bodyHtml: page.body_html,
        fields: { page_kind: KIND_OF[page.slug] ?? 'other' },
        coverMediaId: page.media_id,
      });
      const linked = await pages.linkItem(page.id, item.id);
      // Someone else opened it at the same moment: theirs is the page's item.
      return linked.item_id && linked.item_id !== item.id ? ((await content.item(linked.item_id)) ?? item) : item;
    },

    /**
     * The content module's public-change hook: shows on the fixed page what is live of its item.
     * True when a fixed page shows the item (the page is what search finds, not the item).
     */
    async show(tx: Tx, itemId: number): Promise<boolean> {
      const live = await liveRepo.findLiveById(tx, itemId);
      if (live && live.type !== 'page') return false;
      const page = await pages.showItem(
        tx,
        itemId,
        live ? { title: live.title, summary: live.summary, bodyHtml: live.body_html, mediaId: live.cover_media_id ?? live.attachments?.[0] ?? null } : null,
      );
      return page !== undefined;
    },
  };
}

export type FixedPages = ReturnType<typeof createFixedPages>;
