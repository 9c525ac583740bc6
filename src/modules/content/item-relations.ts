/**
 * The parts of an item beyond its text: in the item form, the cover image and attachments
 * from the site's media library, topics and the item's translation; on the item page,
 * cross-posting (portal board), proposing to the portal (component-site boards) and
 * confirming a periodic review. Here they are read, checked against the site's own library
 * and items, and turned into the view models of views/item-relations.view.ts; the rules stay
 * in content.service.ts.
 */
import type { ContentItemRow, ContentRevisionRow } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, isDomainError, NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { OptionGroup } from '../../platform/views/form-controls.ts';
import { authorize, can, type Actor } from '../access/index.ts';
import type { AdminScope } from '../accounts/index.ts';
import type { MediaModule, MediaView } from '../media/index.ts';
import { siteName, type SiteWithHosts } from '../sites/index.ts';
import type { CategoryService } from './categories.service.ts';
import { contentType } from './content-types.ts';
import { stageLabel, visibilityLabel } from './content.present.ts';
import type { ContentService, ItemInput } from './content.service.ts';
import type { EditorialDesk, ItemChoiceRow } from './desk.service.ts';
import type { RelationValues } from './item-form.ts';
import { languageName, t } from './messages.ts';
import { adminItemHref, itemPath } from './paths.ts';
import type { ItemRelationsPageSpec, PickerSpec } from './views/item-relations.view.ts';

export interface ItemRelationsDeps {
  content: ContentService;
  desk: EditorialDesk;
  categories: CategoryService;
  listMedia?: MediaModule['listMedia'] | undefined;
  getMedia?: MediaModule['getMedia'] | undefined;
  sites?: { byId(id: number): Promise<SiteWithHosts | undefined>; liveSites(): Promise<SiteWithHosts[]> } | undefined;
  /** The media library's page, linked from the form. */
  libraryHref: (lang: Lang) => string;
}

export const RELATION_ACTIONS = ['cross_post', 'propose', 'mark_reviewed', 'request_review'] as const;
export type RelationAction = (typeof RELATION_ACTIONS)[number];

export function isRelationAction(action: string): action is RelationAction {
  return (RELATION_ACTIONS as readonly string[]).includes(action);
}

/** How many of the library's newest files the form offers (the selected ones are always offered). */
const LIBRARY_SIZE = 200;
/** How many items of the other language are offered as translations. */
const TRANSLATION_CHOICES = 300;
const MAX_ATTACHMENTS = 50;

const idOf = (value: string) => (/^[1-9]\d{0,14}$/.test(value) ? Number(value) : undefined);
const otherLang = (lang: string) => (lang === 'en' ? 'vi' : 'en');

function thumbOf(m: MediaView): string {
  return (m.variants.find((v) => v.width >= 160) ?? m.variants[0])?.url ?? m.url;
}

