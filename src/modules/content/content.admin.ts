/**
 * Content in the administration area (/quan-tri/…, /english/admin/…): the list of a site's
 * items, new and edit forms, the item page with the workflow actions the person may take
 * now, revisions (compare, restore), the queues, the person's notifications, the site's
 * workflow settings, and the dashboard cards. Routes are thin: every rule is in
 * content.service.ts and workflow.ts; the pages only offer what `decide` would allow.
 *
 *   /quan-tri/noi-dung                    list (filters ?loai=&trang_thai=&tim=&trang=)
 *   /quan-tri/noi-dung/moi[?loai=<type>]  choose a type, then the form (POST creates)
 *   /quan-tri/noi-dung/<id>               item page (POST: thao_tac=<workflow action>)
 *   /quan-tri/noi-dung/sua/<id>           edit form (POST saves; `version` detects conflicts)
 *   /quan-tri/noi-dung/phien-ban/<id>     revisions, ?tu=&den= compares (POST phien_ban restores)
 *   (the editor's image list, queues, notifications and workflow settings: content-desk.admin.ts;
 *    cover, attachments, topics, translations, cross-posting, proposals, reviews: content-extra.admin.ts)
 * and the same under /english/admin with the English path names (ADMIN_PATHS).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import type { ContentItemRow, ContentRevisionRow } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { Forbidden, isDomainError, NotFound } from '../../platform/http/errors.ts';
import { html } from '../../platform/views/html.ts';
import { errorsByField } from '../../platform/views/forms.ts';
import { actorId, authorize, can, type Actor } from '../access/index.ts';
import { csrfGuard, csrfToken, type AccountsModule, type AdminScope } from '../accounts/index.ts';
import { adminPaths } from './paths.ts';
import type { DashboardCard } from '../admin/index.ts';
import type { MediaModule } from '../media/index.ts';
import { siteName } from '../sites/index.ts';
import type { CategoryService } from './categories.service.ts';
import { contentType, REFUSAL_REASONS, type ContentTypeDef } from './content-types.ts';
import type { ContentService } from './content.service.ts';
import { decide, mayEdit, type Capabilities, type ItemState, type SiteWorkflow } from './workflow.ts';
import * as adminRepo from './admin.repo.ts';
import * as notificationsRepo from './notifications.repo.ts';
import { conflictDiff } from './admin-views/diff.ts';
import { emptyValues, inputFromValues, itemForm, valuesFromBody, valuesFromRevision, type ItemFormValues } from './admin-views/item-form.ts';
import { itemPage, type TransitionView } from './admin-views/item-page.ts';
import { doneNotice, isPageAction, PAGE_ACTIONS, type PageAction } from './admin-views/labels.ts';
import { contentList, parseStatus, typeChooser } from './admin-views/lists.ts';
import { revisionsPage } from './admin-views/revisions.ts';
import { deadlineSection } from './admin-views/deadline.ts';
import type { DeadlineRow } from '../calendar/index.ts';
import { createContentExtras, type ContentExtrasDeps, type ExtrasValues } from './content-extra.admin.ts';
import { registerContentDesk } from './content-desk.admin.ts';
import { t } from './messages.ts';

export interface ContentAdminDeps {
  db: Db;
  accounts: Pick<AccountsModule, 'admin' | 'contact'>;
  content: ContentService;
  categories: CategoryService;
  /** The admin module's dashboard cards; without it the dashboard shows no content cards. */
  addCard?: ((card: DashboardCard) => void) | undefined;
  /** The media library's listing, for the editor's image button and the cover and attachment choices; without it there are none. */
  listMedia?: MediaModule['listMedia'] | undefined;
  getMedia?: MediaModule['getMedia'] | undefined;
  /** The site directory, for cross-posting and proposals between a portal and its component sites. */
  sites?: ContentExtrasDeps['sites'];
  /** The item's legal deadline, shown on its page. */
  deadlinesOf?: ((itemId: number) => Promise<DeadlineRow[]>) | undefined;
}

/** Bodies of item forms may be long (whole legal texts): 1 MB instead of the 64 KB of other forms. */
const ITEM_BODY_LIMIT = 1024 * 1024;
const LIST_PAGE = 50;

function str(body: unknown, key: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : '';
}

/** A field sent once or several times, its values joined by commas. */
function joined(body: unknown, key: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(',') : typeof v === 'string' ? v : '';
}

