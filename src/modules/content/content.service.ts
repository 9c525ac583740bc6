/**
 * Use cases of content: write and revise items, move them through the editorial workflow,
 * publish on time, and compare or restore revisions. Every use case authorises first, runs
 * in one transaction, records its audit entry and notifies the next actors.
 */
import { withTx, type Db, type Tx } from '../../platform/db/create-db.ts';
import type { ContentItemRow, ContentRevisionRow } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { cleanText, slugify } from '../../platform/text/index.ts';
import { sanitizeRichText } from '../../platform/text/sanitize.ts';
import { audited } from '../audit/index.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { actorId, authorize, authorizeAny, can, type Actor } from '../access/index.ts';
import { contentType, fieldProblems, isRefusalReason } from './content-types.ts';
import * as repo from './content.repo.ts';
import { consentMode, consentsOf, setConsent, type ConsentMode } from './crosspost-consent.repo.ts';
import * as liveRepo from './live.repo.ts';
import { decide, mayEdit, type Capabilities, type SiteWorkflow, type WorkflowAction } from './workflow.ts';
import { diffRevisions, type RevisionDiff } from './revision-diff.ts';
import { findCategory } from './categories.repo.ts';

export interface ItemInput {
  title: string;
  summary?: string;
  bodyHtml?: string;
  fields?: Record<string, unknown>;
  categoryId?: number | null;
  topicIds?: number[];
  source?: string;
  authorName?: string;
  isReference?: boolean;
  coverMediaId?: number | null;
  coverCaption?: string;
  attachments?: number[];
  publishAt?: Date | null;
  unpublishAt?: Date | null;
  changeNote?: string;
  featured?: boolean;
}

export interface NewItemInput extends ItemInput {
  type: string;
  lang: string;
  slug?: string;
  /** CONT-9: readers' contributions may have no source and author. */
  readersContribution?: boolean;
}

/** Who to tell about what happened (filled by the module from the accounts module). */
export interface Notifier {
  accountsWithRoles(siteId: number, roles: readonly string[]): Promise<{ id: number; email: string; name: string }[]>;
  contact(id: number): Promise<{ id: number; email: string; name: string; status: string } | undefined>;
  adminLink(itemId: number): string;
  /** The kind of a site and its parent portal (for cross-posting between sites). */
  siteInfo(siteId: number): Promise<{ id: number; kind: string; parentId: number | null } | undefined>;
}

const LANG_RE = /^[a-z]{2,3}$/;

function capabilities(actor: Actor, siteId: number): Capabilities {
  return {
    actorId: actorId(actor),
    system: actor.kind === 'system',
    write: can(actor, 'content.write', siteId),
    edit: can(actor, 'content.edit', siteId),
    approve: can(actor, 'content.approve', siteId),
    emergency: can(actor, 'content.emergency', siteId),
  };
}

function validate(input: ItemInput, typeCode: string, readers: boolean): FieldProblem[] {
  const type = contentType(typeCode);
  const problems: FieldProblem[] = [];
  if (!type) return [{ field: 'type', message: 'Loại nội dung không hợp lệ.' }];
  const title = cleanText(input.title ?? '');
  if (!title) problems.push({ field: 'title', message: 'Cần nhập tiêu đề.' });
  if (title.length > 500) problems.push({ field: 'title', message: 'Tiêu đề dài quá 500 ký tự.' });
  if (!readers && !type.sourceOptional) {
    if (!cleanText(input.source ?? '')) problems.push({ field: 'source', message: 'Cần ghi nguồn tin (CONT-9).' });
    if (!cleanText(input.authorName ?? '')) problems.push({ field: 'authorName', message: 'Cần ghi tác giả (CONT-9).' });
  }
  if (input.publishAt && input.unpublishAt && input.unpublishAt <= input.publishAt) {
    problems.push({ field: 'unpublishAt', message: 'Thời điểm gỡ phải sau thời điểm đăng.' });
  }
  problems.push(...fieldProblems(type, input.fields ?? {}));
  return problems;
}

async function revisionFrom(tx: Tx, itemId: number, input: ItemInput, createdBy: number | null): Promise<ContentRevisionRow> {
  return repo.insertRevision(tx, {
    item_id: itemId,
    number: await repo.nextRevisionNumber(tx, itemId),
    title: cleanText(input.title),
    summary: cleanText(input.summary ?? ''),
    body_html: await sanitizeRichText(input.bodyHtml ?? ''),
    fields: Object.fromEntries(Object.entries(input.fields ?? {}).map(([k, v]) => [k, typeof v === 'string' ? cleanText(v) : v])),
    cover_media_id: input.coverMediaId ?? null,
    cover_caption: cleanText(input.coverCaption ?? ''),
    attachments: input.attachments ?? [],
    source: cleanText(input.source ?? ''),
    author_name: cleanText(input.authorName ?? ''),
    is_reference: input.isReference ?? false,
    topic_ids: input.topicIds ?? [],
    change_note: cleanText(input.changeNote ?? ''),
    created_by: createdBy,
  });
}