function sizeText(bytes: number, lang: Lang): string {
  const comma = (n: number) => (lang === 'vi' ? n.toFixed(1).replace('.', ',') : n.toFixed(1));
  if (bytes >= 1024 * 1024) return `${comma(bytes / 1024 / 1024)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function documentMeta(m: MediaView, lang: Lang): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(m.downloadName)?.[1]?.toUpperCase() ?? '';
  return [ext, sizeText(m.bytes, lang)].filter(Boolean).join(', ');
}

/** The public address of an item on a site (as the site's own path prefix). */
function publicItemHref(site: SiteWithHosts, lang: string, slug: string): string {
  const L: Lang = lang === 'en' ? 'en' : 'vi';
  return `/s/${site.code}${L === 'en' ? '/english' : ''}${itemPath(L, encodeURIComponent(slug))}`;
}

/** A proposal still waiting at the portal, or already published there. */
function isPending(c: { stage: ContentItemRow['stage']; visibility: ContentItemRow['visibility'] }): boolean {
  return c.visibility === 'live' || (c.stage !== null && c.stage !== 'refused');
}

export function createItemRelations(deps: ItemRelationsDeps) {
  const { content, desk, categories } = deps;

  /** Files of the site's library: the newest, plus the ones already chosen. */
  async function library(actor: Actor, siteId: number, chosen: readonly string[]): Promise<MediaView[] | undefined> {
    if (!deps.listMedia) return undefined;
    const items = (await deps.listMedia(actor, siteId, 1, LIBRARY_SIZE)).items;
    for (const id of chosen.map(idOf)) {
      if (id === undefined || items.some((m) => m.id === id)) continue;
      const m = await deps.getMedia?.(id);
      if (m && m.siteId === siteId) items.push(m);
    }
    return items;
  }

  async function topicsOf(siteId: number, L: Lang, withState = false) {
    return (await categories.topics(siteId)).map((tp) => ({
      id: tp.id,
      name: L === 'en' && tp.name_en ? tp.name_en : tp.name_vi,
      ...(withState ? { active: tp.retired_at === null } : {}),
    }));
  }

  const label = (r: ItemChoiceRow) => `#${r.id} ${r.title ?? ''}`.trim();

  async function translationGroups(siteId: number, item: ContentItemRow | undefined, L: Lang): Promise<OptionGroup[]> {
    const langs = item ? [otherLang(item.lang)] : ['vi', 'en'];
    const groups: OptionGroup[] = [];
    const current = item ? await desk.translationOf(item) : undefined;
    for (const lang of langs) {
      const rows = (await desk.itemsInLanguage(siteId, lang, TRANSLATION_CHOICES)).filter((r) => r.id !== item?.id);
      if (current && current.lang === lang && !rows.some((r) => r.id === current.id)) rows.unshift(current);
      if (rows.length) groups.push({ label: languageName(lang), options: rows.map((r) => ({ value: String(r.id), label: label(r) })) });
    }
    if (!groups.length) groups.push({ label: t(L, 'relations.noItemOtherLanguageYet'), options: [] });
    return groups;
  }

  return {
    /** The relation part of a saved item, as the edit form first shows it. */
    async valuesFromItem(item: ContentItemRow | undefined, rev: ContentRevisionRow | undefined): Promise<RelationValues> {
      const translation = item ? await desk.translationOf(item) : undefined;
      return {
        hasMedia: true,
        hasTopics: true,
        hasTranslation: true,
        coverMediaId: rev?.cover_media_id ? String(rev.cover_media_id) : '',
        coverCaption: rev?.cover_caption ?? '',
        attachments: (rev?.attachments ?? []).map(String),
        topicIds: (rev?.topic_ids ?? []).map(String),
        translationOf: translation ? String(translation.id) : '',
      };
    },

    /** The choices of the relation part of the item form (`item` undefined: a new item). */
    async formPart(
      s: AdminScope,
      siteId: number,
      item: ContentItemRow | undefined,
      values: RelationValues,
      errors: Readonly<Record<string, string>>,
    ): Promise<PickerSpec> {
      const L = s.lang;
      const files = await library(s.actor, siteId, [values.coverMediaId, ...values.attachments]);
      const documents = (files ?? []).filter((m) => m.kind === 'document');
      const chosen = values.attachments.map((id) => documents.find((d) => String(d.id) === id)).filter((d): d is MediaView => d !== undefined);
      return {
        lang: L,
        values,
        errors,
        images: files?.filter((m) => m.kind === 'image').map((m) => ({ id: m.id, label: m.alt || m.originalName, thumb: thumbOf(m) })),
        documents: [...chosen, ...documents.filter((d) => !chosen.includes(d))].map((m) => ({
          id: m.id,
          label: m.caption || m.originalName,
          meta: documentMeta(m, L),
        })),
        // Retired topics are no longer offered, unless the item already carries them.
        topics: (await topicsOf(siteId, L, true)).filter((tp) => tp.active || values.topicIds.includes(String(tp.id))),
        translations: can(s.actor, 'content.edit', siteId) ? await translationGroups(siteId, item, L) : undefined,
        libraryHref: deps.libraryHref(L),
      };
    },

    /**
     * The service's input for the relation part, with the problems only the form checks (a
     * file of another site or of the wrong kind, a topic of another site, a translation in
     * the same language). `translation`: undefined when unchanged, null to unlink, or the id
     * to link. Changing the translation without content.edit is refused (403) before anything is saved.
     */
    async inputFrom(
      s: AdminScope,
      siteId: number,
      itemLang: string,
      item: ContentItemRow | undefined,
      values: RelationValues,
    ): Promise<{ input: Partial<ItemInput>; translation: number | null | undefined; problems: FieldProblem[] }> {
      const L = s.lang;
      const problems: FieldProblem[] = [];
      const input: Partial<ItemInput> = {};
      const ownFile = async (value: string, kind: MediaView['kind']) => {
        const id = idOf(value);
        const m = id === undefined ? undefined : await deps.getMedia?.(id);
        return m && m.siteId === siteId && m.kind === kind ? m : undefined;
      };
      if (values.hasMedia && deps.getMedia) {
        if (values.coverMediaId === '') input.coverMediaId = null;
        else {
          const m = await ownFile(values.coverMediaId, 'image');
          if (m) input.coverMediaId = m.id;
          else problems.push({ field: 'coverMediaId', message: t(L, 'relations.coverMustImageFromSites') });
        }
        input.coverCaption = values.coverCaption;
        const ids: number[] = [];
        for (const value of values.attachments) {
          const m = await ownFile(value, 'document');
          if (m) ids.push(m.id);
          else {
            problems.push({ field: 'attachments', message: t(L, 'relations.attachmentsMustDocumentsFromSites') });
            break;
          }
        }
        if (ids.length > MAX_ATTACHMENTS) problems.push({ field: 'attachments', message: t(L, 'relations.mostAttachments', { MAX_ATTACHMENTS }) });
        input.attachments = ids;
      }
      if (values.hasTopics) {
        const known = new Set((await categories.topics(siteId)).map((tp) => String(tp.id)));
        if (values.topicIds.some((id) => !known.has(id))) problems.push({ field: 'topicIds', message: t(L, 'relations.topicNotSite') });
        else input.topicIds = values.topicIds.map(Number);
      }
      let translation: number | null | undefined;
      if (values.hasTranslation) {
        const current = item ? await desk.translationOf(item) : undefined;
        if (values.translationOf !== (current ? String(current.id) : '')) {
          if (!can(s.actor, 'content.edit', siteId)) throw new Forbidden('access.denied', 'Not allowed: content.edit', { messageKey: 'error.body.403' });
          if (values.translationOf === '') translation = null;
          else {
            const id = idOf(values.translationOf);
            const other = id === undefined ? undefined : await content.item(id);
            if (!other || other.site_id !== siteId || other.id === item?.id)
              problems.push({ field: 'translationOf', message: t(L, 'relations.translationMustAnotherItemSite') });
            else if (other.lang === itemLang) problems.push({ field: 'translationOf', message: t(L, 'relations.translationMustItemOtherLanguage') });
            else translation = other.id;
          }
        }
      }
      return { input, translation, problems };
    },

    /**
     * Links (or unlinks) the translation after the item was saved. False when the service
     * refused it (the other item changed in between): the item is saved, the link is not,
     * and the page says so.
     */
    async applyTranslation(actor: Actor, itemId: number, translation: number | null | undefined): Promise<boolean> {
      if (translation === undefined) return true;
      try {
        await content.linkTranslation(actor, itemId, translation);
        return true;
      } catch (err) {
        if (isDomainError(err) && err.status === 422) return false;
        throw err;
      }
    },

    /** The item page's relation details and action forms, as view models. */
    async section(
      s: AdminScope,
      item: ContentItemRow,
      working: ContentRevisionRow | undefined,
      form: { csrf: string; values: Record<string, string>; errors: Record<string, string> },
      now: Date,
    ): Promise<ItemRelationsPageSpec> {
      const L = s.lang;
      const details: ItemRelationsPageSpec['details'] = { attachments: [], topics: [] };
      if (working && deps.getMedia) {
        const cover = working.cover_media_id ? await deps.getMedia(working.cover_media_id) : undefined;
        if (cover && cover.siteId === item.site_id)
          details.cover = { thumb: thumbOf(cover), label: cover.alt || cover.originalName, caption: working.cover_caption };
        for (const id of working.attachments) {
          const m = await deps.getMedia(id);
          if (m && m.siteId === item.site_id) details.attachments.push({ label: m.caption || m.originalName, href: m.url });
        }
      }
      if (working?.topic_ids.length) {
        const topics = await topicsOf(item.site_id, L);
        details.topics = working.topic_ids.map((id) => topics.find((tp) => tp.id === id)?.name).filter((n): n is string => n !== undefined);
      }
      const partner = await desk.translationOf(item);
      if (partner) details.translation = { href: adminItemHref(L, partner.id), title: partner.title ?? `#${partner.id}`, lang: partner.lang };

      const live = item.visibility === 'live' && item.live_revision_id !== null;
      const site = live ? await deps.sites?.byId(item.site_id) : undefined;
      const copies = live ? await desk.copiesOf(item.id) : [];
      const status = (c: { stage: ContentItemRow['stage']; visibility: ContentItemRow['visibility'] }) =>
        c.stage === null ? visibilityLabel(c.visibility, L) : stageLabel(c.stage, L);
      const spec: ItemRelationsPageSpec = { lang: L, csrf: form.csrf, here: adminItemHref(L, item.id), details, values: form.values, errors: form.errors, now };
      if (site?.kind === 'portal' && can(s.actor, 'content.approve', item.site_id)) {
        const components = ((await deps.sites?.liveSites()) ?? []).filter((x) => x.parent_id === item.site_id);
        spec.crossPost = {
          sites: components.map((x) => {
            const copy = copies.find((c) => c.site_id === x.id);
            return {
              id: x.id,
              name: siteName(x, L),
              copy: copy ? { href: copy.visibility === 'live' ? publicItemHref(x, copy.lang, copy.slug) : undefined, status: status(copy) } : undefined,
            };
          }),
        };
      }
      // A copy the portal cross-posted down is not offered back to the portal.
      if (site?.parent_id && can(s.actor, 'content.edit', item.site_id) && !(await content.cameFromPortal(item))) {
        const portal = await deps.sites?.byId(site.parent_id);
        const proposals = copies.filter((c) => c.site_id === site.parent_id);
        spec.propose = {
          portalName: portal ? siteName(portal, L) : t(L, 'relations.portal'),
          proposals: proposals.map((p) => ({ id: p.id, status: status(p) })),
          pending: proposals.some(isPending),
        };
      }
      const interval = item.review_interval_days ?? contentType(item.type)?.reviewIntervalDays;
      if (live && can(s.actor, 'content.edit', item.site_id)) {
        const overdue = item.next_review_at !== null && item.next_review_at <= now;
        // Any live item: the board may ask for its review now; confirming it when one is due or periodic.
        spec.requestReview = !overdue;
        if (interval || overdue) spec.review = { nextReviewAt: item.next_review_at, intervalDays: interval ?? 0, overdue };
      }
      return spec;
    },

    /** Takes a relation action; returns the notice to show. Refusals are domain errors, shown on the item page. */
    async perform(s: AdminScope, itemId: number, action: RelationAction, sites: readonly string[]): Promise<string> {
      const item = await content.item(itemId);
      if (!item) throw new NotFound('content.not_found', 'No such item', { messageKey: 'error.body.404' });
      const L = s.lang;
      if (action === 'cross_post') {
        authorize(s.actor, 'content.approve', item.site_id);
        const ids = sites.map(idOf).filter((x): x is number => x !== undefined);
        const copied = (await desk.copiesOf(item.id)).filter((c) => ids.includes(c.site_id));
        if (copied.length) {
          const names = await Promise.all(
            copied.map(async (c) => {
              const x = await deps.sites?.byId(c.site_id);
              return x ? siteName(x, L) : `#${c.site_id}`;
            }),
          );
          const message = t(L, 'relations.itemAlready', { join: names.join(', ') });
          throw new Conflict('crosspost.already', message, { details: [{ field: 'sites', message }] });
        }
        await content.crossPost(s.actor, item.id, ids);
        return 'cross_post';
      }
      if (action === 'propose') {
        authorize(s.actor, 'content.edit', item.site_id);
        const site = await deps.sites?.byId(item.site_id);
        if (site?.parent_id && (await desk.copiesOf(item.id)).some((c) => c.site_id === site.parent_id && isPending(c))) {
          throw new Conflict('propose.pending', t(L, 'relations.itemWasAlreadyProposedPortal'));
        }
        await content.proposeToPortal(s.actor, item.id);
        return 'propose';
      }
      if (action === 'request_review') {
        await content.requestReview(s.actor, item.id);
        return 'request_review';
      }
      await content.markReviewed(s.actor, item.id);
      return 'mark_reviewed';
    },
  };
}

export type ItemRelations = ReturnType<typeof createItemRelations>;
