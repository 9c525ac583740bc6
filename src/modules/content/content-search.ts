/**
 * Content in the search platform: the "content" type (its kinds are the content types), what of
 * an item is indexed with which weight, and the feed that keeps the index equal to what is live
 * — called inside every transaction that changes what the public sees of an item.
 */
import type { Db, Tx } from '../../platform/db/create-db.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { compareText } from '../../platform/i18n/index.ts';
import { htmlToText } from '../../platform/text/index.ts';
import { documentTexts } from '../media/index.ts';
import type { FilterChoices, SearchableType, SearchDocument, SearchService } from '../search/index.ts';
import { CONTENT_TYPES } from './content-types.ts';
import { t } from './messages.ts';
import * as liveRepo from './live.repo.ts';
import type { LiveItem } from './live.repo.ts';
import { listCategories, listTopics } from './categories.repo.ts';
import { itemPath } from './paths.ts';
import { leaderPath } from './leaders.ts';

export const SEARCH_TYPE = 'content';
const BATCH = 200;

/** Type fields that identify an item (document numbers): as strong as the title. */
const IDENTIFYING_FIELDS = new Set(['document_number']);

async function toDocument(db: Db | Tx, item: LiveItem): Promise<SearchDocument> {
  const texts = await documentTexts(db, item.attachments ?? []);
  const identifying: string[] = [];
  const details: string[] = [];
  for (const [name, value] of Object.entries(item.fields ?? {})) {
    if (typeof value !== 'string' || value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
    (IDENTIFYING_FIELDS.has(name) ? identifying : details).push(value);
  }
  const lang: Lang = item.lang === 'en' ? 'en' : 'vi';
  return {
    refId: item.id,
    siteId: item.site_id,
    lang: item.lang,
    kind: item.type,
    categoryId: item.category_id,
    topicIds: item.topic_ids ?? [],
    publishedAt: item.first_published_at ?? item.published_at ?? item.updated_at,
    // A leader's profile is on the leaders' page of the site.
    path: `${lang === 'en' ? '/english' : ''}${item.type === 'leader' ? leaderPath(lang, item.slug) : itemPath(lang, item.slug)}`,
    title: item.title,
    summary: item.summary,
    fields: {
      identifying: identifying.join('\n'),
      summary: item.summary,
      details: details.join('\n'),
      body: htmlToText(item.body_html),
      source: [item.source, item.author_name].filter(Boolean).join('\n'),
      attachments: [...texts.values()].join('\n\n'),
    },
  };
}

/** The search type of content: its weights, its kinds (the content types), every live item for a rebuild. */
export function contentSearchType(): SearchableType {
  return {
    type: SEARCH_TYPE,
    label: (lang) => t(lang, 'search.label'),
    fields: { identifying: 'A', summary: 'B', details: 'B', body: 'C', source: 'D', attachments: 'D' },
    kinds: CONTENT_TYPES.map((type) => ({ code: type.code, label: (lang) => t(lang, `type.${type.code}`) })),
    async *all(source: Db) {
      for (let after = 0; ; ) {
        const rows = await liveRepo.liveBatch(source, after, BATCH);
        if (rows.length === 0) return;
        for (const row of rows) yield await toDocument(source, row);
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}

/** The categories and topics a site's search offers as filters (a site's own: only when one site is searched). */
export function contentFilterChoices(db: Db): (siteIds: number[], lang: Lang) => Promise<FilterChoices> {
  return async (siteIds, lang) => {
    if (siteIds.length !== 1) return { categories: [], topics: [] };
    const siteId = siteIds[0]!;
    const categories = await listCategories(db, siteId, lang);
    const childrenOf = (id: number): number[] => [id, ...categories.filter((c) => c.parent_id === id).flatMap((c) => childrenOf(c.id))];
    const topics = await listTopics(db, siteId);
    return {
      categories: categories.map((c) => ({ value: String(c.id), label: c.name, ids: childrenOf(c.id) })).sort((a, b) => compareText(lang, a.label, b.label)),
      topics: topics
        .map((tp) => ({ value: String(tp.id), label: (lang === 'en' && tp.name_en) || tp.name_vi }))
        .sort((a, b) => compareText(lang, a.label, b.label)),
    };
  };
}

/** Keeps the index equal to what is live: called inside every transaction that may change what the public sees of an item. */
export function contentSearchFeed(search: SearchService): (tx: Tx, itemId: number) => Promise<void> {
  return async (tx, itemId) => {
    const live = await liveRepo.findLiveById(tx, itemId);
    if (live) await search.index(tx, SEARCH_TYPE, await toDocument(tx, live));
    else await search.remove(tx, SEARCH_TYPE, itemId);
  };
}