/** A category must belong to the item's own site and language. */
async function checkCategory(tx: Tx, categoryId: number | null | undefined, siteId: number, lang: string): Promise<void> {
  if (categoryId === null || categoryId === undefined) return;
  const category = await findCategory(tx, categoryId);
  if (!category || category.site_id !== siteId || category.lang !== lang) {
    throw new Invalid('content.bad_category', 'Chuyên mục không thuộc trang này.', {
      details: [{ field: 'categoryId', message: 'Chuyên mục không thuộc trang này.' }],
    });
  }
}

/** Called inside every transaction that may change what the public sees of an item (the search index). */
export type PublicChangeHook = (tx: Tx, itemId: number) => Promise<void>;

export class ContentService {
  readonly #db: Db;
  readonly #notifier: Notifier;
  #publicChanged: PublicChangeHook | undefined;

  constructor(db: Db, notifier: Notifier, publicChanged?: PublicChangeHook) {
    this.#db = db;
    this.#notifier = notifier;
    this.#publicChanged = publicChanged;
  }

  /** Sets the hook after construction (the search module registers once the service exists). */
  onPublicChange(hook: PublicChangeHook): void {
    this.#publicChanged = hook;
  }

  #changed: PublicChangeHook | undefined;
  /** Called inside every transaction that creates, revises or moves an item (its legal deadline). */
  onChange(hook: PublicChangeHook): void {
    this.#changed = hook;
  }

  async siteWorkflow(siteId: number): Promise<SiteWorkflow> {
    const s = await repo.workflowSettings(this.#db, siteId);
    return { approvalSteps: s?.approval_steps === 1 ? 1 : 2, forbidSelfApproval: s?.forbid_self_approval ?? true };
  }

  /** Configures a site's approval steps (1 or 2) and whether approving one's own item is forbidden. */
  async configureWorkflow(actor: Actor, siteId: number, steps: 1 | 2, forbidSelfApproval: boolean): Promise<void> {
    authorize(actor, 'site.settings', siteId);
    if (steps !== 1 && steps !== 2) throw new Invalid('workflow.invalid_steps', 'Số bước duyệt phải là 1 hoặc 2.');
    await withTx(this.#db, async (tx) => {
      await repo.upsertWorkflowSettings(tx, siteId, steps, forbidSelfApproval);
      await audited(tx, actor, 'workflow.configured', { siteId }, { steps, forbid_self_approval: forbidSelfApproval });
    });
  }