function idParam(value: string): number {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new NotFound('content.not_found', 'No such item', { messageKey: 'error.body.404' });
  return Number(value);
}

function capabilitiesOf(actor: Actor, siteId: number): Capabilities {
  return {
    actorId: actorId(actor),
    system: false,
    write: can(actor, 'content.write', siteId),
    edit: can(actor, 'content.edit', siteId),
    approve: can(actor, 'content.approve', siteId),
    emergency: can(actor, 'content.emergency', siteId),
  };
}

/** The actions `decide` would allow now (comments and reasons are asked for in the forms). */
function availableActions(
  item: ContentItemRow,
  transitions: readonly { action: string; actor_id: number | null }[],
  site: SiteWorkflow,
  caps: Capabilities,
  now: Date,
): PageAction[] {
  const emergencyBy = [...transitions].reverse().find((t) => t.action === 'emergency_publish')?.actor_id ?? null;
  const state: ItemState = {
    stage: item.stage,
    visibility: item.visibility,
    providerId: item.provider_id,
    publishAt: item.publish_at,
    hasLive: item.live_revision_id !== null,
    emergency: item.emergency,
    emergencyReviewedBy: item.emergency_reviewed_by,
    emergencyBy,
  };
  const filled = { comment: '-', reasonCode: REFUSAL_REASONS[0] };
  return PAGE_ACTIONS.filter((a) => decide(a, state, site, caps, filled, now).ok);
}

