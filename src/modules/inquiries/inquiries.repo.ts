/** The only SQL of citizens' requests, their history, attachments, agencies and settings. */
import { sql, type Insertable, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import { insertWithSteps, type CteRef } from '../../platform/db/cte.ts';
import type { InquiriesTable, InquiryAgenciesTable, InquiryAttachmentsTable, InquiryEventsTable } from '../../platform/db/schema.ts';

export type InquiryRow = Selectable<InquiriesTable>;
/** An answering agency: a unit of the site's directory (its name is the unit's). */
export type AgencyRow = Selectable<InquiryAgenciesTable> & { name: string };
export type EventRow = Selectable<InquiryEventsTable>;
export type AttachmentRow = Selectable<InquiryAttachmentsTable>;
export type InquiryPatch = Updateable<InquiriesTable>;

// ——— Agencies and settings ———

/** The agencies with their units' names (the directory's units are the agencies). */
function agencyQuery(db: DbOrTx) {
  return db
    .selectFrom('inquiry_agencies')
    .innerJoin('directory_units', 'directory_units.id', 'inquiry_agencies.unit_id')
    .selectAll('inquiry_agencies')
    .select('directory_units.name_vi as name');
}

export function agencies(db: DbOrTx, siteId: number, activeOnly = true): Promise<AgencyRow[]> {
  let q = agencyQuery(db).where('inquiry_agencies.site_id', '=', siteId);
  if (activeOnly) q = q.where('inquiry_agencies.active', '=', true);
  return q.orderBy('inquiry_agencies.position').orderBy('directory_units.name_vi').execute();
}

export function agencyById(db: DbOrTx, id: number): Promise<AgencyRow | undefined> {
  return agencyQuery(db).where('inquiry_agencies.id', '=', id).executeTakeFirst();
}

/** A unit becomes an answering agency of its site; undefined when it already is one. */
export async function insertAgency(db: DbOrTx, row: Insertable<InquiryAgenciesTable>): Promise<AgencyRow | undefined> {
  const added = await db
    .insertInto('inquiry_agencies')
    .values(row)
    .onConflict((oc) => oc.columns(['site_id', 'unit_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return added ? agencyById(db, added.id) : undefined;
}

export async function updateAgency(db: DbOrTx, id: number, patch: Updateable<InquiryAgenciesTable>): Promise<void> {
  await db.updateTable('inquiry_agencies').set(patch).where('id', '=', id).execute();
}

export async function clearHotlineDefault(db: DbOrTx, siteId: number): Promise<void> {
  await db.updateTable('inquiry_agencies').set({ hotline_default: false }).where('site_id', '=', siteId).execute();
}

export async function answerReview(db: DbOrTx, siteId: number): Promise<boolean> {
  const row = await db.selectFrom('inquiry_settings').select('answer_review').where('site_id', '=', siteId).executeTakeFirst();
  return row?.answer_review ?? true;
}

export async function setAnswerReview(db: DbOrTx, siteId: number, value: boolean): Promise<void> {
  await db
    .insertInto('inquiry_settings')
    .values({ site_id: siteId, answer_review: value })
    .onConflict((oc) => oc.column('site_id').doUpdateSet({ answer_review: value, updated_at: sql<Date>`now()` }))
    .execute();
}

// ——— Requests ———

/**
 * A new request and its `received` event — the one place that event is written — in ONE
 * statement, with `steps` of other modules that read the new request (its deadlines, the
 * citizen's mail): one round trip, atomic without BEGIN. Undefined when the idempotency key was
 * taken by an earlier submission; then nothing at all is written.
 */
export async function insertReceived(
  db: DbOrTx,
  row: Insertable<InquiriesTable>,
  event: { at: Date; actorId: number | null },
  steps: (request: CteRef<InquiryRow>) => readonly RawBuilder<unknown>[] = () => [],
): Promise<InquiryRow | undefined> {
  const insert = db
    .insertInto('inquiries')
    .values(row)
    .onConflict((oc) => oc.columns(['site_id', 'idempotency_key']).doNothing())
    .returningAll();
  const [inserted] = await insertWithSteps(db, insert, (request) => [
    sql`insert into inquiry_events (inquiry_id, at, kind, actor_id) select ${request.column('id')}, ${event.at}::timestamptz, 'received', ${event.actorId}::integer from ${request.table}`,
    ...steps(request),
  ]);
  return inserted;
}

export function byIdempotencyKey(db: DbOrTx, siteId: number, key: string): Promise<InquiryRow | undefined> {
  return db.selectFrom('inquiries').selectAll().where('site_id', '=', siteId).where('idempotency_key', '=', key).executeTakeFirst();
}

export function byCode(db: DbOrTx, code: string): Promise<InquiryRow | undefined> {
  return db.selectFrom('inquiries').selectAll().where('code', '=', code).executeTakeFirst();
}

export function byId(db: DbOrTx, id: number): Promise<InquiryRow | undefined> {
  return db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row, locked until the transaction ends: two officers acting at once take turns. */
export function lockById(db: DbOrTx, id: number): Promise<InquiryRow | undefined> {
  return db.selectFrom('inquiries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateInquiry(db: DbOrTx, id: number, patch: InquiryPatch): Promise<void> {
  await db
    .updateTable('inquiries')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export function mergedInto(db: DbOrTx, id: number): Promise<InquiryRow[]> {
  return db.selectFrom('inquiries').selectAll().where('merged_into', '=', id).orderBy('id').execute();
}

export interface ListFilter {
  siteIds: readonly number[];
  statuses?: readonly string[];
  agencyIds?: readonly number[];
  channel?: string;
  field?: string;
  /** Words of the title (accent-insensitive). */
  q?: string;
  /** Only requests with an open deadline due before this moment (overdue and due-soon queues). */
  dueBefore?: Date;
  /** With dueBefore: only those due from this moment (due soon, not yet overdue). */
  dueAfter?: Date;
  limit: number;
  offset: number;
}

export interface ListedInquiry {
  id: number;
  site_id: number;
  code: string;
  channel: string;
  kind: string;
  field: string;
  title: string;
  status: string;
  agency_id: number | null;
  received_at: Date;
  published_at: Date | null;
  next_due_at: Date | null;
}

/** Requests for the consoles, with the earliest open deadline of each. */
export async function list(db: DbOrTx, f: ListFilter): Promise<{ rows: ListedInquiry[]; total: number }> {
  if (f.siteIds.length === 0 || (f.agencyIds && f.agencyIds.length === 0)) return { rows: [], total: 0 };
  const due = sql<Date | null>`(select min(d.due_at) from deadlines d where d.subject_id = i.id and d.subject_type like 'inquiry\\_%' and d.met_at is null)`;
  let q = db.selectFrom('inquiries as i').where('i.site_id', 'in', f.siteIds);
  if (f.statuses?.length) q = q.where('i.status', 'in', f.statuses);
  if (f.agencyIds) q = q.where('i.agency_id', 'in', f.agencyIds);
  if (f.channel) q = q.where('i.channel', '=', f.channel as never);
  if (f.field) q = q.where('i.field', '=', f.field);
  if (f.q) q = q.where(sql<boolean>`cong_fold(i.title) like '%' || cong_fold(${f.q}) || '%'`);
  if (f.dueBefore) q = q.where(due, '<', f.dueBefore);
  if (f.dueAfter) q = q.where(due, '>=', f.dueAfter);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'i.id',
      'i.site_id',
      'i.code',
      'i.channel',
      'i.kind',
      'i.field',
      'i.title',
      'i.status',
      'i.agency_id',
      'i.received_at',
      'i.published_at',
      due.as('next_due_at'),
    ])
    .orderBy(sql`${due} asc nulls last`)
    .orderBy('i.received_at', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows: rows as ListedInquiry[], total: Number(total.n) };
}

/** Requests per stage, for the consoles' tabs. */
export async function countsByStatus(db: DbOrTx, siteIds: readonly number[], agencyIds?: readonly number[]): Promise<Map<string, number>> {
  if (siteIds.length === 0 || (agencyIds && agencyIds.length === 0)) return new Map();
  let q = db
    .selectFrom('inquiries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_id', 'in', siteIds);
  if (agencyIds) q = q.where('agency_id', 'in', agencyIds);
  const rows = await q.groupBy('status').execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** Earlier requests of the site that look like the same matter: trigram similarity of title and text. */
export async function likelyDuplicates(db: DbOrTx, row: InquiryRow, limit = 5): Promise<(ListedInquiry & { score: number })[]> {
  const r = await sql<ListedInquiry & { score: number }>`
    select i.id, i.site_id, i.code, i.channel, i.kind, i.field, i.title, i.status, i.agency_id, i.received_at, i.published_at, null::timestamptz as next_due_at,
           greatest(similarity(cong_fold(i.title), cong_fold(${row.title})), word_similarity(cong_fold(left(${row.body}, 400)), cong_fold(left(i.body, 2000))) * 0.8)::float8 as score
    from inquiries i
    where i.site_id = ${row.site_id} and i.id <> ${row.id} and i.status <> 'merged'
      and i.received_at > ${row.received_at}::timestamptz - interval '365 days'
      and (cong_fold(i.title) % cong_fold(${row.title}) or similarity(cong_fold(left(i.body, 2000)), cong_fold(left(${row.body}, 2000))) > 0.35)
    order by score desc, i.received_at desc
    limit ${limit}`.execute(db);
  return r.rows.filter((x) => x.score >= 0.3);
}

// ——— History and attachments ———

export async function insertEvent(db: DbOrTx, row: Insertable<InquiryEventsTable>): Promise<void> {
  await db.insertInto('inquiry_events').values(row).execute();
}

export function eventsOf(db: DbOrTx, inquiryId: number, publicOnly: boolean): Promise<EventRow[]> {
  let q = db.selectFrom('inquiry_events').selectAll().where('inquiry_id', '=', inquiryId);
  if (publicOnly) q = q.where('public', '=', true);
  return q.orderBy('id').execute();
}

export async function insertAttachment(db: DbOrTx, row: Insertable<InquiryAttachmentsTable>): Promise<AttachmentRow> {
  return db.insertInto('inquiry_attachments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function attachmentsOf(db: DbOrTx, inquiryId: number): Promise<AttachmentRow[]> {
  return db.selectFrom('inquiry_attachments').selectAll().where('inquiry_id', '=', inquiryId).orderBy('id').execute();
}

export function attachmentById(db: DbOrTx, id: number): Promise<AttachmentRow | undefined> {
  return db.selectFrom('inquiry_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteAttachments(db: DbOrTx, inquiryId: number, role: AttachmentRow['role']): Promise<string[]> {
  const rows = await db.deleteFrom('inquiry_attachments').where('inquiry_id', '=', inquiryId).where('role', '=', role).returning('storage_key').execute();
  return rows.map((r) => r.storage_key);
}

export async function deleteAttachment(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('inquiry_attachments').where('id', '=', id).execute();
}

// ——— The public Q&A ———

export interface PublishedRow {
  id: number;
  site_id: number;
  field: string;
  public_title: string;
  public_question: string;
  public_answer_html: string;
  public_slug: string;
  published_at: Date;
  answered_at: Date | null;
  agency_id: number | null;
  lang: string;
}

const publishedColumns = [
  'id',
  'site_id',
  'field',
  'public_title',
  'public_question',
  'public_answer_html',
  'public_slug',
  'published_at',
  'answered_at',
  'agency_id',
  'lang',
] as const;

export async function published(
  db: DbOrTx,
  siteId: number,
  field: string | undefined,
  limit: number,
  offset: number,
): Promise<{ rows: PublishedRow[]; total: number }> {
  let q = db.selectFrom('inquiries').where('site_id', '=', siteId).where('published_at', 'is not', null);
  if (field) q = q.where('field', '=', field);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([...publishedColumns])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows: rows as PublishedRow[], total: Number(total.n) };
}

export async function publishedFieldCounts(db: DbOrTx, siteId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('inquiries')
    .select(['field', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_id', '=', siteId)
    .where('published_at', 'is not', null)
    .groupBy('field')
    .execute();
  return new Map(rows.map((r) => [r.field, Number(r.n)]));
}

export async function publishedBySlug(db: DbOrTx, siteId: number, slug: string): Promise<PublishedRow | undefined> {
  const row = await db
    .selectFrom('inquiries')
    .select([...publishedColumns])
    .where('site_id', '=', siteId)
    .where('public_slug', '=', slug)
    .where('published_at', 'is not', null)
    .executeTakeFirst();
  return row as PublishedRow | undefined;
}

export async function slugTaken(db: DbOrTx, siteId: number, slug: string, exceptId: number): Promise<boolean> {
  return (
    (await db
      .selectFrom('inquiries')
      .select('id')
      .where('site_id', '=', siteId)
      .where('public_slug', '=', slug)
      .where('id', '<>', exceptId)
      .executeTakeFirst()) !== undefined
  );
}

export async function publishedBatch(db: DbOrTx, afterId: number, limit: number): Promise<PublishedRow[]> {
  const rows = await db
    .selectFrom('inquiries')
    .select([...publishedColumns])
    .where('published_at', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows as PublishedRow[];
}

// ——— Retention ———

/** Closed requests whose personal data are past the retention period. */
export async function toErase(db: DbOrTx, closedBefore: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('inquiries')
    .select('id')
    .where('personal_erased_at', 'is', null)
    .where('closed_at', '<', closedBefore)
    .orderBy('closed_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function redactEventNote(db: DbOrTx, eventId: number, note: string): Promise<void> {
  await db.updateTable('inquiry_events').set({ note }).where('id', '=', eventId).execute();
}