  /** Creates a draft item with its first revision. */
  async create(actor: Actor, siteId: number, input: NewItemInput): Promise<ContentItemRow> {
    authorize(actor, 'content.write', siteId);
    const problems = validate(input, input.type, input.readersContribution ?? false);
    if (!LANG_RE.test(input.lang)) problems.push({ field: 'lang', message: 'Mã ngôn ngữ không hợp lệ.' });
    if (problems.length) throw new Invalid('content.invalid', problems.map((p) => p.message).join(' '), { details: problems });
    const type = contentType(input.type)!;
    return withTx(this.#db, async (tx) => {
      await checkCategory(tx, input.categoryId, siteId, input.lang);
      const base = slugify(input.slug || input.title) || 'tin';
      let slug = base;
      for (let n = 2; await repo.slugTaken(tx, siteId, input.lang, slug); n++) slug = `${base}-${n}`;
      const item = await repo.insertItem(tx, {
        site_id: siteId,
        type: input.type,
        lang: input.lang,
        slug,
        category_id: input.categoryId ?? null,
        provider_id: actorId(actor),
        publish_at: input.publishAt ?? null,
        unpublish_at: input.unpublishAt ?? null,
        review_interval_days: type.reviewIntervalDays ?? null,
        translation_group: null,
        origin_item_id: null,
        stage: 'draft',
        featured: input.featured ?? false,
      });
      const rev = await revisionFrom(tx, item.id, input, actorId(actor));
      const saved = await repo.updateItem(tx, item.id, { working_revision_id: rev.id });
      await repo.insertTransition(tx, {
        item_id: item.id,
        revision_id: rev.id,
        from_stage: null,
        to_stage: 'draft',
        action: 'create',
        actor_id: actorId(actor),
        reason_code: null,
        comment: '',
      });
      await this.#changed?.(tx, item.id);
      await audited(tx, actor, 'content.created', { type: 'content', id: String(item.id), siteId }, { type: input.type, title: rev.title });
      return saved;
    });
  }

  /**
   * Saves a new revision. `expectedVersion` is the version the editor loaded: when someone
   * else saved in between, the save is refused with a Conflict carrying the difference.
   * Editing a published item leaves the published revision live until the new one is approved.
   */
  async save(actor: Actor, itemId: number, input: ItemInput, expectedVersion: number): Promise<{ item: ContentItemRow; revision: ContentRevisionRow }> {
    const first = await repo.findItem(this.#db, itemId);
    if (!first) throw new NotFound('content.not_found');
    authorize(actor, 'content.write', first.site_id);
    const problems = validate(input, first.type, false);
    if (problems.length) throw new Invalid('content.invalid', problems.map((p) => p.message).join(' '), { details: problems });
    return withTx(this.#db, async (tx) => {
      const item = (await repo.lockItem(tx, itemId))!;
      if (!mayEdit({ stage: item.stage, providerId: item.provider_id }, capabilities(actor, item.site_id))) {
        throw new Forbidden('content.edit_forbidden', 'Bạn không được sửa tin, bài ở trạng thái này.', { messageKey: 'error.body.403' });
      }
      if (item.version !== expectedVersion) {
        const theirs = item.working_revision_id ? await repo.findRevision(tx, item.working_revision_id) : undefined;
        const diff = theirs ? diffRevisions(theirs, { title: input.title, summary: input.summary ?? '', body_html: input.bodyHtml ?? '' }) : undefined;
        throw new Conflict('content.edit_conflict', 'Tin, bài vừa được người khác sửa và lưu. Xem phần khác nhau, tải lại rồi sửa tiếp.', {
          details: [{ field: 'version', message: JSON.stringify(diff ?? null) }],
        });
      }
      await checkCategory(tx, input.categoryId, item.site_id, item.lang);
      // What the form did not send stays as it was (cover, attachments, topics).
      const current = item.working_revision_id ? await repo.findRevision(tx, item.working_revision_id) : undefined;
      const merged: ItemInput = {
        ...input,
        coverMediaId: input.coverMediaId === undefined ? (current?.cover_media_id ?? null) : input.coverMediaId,
        coverCaption: input.coverCaption ?? current?.cover_caption ?? '',
        attachments: input.attachments ?? current?.attachments ?? [],
        topicIds: input.topicIds ?? current?.topic_ids ?? [],
      };
      const rev = await revisionFrom(tx, item.id, merged, actorId(actor));
      // A new working copy of a published, approved or scheduled item goes back through approval.
      const stage = item.stage === null || item.stage === 'approved' || item.stage === 'scheduled' ? 'draft' : item.stage;
      const saved = await repo.updateItem(tx, item.id, {
        working_revision_id: rev.id,
        stage,
        category_id: input.categoryId === undefined ? item.category_id : input.categoryId,
        publish_at: input.publishAt === undefined ? item.publish_at : input.publishAt,
        unpublish_at: input.unpublishAt === undefined ? item.unpublish_at : input.unpublishAt,
        featured: input.featured ?? item.featured,
      });
      await this.#changed?.(tx, item.id);
      // The category lives on the item: a live item's changes at once in search.
      if (item.visibility === 'live' && saved.category_id !== item.category_id) await this.#publicChanged?.(tx, item.id);
      await audited(tx, actor, 'content.revised', { type: 'content', id: String(item.id), siteId: item.site_id }, { revision: rev.number, title: rev.title });
      return { item: saved, revision: rev };
    });
  }

  /** Moves an item through the workflow; refusals say why, and change nothing. */
  async transition(
    actor: Actor,
    itemId: number,
    action: WorkflowAction,
    extra: { reasonCode?: string; comment?: string } = {},
    now = new Date(),
  ): Promise<ContentItemRow> {
    const first = await repo.findItem(this.#db, itemId);
    if (!first) throw new NotFound('content.not_found');
    if (actor.kind === 'person') authorize(actor, 'admin.enter', first.site_id);
    if (extra.reasonCode && !isRefusalReason(extra.reasonCode)) {
      const message = 'Lý do từ chối không có trong quy chế.';
      throw new Invalid('workflow.bad_reason', message, { details: [{ field: 'reasonCode', message }] });
    }
    const site = await this.siteWorkflow(first.site_id);
    const recipients = await this.#recipients(first, action, site);
    const result = await withTx(this.#db, async (tx) => {
      const item = (await repo.lockItem(tx, itemId))!;
      const emergencyBy = item.emergency ? await repo.lastActorOf(tx, item.id, 'emergency_publish') : null;
      const decision = decide(
        action,
        {
          stage: item.stage,
          visibility: item.visibility,
          providerId: item.provider_id,
          publishAt: item.publish_at,
          hasLive: item.live_revision_id !== null,
          emergency: item.emergency,
          emergencyReviewedBy: item.emergency_reviewed_by,
          emergencyBy,
        },
        site,
        capabilities(actor, item.site_id),
        extra,
        now,
      );
      if (!decision.ok) {
        if (decision.code === 'workflow.forbidden') throw new Forbidden(decision.code, decision.message);
        // Missing input is the person's to fix (422); a wrong state is a conflict (409).
        const field = decision.code === 'workflow.comment_required' ? 'comment' : decision.code === 'workflow.reason_required' ? 'reasonCode' : undefined;
        if (field) throw new Invalid(decision.code, decision.message, { details: [{ field, message: decision.message }] });
        throw new Conflict(decision.code, decision.message, { details: [{ field: 'action', message: decision.message }] });
      }
      const p = decision.patch;
      const publish = p.publishWorking === true;
      const type = contentType(item.type);
      const saved = await repo.updateItem(tx, item.id, {
        ...(p.stage !== undefined ? { stage: p.stage } : {}),
        ...(p.visibility !== undefined ? { visibility: p.visibility } : {}),
        ...(p.emergency !== undefined ? { emergency: p.emergency, emergency_reason: cleanText(extra.comment ?? '') } : {}),
        ...(p.emergencyReviewedBy !== undefined ? { emergency_reviewed_by: p.emergencyReviewedBy } : {}),
        ...(publish
          ? {
              live_revision_id: item.working_revision_id,
              published_at: now,
              first_published_at: item.first_published_at ?? now,
              next_review_at: type?.reviewIntervalDays ? new Date(now.getTime() + type.reviewIntervalDays * 86_400_000) : item.next_review_at,
            }
          : {}),
      });
      await repo.insertTransition(tx, {
        item_id: item.id,
        revision_id: item.working_revision_id,
        from_stage: item.stage,
        to_stage: saved.stage,
        action,
        actor_id: actorId(actor),
        reason_code: extra.reasonCode ?? null,
        comment: cleanText(extra.comment ?? ''),
      });
      await audited(
        tx,
        actor,
        `content.${action}`,
        { type: 'content', id: String(item.id), siteId: item.site_id },
        {
          from: item.stage,
          to: saved.stage,
          visibility: saved.visibility,
          ...(extra.reasonCode ? { reason: extra.reasonCode } : {}),
          ...(extra.comment ? { comment: cleanText(extra.comment).slice(0, 500) } : {}),
        },
      );
      if (publish || p.visibility !== undefined) await this.#publicChanged?.(tx, item.id);
      await this.#changed?.(tx, item.id);
      await this.#notify(tx, saved, action, actor, extra, site, recipients);
      await announceChange(tx, item.site_id);
      return saved;
    });
    return result;
  }

  /**
   * Who must act next after `action`. Looked up before the transaction opens: on the
   * embedded database a query outside a transaction waits for it to end.
   */
  async #recipients(item: ContentItemRow, action: WorkflowAction, site: SiteWorkflow): Promise<{ id: number; email: string; name: string }[]> {
    if (action === 'submit')
      return this.#notifier.accountsWithRoles(
        item.site_id,
        site.approvalSteps === 2 ? ['board_member', 'board_deputy', 'board_head'] : ['board_deputy', 'board_head'],
      );
    if (action === 'take') return this.#notifier.accountsWithRoles(item.site_id, ['board_deputy', 'board_head']);
    if (action === 'emergency_publish') return this.#notifier.accountsWithRoles(item.site_id, ['board_member', 'board_deputy', 'board_head']);
    if (['return', 'refuse', 'approve', 'publish_due', 'unpublish'].includes(action) && item.provider_id) {
      const provider = await this.#notifier.contact(item.provider_id);
      return provider && provider.status === 'active' ? [provider] : [];
    }
    return [];
  }

  /** Tells them, in the admin and by e-mail, inside the transaction of the change. */
  async #notify(
    tx: Tx,
    item: ContentItemRow,
    action: WorkflowAction,
    actor: Actor,
    extra: { comment?: string },
    site: SiteWorkflow,
    recipients: readonly { id: number; email: string; name: string }[],
  ): Promise<void> {
    if (recipients.length === 0) return;
    const rev = item.working_revision_id ? await repo.findRevision(tx, item.working_revision_id) : undefined;
    const title = rev?.title ?? `#${item.id}`;
    const what: Record<string, string> = {
      submit: `Tin, bài chờ ${site.approvalSteps === 2 ? 'biên tập' : 'duyệt'}: ${title}`,
      take: `Tin, bài chờ duyệt: ${title}`,
      emergency_publish: `Tin, bài đăng khẩn cấp cần xem xét lại: ${title}`,
      return: `Tin, bài "${title}" được trả lại để bổ sung`,
      refuse: `Tin, bài "${title}" bị từ chối đăng`,
      approve: `Tin, bài "${title}" ${item.stage === 'scheduled' ? 'đã được duyệt và lên lịch đăng' : 'đã được duyệt và đăng'}`,
      publish_due: `Tin, bài "${title}" đã được đăng theo lịch`,
      unpublish: `Tin, bài "${title}" đã được gỡ`,
    };
    const base = what[action];
    if (!base) return;
    const message = extra.comment && ['return', 'refuse', 'approve'].includes(action) ? `${base}: ${cleanText(extra.comment).slice(0, 300)}` : base;
    const me = actorId(actor);
    const link = this.#notifier.adminLink(item.id);
    for (const r of recipients.filter((x) => x.id !== me)) {
      await repo.insertNotification(tx, { account_id: r.id, site_id: item.site_id, item_id: item.id, message, link });
      await queueMail(tx, { to: r.email, subject: message.slice(0, 200), text: `${message}\n\n${link}\n\n— Cổng` });
    }
  }

  /** Publishes what is due and withdraws what has expired (background job; safe on several processes). */
  async runSchedule(now = new Date()): Promise<{ published: number; unpublished: number }> {
    const system: Actor = { kind: 'system', label: 'scheduler' };
    let published = 0;
    let unpublished = 0;
    for (const { id } of await repo.dueToPublish(this.#db, now)) {
      try {
        await this.transition(system, id, 'publish_due', {}, now);
        published++;
      } catch (err) {
        // Another process got there first: the item is no longer scheduled.
        if (!(err instanceof Conflict)) throw err;
      }
    }
    for (const { id } of await repo.dueToUnpublish(this.#db, now)) {
      try {
        await this.transition(system, id, 'unpublish', {}, now);
        unpublished++;
      } catch (err) {
        if (!(err instanceof Conflict)) throw err;
      }
    }
    return { published, unpublished };
  }

  /** The revisions of an item, newest first (anyone who may enter the admin of its site). */
  async revisions(actor: Actor, itemId: number): Promise<ContentRevisionRow[]> {
    const item = await repo.findItem(this.#db, itemId);
    if (!item) throw new NotFound('content.not_found');
    authorize(actor, 'content.write', item.site_id);
    return repo.listRevisions(this.#db, itemId);
  }

  /** Word-level difference between two revisions of one item. */
  async compare(actor: Actor, itemId: number, fromId: number, toId: number): Promise<RevisionDiff> {
    const all = await this.revisions(actor, itemId);
    const a = all.find((r) => r.id === fromId);
    const b = all.find((r) => r.id === toId);
    if (!a || !b) throw new NotFound('content.revision_not_found');
    return diffRevisions(a, b);
  }

  /** Restores an old revision as a new working draft (history is never rewritten). */
  async restore(actor: Actor, itemId: number, revisionId: number): Promise<ContentRevisionRow> {
    const all = await this.revisions(actor, itemId);
    const old = all.find((r) => r.id === revisionId);
    if (!old) throw new NotFound('content.revision_not_found');
    const item = (await repo.findItem(this.#db, itemId))!;
    const { revision } = await this.save(
      actor,
      itemId,
      {
        title: old.title,
        summary: old.summary,
        bodyHtml: old.body_html,
        fields: old.fields,
        source: old.source,
        authorName: old.author_name,
        isReference: old.is_reference,
        coverMediaId: old.cover_media_id,
        coverCaption: old.cover_caption,
        attachments: old.attachments,
        topicIds: old.topic_ids,
        changeNote: `Khôi phục từ phiên bản ${old.number}`,
      },
      item.version,
    );
    return revision;
  }

  /** The queues of the board: "Chờ biên tập", "Chờ duyệt", "Bị trả lại" (one's own), "Đã lên lịch". */
  async queues(actor: Actor, siteId: number) {
    if (!can(actor, 'content.write', siteId)) {
      // An overseer (oversight grant on the portal above) reads the board's queues, and does nothing in them.
      authorize(actor, 'oversight.queues', siteId);
      const site = await this.siteWorkflow(siteId);
      return {
        readOnly: true,
        toEdit: site.approvalSteps === 2 ? await repo.itemsInStage(this.#db, siteId, ['submitted']) : [],
        toApprove: await repo.itemsInStage(this.#db, siteId, site.approvalSteps === 2 ? ['in_review'] : ['submitted', 'in_review']),
        returned: [],
        scheduled: await repo.itemsInStage(this.#db, siteId, ['scheduled']),
      };
    }
    const site = await this.siteWorkflow(siteId);
    const me = actorId(actor) ?? -1;
    return {
      toEdit: can(actor, 'content.edit', siteId) && site.approvalSteps === 2 ? await repo.itemsInStage(this.#db, siteId, ['submitted']) : [],
      toApprove: can(actor, 'content.approve', siteId)
        ? await repo.itemsInStage(this.#db, siteId, site.approvalSteps === 2 ? ['in_review'] : ['submitted', 'in_review'])
        : [],
      returned: await repo.itemsInStage(this.#db, siteId, ['returned'], me),
      scheduled: await repo.itemsInStage(this.#db, siteId, ['scheduled']),
      readOnly: false,
    };
  }

  /** Whether an item is a copy the portal cross-posted down (its original is on the site's parent). */
  async cameFromPortal(item: ContentItemRow): Promise<boolean> {
    if (item.origin_item_id === null) return false;
    const origin = await repo.findItem(this.#db, item.origin_item_id);
    if (!origin) return false;
    const site = await this.#notifier.siteInfo(item.site_id);
    return site?.parentId === origin.site_id;
  }

  /** For the oversight dashboard: items waiting for the board (editing or approval) and live items past their review date. */
  async oversightFigures(actor: Actor, siteId: number, now = new Date()): Promise<{ waiting: number; overdueReviews: number }> {
    authorizeAny(actor, ['content.edit', 'oversight.queues'], siteId);
    const [waiting, overdue] = await Promise.all([repo.itemsInStage(this.#db, siteId, ['submitted', 'in_review']), repo.overdueReviews(this.#db, siteId, now)]);
    return { waiting: waiting.length, overdueReviews: overdue.length };
  }

  /**
   * SITE-3: the portal board pushes one of the portal's published items to chosen component
   * sites. Each gets its own live copy, linked to the original (canonical link on its page).
   */
  async crossPost(actor: Actor, itemId: number, targetSiteIds: readonly number[]): Promise<ContentItemRow[]> {
    const source = await repo.findItem(this.#db, itemId);
    if (!source) throw new NotFound('content.not_found');
    authorize(actor, 'content.approve', source.site_id);
    const portal = await this.#notifier.siteInfo(source.site_id);
    if (portal?.kind !== 'portal') throw new Invalid('crosspost.not_portal', 'Chỉ Cổng thông tin mới đăng chéo tin, bài sang trang thành phần.');
    if (source.visibility !== 'live' || !source.live_revision_id) throw new Invalid('crosspost.not_live', 'Chỉ đăng chéo được tin, bài đang được đăng.');
    const targets = [...new Set(targetSiteIds)];
    if (targets.length === 0)
      throw new Invalid('crosspost.no_target', 'Cần chọn ít nhất một trang thành phần.', {
        details: [{ field: 'sites', message: 'Cần chọn ít nhất một trang thành phần.' }],
      });
    for (const id of targets) {
      const info = await this.#notifier.siteInfo(id);
      if (!info || info.parentId !== source.site_id) throw new Invalid('crosspost.bad_target', 'Trang được chọn không phải trang thành phần của Cổng.');
    }
    // The receiving board's consent: unless it chose "publish at once" for this source, the copy
    // waits in its queue, to go live on its own approval (the workflow's decide()). Read before
    // the transaction (one connection on PGlite), with the board to tell.
    const waits = new Map<number, { workflow: SiteWorkflow; recipients: { id: number; email: string; name: string }[] }>();
    for (const siteId of targets) {
      if ((await consentMode(this.#db, siteId, source.site_id)) === 'at_once') continue;
      const workflow = await this.siteWorkflow(siteId);
      const roles = workflow.approvalSteps === 2 ? ['board_member', 'board_deputy', 'board_head'] : ['board_deputy', 'board_head'];
      waits.set(siteId, { workflow, recipients: [...(await this.#notifier.accountsWithRoles(siteId, roles))] });
    }
    return withTx(this.#db, async (tx) => {
      const live = (await repo.findRevision(tx, source.live_revision_id!))!;
      const made: ContentItemRow[] = [];
      for (const siteId of targets) {
        const wait = waits.get(siteId);
        if (wait) {
          made.push(await this.#crossPostToQueue(tx, actor, source, live, siteId, wait.workflow, wait.recipients));
          continue;
        }
        let slug = source.slug;
        for (let n = 2; await repo.slugTaken(tx, siteId, source.lang, slug); n++) slug = `${source.slug}-${n}`;
        const copy = await repo.insertItem(tx, {
          site_id: siteId,
          type: source.type,
          lang: source.lang,
          slug,
          category_id: null,
          provider_id: actorId(actor),
          publish_at: null,
          unpublish_at: source.unpublish_at,
          review_interval_days: null,
          translation_group: null,
          origin_item_id: source.id,
          stage: 'draft',
          featured: false,
        });
        const rev = await repo.insertRevision(tx, { ...copyOf(live), item_id: copy.id, number: 1, created_by: actorId(actor) });
        const now = new Date();
        made.push(
          await repo.updateItem(tx, copy.id, {
            working_revision_id: rev.id,
            live_revision_id: rev.id,
            stage: null,
            visibility: 'live',
            published_at: now,
            first_published_at: now,
          }),
        );
        await repo.insertTransition(tx, {
          item_id: copy.id,
          revision_id: rev.id,
          from_stage: null,
          to_stage: null,
          action: 'cross_post',
          actor_id: actorId(actor),
          reason_code: null,
          comment: `#${source.id}`,
        });
        await this.#publicChanged?.(tx, copy.id);
        await audited(tx, actor, 'content.cross_posted', { type: 'content', id: String(copy.id), siteId }, { origin: source.id, from_site: source.site_id });
        await announceChange(tx, siteId);
      }
      return made;
    });
  }

  /** A cross-posted copy that waits in the receiving board's queue ("Chờ biên tập"), the board told. */
  async #crossPostToQueue(
    tx: Tx,
    actor: Actor,
    source: ContentItemRow,
    live: ContentRevisionRow,
    siteId: number,
    workflow: SiteWorkflow,
    recipients: readonly { id: number; email: string; name: string }[],
  ): Promise<ContentItemRow> {
    let slug = source.slug;
    for (let n = 2; await repo.slugTaken(tx, siteId, source.lang, slug); n++) slug = `${source.slug}-${n}`;
    const copy = await repo.insertItem(tx, {
      site_id: siteId,
      type: source.type,
      lang: source.lang,
      slug,
      category_id: null,
      provider_id: actorId(actor),
      publish_at: null,
      unpublish_at: source.unpublish_at,
      review_interval_days: null,
      translation_group: null,
      origin_item_id: source.id,
      stage: 'submitted',
      featured: false,
    });
    const rev = await repo.insertRevision(tx, { ...copyOf(live), item_id: copy.id, number: 1, created_by: actorId(actor) });
    const saved = await repo.updateItem(tx, copy.id, { working_revision_id: rev.id });
    await repo.insertTransition(tx, {
      item_id: copy.id,
      revision_id: rev.id,
      from_stage: null,
      to_stage: 'submitted',
      action: 'cross_post',
      actor_id: actorId(actor),
      reason_code: null,
      comment: `#${source.id}`,
    });
    await audited(
      tx,
      actor,
      'content.cross_posted',
      { type: 'content', id: String(copy.id), siteId },
      { origin: source.id, from_site: source.site_id, waits: true },
    );
    await this.#notify(tx, saved, 'submit', actor, {}, workflow, recipients);
    return saved;
  }

  /** How `siteId` receives items cross-posted from `sourceSiteId`: 'at_once' or 'wait' (the default). */
  crossPostConsent(siteId: number, sourceSiteId: number): Promise<ConsentMode> {
    return consentMode(this.#db, siteId, sourceSiteId);
  }

  /** The receiving site's consents by source site (sources without one wait). */
  async crossPostConsents(actor: Actor, siteId: number): Promise<Map<number, ConsentMode>> {
    authorize(actor, 'content.approve', siteId);
    return new Map((await consentsOf(this.#db, siteId)).map((r) => [r.source_site_id, r.mode]));
  }

  /**
   * The receiving site's board chooses how items cross-posted from `sourceSiteId` arrive:
   * live at once, or waiting for its approval. Only a site that may cross-post here (its parent
   * portal) is a source.
   */
  async setCrossPostConsent(actor: Actor, siteId: number, sourceSiteId: number, mode: ConsentMode): Promise<void> {
    authorize(actor, 'content.approve', siteId);
    const site = await this.#notifier.siteInfo(siteId);
    const source = await this.#notifier.siteInfo(sourceSiteId);
    if (!site || !source || site.parentId !== source.id || source.kind !== 'portal')
      throw new Invalid('consent.bad_source', 'Trang này không đăng chéo sang trang của bạn.', {
        details: [{ field: 'source', message: 'Trang này không đăng chéo sang trang của bạn.' }],
      });
    await withTx(this.#db, async (tx) => {
      const before = await consentMode(tx, siteId, sourceSiteId);
      await setConsent(tx, siteId, sourceSiteId, mode);
      await audited(tx, actor, 'content.crosspost_consent', { type: 'site', id: String(siteId), siteId }, { source: sourceSiteId, before, after: mode });
    });
  }

  /**
   * SITE-3: a component site proposes one of its published items to its portal, where it
   * enters the portal board's queue ("Chờ biên tập") to be approved or refused as usual.
   */
  async proposeToPortal(actor: Actor, itemId: number): Promise<ContentItemRow> {
    const source = await repo.findItem(this.#db, itemId);
    if (!source) throw new NotFound('content.not_found');
    authorize(actor, 'content.edit', source.site_id);
    const site = await this.#notifier.siteInfo(source.site_id);
    if (!site?.parentId) throw new Invalid('propose.no_portal', 'Trang này không thuộc cổng thông tin nào.');
    if (source.visibility !== 'live' || !source.live_revision_id) throw new Invalid('propose.not_live', 'Chỉ đề xuất được tin, bài đang được đăng.');
    if (await this.cameFromPortal(source)) throw new Invalid('propose.from_portal', 'Tin, bài này được Cổng đăng chéo sang, không đề xuất ngược lại được.');
    const portalId = site.parentId;
    const portalWorkflow = await this.siteWorkflow(portalId);
    const recipients = await this.#notifier.accountsWithRoles(
      portalId,
      portalWorkflow.approvalSteps === 2 ? ['board_member', 'board_deputy', 'board_head'] : ['board_deputy', 'board_head'],
    );
    return withTx(this.#db, async (tx) => {
      const live = (await repo.findRevision(tx, source.live_revision_id!))!;
      let slug = source.slug;
      for (let n = 2; await repo.slugTaken(tx, portalId, source.lang, slug); n++) slug = `${source.slug}-${n}`;
      const proposal = await repo.insertItem(tx, {
        site_id: portalId,
        type: source.type,
        lang: source.lang,
        slug,
        category_id: null,
        provider_id: actorId(actor),
        publish_at: null,
        unpublish_at: null,
        review_interval_days: null,
        translation_group: null,
        origin_item_id: source.id,
        stage: 'submitted',
        featured: false,
      });
      const rev = await repo.insertRevision(tx, { ...copyOf(live), item_id: proposal.id, number: 1, created_by: actorId(actor) });
      const saved = await repo.updateItem(tx, proposal.id, { working_revision_id: rev.id });
      await repo.insertTransition(tx, {
        item_id: proposal.id,
        revision_id: rev.id,
        from_stage: null,
        to_stage: 'submitted',
        action: 'propose',
        actor_id: actorId(actor),
        reason_code: null,
        comment: `#${source.id}`,
      });
      await audited(
        tx,
        actor,
        'content.proposed',
        { type: 'content', id: String(proposal.id), siteId: portalId },
        { origin: source.id, from_site: source.site_id },
      );
      await this.#notify(tx, saved, 'submit', actor, {}, portalWorkflow, recipients);
      return saved;
    });
  }

  /**
   * Links an item with `otherItemId`, an item of the other language on the same site, as
   * translations of each other: both get the smaller id as their translation group, and
   * whatever was linked to either before is unlinked. With null, the item is unlinked.
   */
  async linkTranslation(actor: Actor, itemId: number, otherItemId: number | null): Promise<void> {
    const item = await repo.findItem(this.#db, itemId);
    if (!item) throw new NotFound('content.not_found');
    authorize(actor, 'content.edit', item.site_id);
    if (otherItemId !== null) {
      const other = await repo.findItem(this.#db, otherItemId);
      const problem =
        !other || other.site_id !== item.site_id || other.id === item.id
          ? 'Bản dịch phải là một tin, bài khác của cùng trang.'
          : other.lang === item.lang
            ? 'Bản dịch phải là tin, bài bằng ngôn ngữ khác.'
            : undefined;
      if (problem) throw new Invalid('content.bad_translation', problem, { details: [{ field: 'translationOf', message: problem }] });
    }
    const group = otherItemId === null ? null : Math.min(itemId, otherItemId);
    await withTx(this.#db, async (tx) => {
      await repo.setTranslationGroup(tx, item.site_id, otherItemId === null ? [itemId] : [itemId, otherItemId], group);
      await audited(tx, actor, 'content.translation_linked', { type: 'content', id: String(itemId), siteId: item.site_id }, { other: otherItemId, group });
      await announceChange(tx, item.site_id);
    });
  }

  /** WF-6: the board confirms a fixed page is still accurate; the next review is due after its interval. */
  async markReviewed(actor: Actor, itemId: number, now = new Date()): Promise<ContentItemRow> {
    const item = await repo.findItem(this.#db, itemId);
    if (!item) throw new NotFound('content.not_found');
    authorize(actor, 'content.edit', item.site_id);
    const days = item.review_interval_days ?? contentType(item.type)?.reviewIntervalDays;
    // An item without periodic review may still have had one asked for (requestReview): done, none next.
    if (!days && !item.next_review_at) throw new Invalid('review.no_interval', 'Tin, bài này không cần rà soát định kỳ.');
    return withTx(this.#db, async (tx) => {
      const next = days ? new Date(now.getTime() + days * 86_400_000) : null;
      const saved = await repo.updateItem(tx, item.id, { next_review_at: next, review_reminded_at: null });
      await audited(tx, actor, 'content.reviewed', { type: 'content', id: String(item.id), siteId: item.site_id }, { next_review_at: saved.next_review_at });
      return saved;
    });
  }

  /**
   * WF-6 on demand: the board asks for a live item to be reviewed now. It is due at once (the
   * overdue reviews, the dashboard), and the board and the item's provider are told.
   */
  async requestReview(actor: Actor, itemId: number, now = new Date()): Promise<ContentItemRow> {
    const item = await repo.findItem(this.#db, itemId);
    if (!item) throw new NotFound('content.not_found');
    authorize(actor, 'content.edit', item.site_id);
    if (item.visibility !== 'live' || !item.live_revision_id) throw new Invalid('review.not_live', 'Chỉ yêu cầu rà soát được tin, bài đang được đăng.');
    const board = await this.#notifier.accountsWithRoles(item.site_id, ['board_member', 'board_deputy', 'board_head']);
    const provider = item.provider_id ? await this.#notifier.contact(item.provider_id) : undefined;
    const recipients = [...board, ...(provider?.status === 'active' && !board.some((b) => b.id === provider.id) ? [provider] : [])];
    return withTx(this.#db, async (tx) => {
      const saved = await repo.updateItem(tx, item.id, { next_review_at: now, review_reminded_at: now });
      const live = await repo.findRevision(tx, item.live_revision_id!);
      const message = `Đề nghị rà soát thông tin: ${live?.title ?? `#${item.id}`}`;
      const link = this.#notifier.adminLink(item.id);
      const me = actorId(actor);
      for (const r of recipients.filter((x) => x.id !== me)) {
        await repo.insertNotification(tx, { account_id: r.id, site_id: item.site_id, item_id: item.id, message, link });
        await queueMail(tx, { to: r.email, subject: message.slice(0, 200), text: `${message}\n\n${link}\n\n— Cổng` });
      }
      await audited(tx, actor, 'content.review_requested', { type: 'content', id: String(item.id), siteId: item.site_id }, { next_review_at: now });
      return saved;
    });
  }

  /** WF-6 reminders (background job): tells each site's board about overdue reviews, at most once a week per item. */
  async remindOverdueReviews(now = new Date()): Promise<number> {
    const due = await repo.reviewsToRemind(this.#db, now, new Date(now.getTime() - 7 * 86_400_000));
    let sent = 0;
    for (const item of due) {
      const board = await this.#notifier.accountsWithRoles(item.site_id, ['board_member', 'board_deputy', 'board_head']);
      await withTx(this.#db, async (tx) => {
        await repo.updateItem(tx, item.id, { review_reminded_at: now });
        const message = `Đến hạn rà soát thông tin: ${item.title}`;
        const link = this.#notifier.adminLink(item.id);
        for (const r of board) {
          await repo.insertNotification(tx, { account_id: r.id, site_id: item.site_id, item_id: item.id, message, link });
          await queueMail(tx, { to: r.email, subject: message.slice(0, 200), text: `${message}\n\n${link}\n\n— Cổng` });
        }
      });
      sent++;
    }
    return sent;
  }

  async item(itemId: number): Promise<ContentItemRow | undefined> {
    return repo.findItem(this.#db, itemId);
  }

  transitionsOf(itemId: number) {
    return repo.listTransitions(this.#db, itemId);
  }

  liveBySlug(siteId: number, lang: string, slug: string) {
    return liveRepo.findLiveBySlug(this.#db, siteId, lang, slug);
  }

  listLive(siteId: number, lang: string, opts: { type?: string; categoryId?: number; featured?: boolean; limit: number; offset: number }) {
    return liveRepo.listLive(this.#db, siteId, lang, opts);
  }

  overdueReviews(siteId: number, now = new Date()) {
    return repo.overdueReviews(this.#db, siteId, now);
  }
}

/** The content of a revision, to copy into another item (cross-posting, proposals). */
function copyOf(r: ContentRevisionRow): Omit<repo.NewRevision, 'item_id' | 'number' | 'created_by'> {
  return {
    title: r.title,
    summary: r.summary,
    body_html: r.body_html,
    fields: r.fields,
    cover_media_id: r.cover_media_id,
    cover_caption: r.cover_caption,
    attachments: r.attachments,
    source: r.source,
    author_name: r.author_name,
    is_reference: r.is_reference,
    topic_ids: [],
    change_note: '',
  };
}