export function registerContentAdmin(app: FastifyInstance, deps: ContentAdminDeps): void {
  const { db, content, categories } = deps;
  const admin = deps.accounts.admin;
  const guard = csrfGuard(app, db);
  const extras = createContentExtras({ db, content, categories, listMedia: deps.listMedia, getMedia: deps.getMedia, sites: deps.sites });

  admin.addNav({ label: (lang) => t(lang, 'nav.content'), href: (lang) => adminPaths.href(lang, 'content'), action: 'content.write' });
  admin.addNav({ label: (lang) => t(lang, 'nav.queues'), href: (lang) => adminPaths.href(lang, 'queues'), action: 'content.write' });
  admin.addNav({ label: (lang) => t(lang, 'nav.workflow'), href: (lang) => adminPaths.href(lang, 'workflowSettings'), action: 'site.settings' });

  /** Names of accounts (providers, authors of revisions), looked up once each. */
  async function namesOf(ids: readonly (number | null | undefined)[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
    const found = await Promise.all(unique.map(async (id) => [id, (await deps.accounts.contact(id))?.name] as const));
    return new Map(found.filter((x): x is readonly [number, string] => typeof x[1] === 'string'));
  }

  /** Both languages' categories of a site. */
  async function siteCategories(siteId: number) {
    return [...(await categories.list(siteId, 'vi')), ...(await categories.list(siteId, 'en'))];
  }

  const noSite = (lang: Lang) => html`<p>${t(lang, 'common.thereNoSiteYet')}</p>`;

  registerContentDesk(app, { db, admin, content, guard, addCard: deps.addCard, listMedia: deps.listMedia });
  deps.addCard?.(extras.card());

  for (const lang of ['vi', 'en'] as const) {
    const L = lang;
    const base = adminPaths.href(L, 'content');
    const newHref = adminPaths.href(L, 'contentNew');
    const editHref = (id: number) => adminPaths.href(L, 'contentEdit', `/${id}`);
    const revisionsHref = (id: number) => adminPaths.href(L, 'contentRevisions', `/${id}`);
    const itemHref = (id: number) => `${base}/${id}`;
    const imagesUrl = deps.listMedia ? adminPaths.href(L, 'contentImages') : undefined;
    const noticeOf = (request: FastifyRequest) => {
      const text = doneNotice(str(request.query, 'tb'), L);
      return text ? { notice: { kind: 'ok' as const, text } } : {};
    };

    // ---- List -------------------------------------------------------------------------
    app.get(base, async (request, reply) => {
      const s = await admin.scope(request);
      if (!s.site) return admin.send(request, reply, { title: t(L, 'common.content'), main: noSite(L) }, s);
      authorize(s.actor, 'content.write', s.site.id);
      const q = request.query as Record<string, unknown>;
      const filter = { type: str(q, 'loai'), status: str(q, 'trang_thai'), text: str(q, 'tim').trim().slice(0, 100) };
      const page = Math.min(Math.max(1, Math.floor(Number(str(q, 'trang')) || 1)), 10_000);
      const rows = await adminRepo.listSiteItems(db, s.site.id, {
        type: contentType(filter.type) ? filter.type : undefined,
        ...parseStatus(filter.status),
        text: filter.text || undefined,
        limit: LIST_PAGE + 1,
        offset: (page - 1) * LIST_PAGE,
      });
      const site = await content.siteWorkflow(s.site.id);
      return admin.send(
        request,
        reply,
        {
          title: t(L, 'common.content'),
          main: contentList({
            lang: L,
            base,
            newHref,
            filter,
            rows: rows.slice(0, LIST_PAGE),
            approvalSteps: site.approvalSteps,
            page,
            hasNext: rows.length > LIST_PAGE,
            siteName: siteName(s.site, L),
          }),
        },
        s,
      );
    });

    // ---- New item -----------------------------------------------------------------------
    const newForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      s: AdminScope,
      type: ContentTypeDef,
      values: ItemFormValues,
      more: ExtrasValues,
      errors: Record<string, string> = {},
      status = 200,
    ) => {
      const siteId = s.site!.id;
      return admin.send(
        request,
        reply,
        {
          title: t(L, 'common.newItem'),
          ...(Object.keys(errors).length
            ? {
                notice: {
                  kind: 'error' as const,
                  text: t(L, 'content.itemWasNotCreatedCheck'),
                },
              }
            : {}),
          main: html`<p class="breadcrumb-admin"><a href="${base}">${t(L, 'common.content')}</a> › <a href="${newHref}">${t(L, 'content.new')}</a></p>
<h1>${t(L, 'common.newItem')}: ${t(L, `type.${type.code}`)}</h1>
${itemForm({
  lang: L,
  type,
  action: `${newHref}?loai=${type.code}`,
  csrf: csrfToken(request, reply),
  values,
  errors,
  categories: await siteCategories(siteId),
  extras: await extras.formPart(s, siteId, undefined, more, errors),
  isNew: true,
  ...(imagesUrl ? { imagesUrl } : {}),
  submitLabel: t(L, 'content.saveDraft'),
  cancelHref: base,
})}`,
        },
        s,
        status,
      );
    };

    app.get(newHref, async (request, reply) => {
      const s = await admin.scope(request);
      if (!s.site) return admin.send(request, reply, { title: t(L, 'common.newItem'), main: noSite(L) }, s);
      authorize(s.actor, 'content.write', s.site.id);
      const type = contentType(str(request.query, 'loai'));
      if (!type) return admin.send(request, reply, { title: t(L, 'common.newItem'), main: typeChooser(L, newHref) }, s);
      return newForm(request, reply, s, type, emptyValues('vi'), await extras.valuesFromItem(undefined, undefined));
    });

    app.post(newHref, { preHandler: guard, bodyLimit: ITEM_BODY_LIMIT }, async (request, reply) => {
      const s = await admin.scope(request);
      if (!s.site) return admin.send(request, reply, { title: t(L, 'common.newItem'), main: noSite(L) }, s, 422);
      const type = contentType(str(request.body, 'type'));
      if (!type)
        return admin.send(
          request,
          reply,
          {
            title: t(L, 'common.newItem'),
            main: typeChooser(L, newHref),
            notice: { kind: 'error', text: t(L, 'content.chooseContentType') },
          },
          s,
          422,
        );
      const values = valuesFromBody(request.body, type);
      const errors: Record<string, string> = {};
      if (values.lang !== 'vi' && values.lang !== 'en') {
        errors.lang = t(L, 'common.chooseVietnameseEnglish');
        values.lang = 'vi';
      }
      const { input, problems } = inputFromValues(values, type, await siteCategories(s.site.id), L);
      const more = extras.valuesFromBody(request.body);
      const extra = await extras.inputFrom(s, s.site.id, values.lang, undefined, more);
      Object.assign(errors, errorsByField([...problems, ...extra.problems]));
      if (Object.keys(errors).length) return newForm(request, reply, s, type, values, more, errors, 422);
      try {
        const item = await content.create(s.actor, s.site.id, { ...input, ...extra.input, type: type.code, lang: values.lang });
        const linked = await extras.applyTranslation(s.actor, item.id, extra.translation);
        return reply.redirect(`${itemHref(item.id)}?tb=${linked ? 'da-tao' : 'da-tao-chua-lien-ket'}`, 303);
      } catch (err) {
        if (isDomainError(err) && err.status === 422)
          return newForm(request, reply, s, type, values, more, err.details.length ? errorsByField(err.details) : { form: err.message }, 422);
        throw err;
      }
    });

    // ---- Item page and workflow actions -------------------------------------------------
    /** The item with its revisions; the service refuses people who may not write on its site. */
    async function load(s: AdminScope, id: number) {
      const item = await content.item(id);
      if (!item) throw new NotFound('content.not_found', 'No such item', { messageKey: 'error.body.404' });
      const revisions = await content.revisions(s.actor, id);
      return {
        item,
        revisions,
        working: revisions.find((r) => r.id === item.working_revision_id),
        live: revisions.find((r) => r.id === item.live_revision_id),
      };
    }

    const renderItem = async (
      request: FastifyRequest,
      reply: FastifyReply,
      s: AdminScope,
      id: number,
      extra: { values?: Record<string, string>; errors?: Record<string, string>; error?: string; status?: number } = {},
    ) => {
      const { item, working, live } = await load(s, id);
      const [transitions, site] = await Promise.all([content.transitionsOf(id), content.siteWorkflow(item.site_id)]);
      const caps = capabilitiesOf(s.actor, item.site_id);
      const now = new Date();
      const category = item.category_id ? await categories.find(item.category_id) : undefined;
      const names = await namesOf([item.provider_id, working?.created_by, live?.created_by]);
      const csrf = csrfToken(request, reply);
      const more = await extras.itemSection(s, item, working, csrf, itemHref(item.id), extra.values ?? {}, extra.errors ?? {}, now);
      const deadline = deps.deadlinesOf ? deadlineSection(L, await deps.deadlinesOf(item.id), now) : '';
      return admin.send(
        request,
        reply,
        {
          title: working?.title ?? live?.title ?? `#${item.id}`,
          ...(extra.error ? { notice: { kind: 'error' as const, text: extra.error } } : noticeOf(request)),
          main: itemPage({
            lang: L,
            item,
            working,
            live,
            transitions: transitions as TransitionView[],
            site,
            actions: availableActions(item, transitions, site, caps, now),
            mayEdit: mayEdit({ stage: item.stage, providerId: item.provider_id }, caps),
            csrf,
            here: itemHref(item.id),
            extraDetails: html`${deadline}${more.details}`,
            extraActions: more.actions,
            editHref: editHref(item.id),
            revisionsHref: revisionsHref(item.id),
            listHref: base,
            categoryName: category?.name,
            names,
            values: extra.values ?? {},
            errors: extra.errors ?? {},
            now,
          }),
        },
        s,
        extra.status ?? 200,
      );
    };

    app.get<{ Params: { id: string } }>(`${base}/:id`, async (request, reply) => {
      const id = idParam(request.params.id);
      const s = await admin.scope(request);
      const sent = await renderItem(request, reply, s, id);
      // Seeing the item is reading what one was told about it.
      await notificationsRepo.markRead(db, s.actor.accountId, id);
      return sent;
    });

    app.post<{ Params: { id: string } }>(`${base}/:id`, { preHandler: guard }, async (request, reply) => {
      const id = idParam(request.params.id);
      const s = await admin.scope(request);
      const action = str(request.body, 'thao_tac');
      if (extras.isAction(action)) {
        try {
          const done = await extras.perform(s, id, action, request.body);
          return reply.redirect(`${itemHref(id)}?tb=${done.notice}`, 303);
        } catch (err) {
          // Refusals show their message on the item page; nothing changed. Missing grants stay a 403 page.
          if (!isDomainError(err) || err.code === 'access.denied' || ![409, 422].includes(err.status)) throw err;
          const errors = Object.fromEntries(err.details.map((d) => [`${action}.${d.field}`, d.message]));
          return renderItem(request, reply, s, id, {
            values: { [`${action}.sites`]: joined(request.body, 'sites') },
            errors,
            error: err.message,
            status: err.status,
          });
        }
      }
      if (!isPageAction(action)) throw Object.assign(new Error('Unknown action'), { statusCode: 400, code: 'http.bad_request' });
      const comment = str(request.body, 'comment');
      const reason = str(request.body, 'reason');
      const extra = {
        ...(['return', 'refuse', 'approve', 'emergency_publish'].includes(action) ? { comment } : {}),
        ...(action === 'refuse' && reason ? { reasonCode: reason } : {}),
      };
      try {
        await content.transition(s.actor, id, action, extra);
        return reply.redirect(`${itemHref(id)}?tb=${action}`, 303);
      } catch (err) {
        // Refusals of the workflow show its message on the item page; nothing changed.
        if (!isDomainError(err) || err.code === 'access.denied' || ![403, 409, 422].includes(err.status)) throw err;
        const errors: Record<string, string> = {};
        let status = err.status;
        if (err.code === 'workflow.comment_required') {
          errors[`${action}.comment`] = err.message;
          status = 422;
        }
        if (err.code === 'workflow.reason_required' || err.code === 'workflow.bad_reason') {
          errors[`${action}.reason`] = err.message;
          status = 422;
        }
        return renderItem(request, reply, s, id, {
          values: { [`${action}.comment`]: comment, [`${action}.reason`]: reason },
          errors,
          error: err.message,
          status,
        });
      }
    });

    // ---- Edit -----------------------------------------------------------------------------
    const editForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      s: AdminScope,
      item: ContentItemRow,
      values: ItemFormValues,
      more: ExtrasValues,
      extra: { errors?: Record<string, string>; conflict?: ReturnType<typeof conflictDiff>; status?: number } = {},
    ) => {
      const type = contentType(item.type)!;
      const errors = extra.errors ?? {};
      const title = values.title || `#${item.id}`;
      return admin.send(
        request,
        reply,
        {
          title: `${t(L, 'common.edit')}: ${title}`,
          ...(extra.conflict
            ? {
                notice: {
                  kind: 'error' as const,
                  text: t(L, 'content.notSavedSomeoneElseHas'),
                },
              }
            : Object.keys(errors).length
              ? {
                  notice: {
                    kind: 'error' as const,
                    text: errors.form ?? t(L, 'common.notSavedCheckMarkedFields'),
                  },
                }
              : {}),
          main: html`<p class="breadcrumb-admin"><a href="${base}">${t(L, 'common.content')}</a> › <a href="${itemHref(item.id)}">#${item.id}</a></p>
<h1>${t(L, 'common.edit')}: ${title}</h1>
${itemForm({
  lang: L,
  type,
  action: editHref(item.id),
  csrf: csrfToken(request, reply),
  values,
  errors,
  categories: await siteCategories(item.site_id),
  extras: await extras.formPart(s, item.site_id, item, more, errors),
  isNew: false,
  version: item.version,
  ...(imagesUrl ? { imagesUrl } : {}),
  conflict: extra.conflict,
  submitLabel: extra.conflict ? t(L, 'content.saveMyVersionAnyway') : t(L, 'content.saveNewRevision'),
  cancelHref: itemHref(item.id),
})}`,
        },
        s,
        extra.status ?? 200,
      );
    };

    /** The item, refused with the workflow's message when this person may not edit it now. */
    async function editable(s: AdminScope, id: number) {
      const loaded = await load(s, id);
      if (!mayEdit({ stage: loaded.item.stage, providerId: loaded.item.provider_id }, capabilitiesOf(s.actor, loaded.item.site_id))) {
        throw new Forbidden('content.edit_forbidden', 'Bạn không được sửa tin, bài ở trạng thái này.', { messageKey: 'error.body.403' });
      }
      return loaded;
    }

    app.get<{ Params: { id: string } }>(`${adminPaths.href(L, 'contentEdit')}/:id`, async (request, reply) => {
      const id = idParam(request.params.id);
      const s = await admin.scope(request);
      const { item, working } = await editable(s, id);
      const values = working ? valuesFromRevision(item, working) : emptyValues(item.lang);
      return editForm(request, reply, s, item, values, await extras.valuesFromItem(item, working));
    });

    app.post<{ Params: { id: string } }>(
      `${adminPaths.href(L, 'contentEdit')}/:id`,
      { preHandler: guard, bodyLimit: ITEM_BODY_LIMIT },
      async (request, reply) => {
        const id = idParam(request.params.id);
        const s = await admin.scope(request);
        const { item, working } = await editable(s, id);
        const type = contentType(item.type)!;
        const values = { ...valuesFromBody(request.body, type), lang: item.lang };
        const version = Number(str(request.body, 'version'));
        const { input, problems } = inputFromValues(values, type, await siteCategories(item.site_id), L);
        // What the form did not send (no cover or topic controls) stays as it was.
        const more = extras.valuesFromBody(request.body, await extras.valuesFromItem(item, working));
        const extra = await extras.inputFrom(s, item.site_id, item.lang, item, more);
        // Loaded with the version the person started from, so that the form keeps detecting conflicts.
        const asLoaded = Number.isSafeInteger(version) ? { ...item, version } : item;
        if (problems.length || extra.problems.length)
          return editForm(request, reply, s, asLoaded, values, more, { errors: errorsByField([...problems, ...extra.problems]), status: 422 });
        const keep = working
          ? { coverMediaId: working.cover_media_id, coverCaption: working.cover_caption, attachments: working.attachments, topicIds: working.topic_ids }
          : {};
        try {
          await content.save(s.actor, id, { ...keep, ...input, ...extra.input }, Number.isSafeInteger(version) ? version : -1);
          const linked = await extras.applyTranslation(s.actor, id, extra.translation);
          return reply.redirect(`${itemHref(id)}?tb=${linked ? 'da-luu' : 'da-luu-chua-lien-ket'}`, 303);
        } catch (err) {
          if (isDomainError(err) && err.code === 'content.edit_conflict') {
            // Shown with the current version: saving again, knowingly, replaces the other person's save.
            const current = (await content.item(id)) ?? item;
            return editForm(request, reply, s, current, values, more, { conflict: conflictDiff(err.details), status: 409 });
          }
          if (isDomainError(err) && err.status === 422)
            return editForm(request, reply, s, asLoaded, values, more, {
              errors: err.details.length ? errorsByField(err.details) : { form: err.message },
              status: 422,
            });
          throw err;
        }
      },
    );

    // ---- Revisions --------------------------------------------------------------------------
    const renderRevisions = async (request: FastifyRequest, reply: FastifyReply, s: AdminScope, id: number, error?: string, status = 200) => {
      const { item, revisions, working } = await load(s, id);
      const q = request.query as Record<string, unknown>;
      const pick = (key: string) => revisions.find((r) => String(r.id) === str(q, key));
      let from: ContentRevisionRow | undefined = pick('tu');
      let to: ContentRevisionRow | undefined = pick('den');
      if (!from || !to) [to, from] = [revisions[0], revisions[1]];
      const compare = from && to ? { from, to, diff: await content.compare(s.actor, id, from.id, to.id) } : undefined;
      const names = await namesOf(revisions.map((r) => r.created_by));
      const title = working?.title ?? `#${item.id}`;
      return admin.send(
        request,
        reply,
        {
          title: `${t(L, 'common.revisions')}: ${title}`,
          ...(error ? { notice: { kind: 'error' as const, text: error } } : {}),
          main: revisionsPage({
            lang: L,
            title,
            itemHref: itemHref(id),
            here: revisionsHref(id),
            revisions,
            workingId: item.working_revision_id,
            liveId: item.live_revision_id,
            names,
            mayRestore: mayEdit({ stage: item.stage, providerId: item.provider_id }, capabilitiesOf(s.actor, item.site_id)),
            csrf: csrfToken(request, reply),
            compare,
          }),
        },
        s,
        status,
      );
    };

    app.get<{ Params: { id: string } }>(`${adminPaths.href(L, 'contentRevisions')}/:id`, async (request, reply) => {
      const id = idParam(request.params.id);
      return renderRevisions(request, reply, await admin.scope(request), id);
    });

    app.post<{ Params: { id: string } }>(`${adminPaths.href(L, 'contentRevisions')}/:id`, { preHandler: guard }, async (request, reply) => {
      const id = idParam(request.params.id);
      const s = await admin.scope(request);
      const revisionId = Number(str(request.body, 'phien_ban'));
      if (!Number.isSafeInteger(revisionId) || revisionId <= 0) throw Object.assign(new Error('Bad revision'), { statusCode: 400, code: 'http.bad_request' });
      try {
        await content.restore(s.actor, id, revisionId);
        return reply.redirect(`${itemHref(id)}?tb=da-khoi-phuc`, 303);
      } catch (err) {
        if (isDomainError(err) && (err.status === 422 || err.status === 409)) return renderRevisions(request, reply, s, id, err.message, err.status);
        throw err;
      }
    });
  }
}
