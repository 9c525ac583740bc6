/** The only SQL of deadlines and site rules. */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { CteRef } from '../../platform/db/cte.ts';
import type { Selectable } from 'kysely';
import type { DeadlineExplanation, DeadlinesTable } from '../../platform/db/schema.ts';
import type { SiteRule } from './rules.ts';

export type DeadlineRow = Selectable<DeadlinesTable>;

export async function siteRules(db: DbOrTx, siteId: number): Promise<SiteRule[]> {
  const r =
    await sql<SiteRule>`select code, variant, label, amount, unit, effective_from::text as "effectiveFrom" from deadline_rules where site_id = ${siteId} order by effective_from`.execute(
      db,
    );
  return r.rows;
}

export async function insertSiteRule(db: DbOrTx, siteId: number, rule: SiteRule, createdBy: number | null): Promise<void> {
  await db
    .insertInto('deadline_rules')
    .values({
      site_id: siteId,
      code: rule.code,
      variant: rule.variant,
      label: rule.label,
      amount: rule.amount,
      unit: rule.unit,
      effective_from: rule.effectiveFrom,
      created_by: createdBy,
    })
    .execute();
}

export async function upsertDeadline(
  db: DbOrTx,
  row: Omit<DeadlineRow, 'id' | 'met_at' | 'late_seconds' | 'reminded_at' | 'escalated_at' | 'updated_at' | 'agency'> & { agency?: string },
): Promise<void> {
  await db
    .insertInto('deadlines')
    .values({ ...row, explanation: JSON.stringify(row.explanation) })
    .onConflict((oc) =>
      oc.columns(['subject_type', 'subject_id', 'rule_code']).doUpdateSet({
        site_id: row.site_id,
        rule_label: row.rule_label,
        owner_id: row.owner_id,
        amount: row.amount,
        unit: row.unit,
        trigger_at: row.trigger_at,
        due_at: row.due_at,
        explanation: JSON.stringify(row.explanation),
        agency: row.agency ?? '',
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

export function findDeadlines(db: DbOrTx, subjectType: string, subjectId: number): Promise<DeadlineRow[]> {
  return db.selectFrom('deadlines').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('due_at').execute();
}

export async function deleteOpen(db: DbOrTx, subjectType: string, subjectId: number): Promise<void> {
  await db.deleteFrom('deadlines').where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).where('met_at', 'is', null).execute();
}

export async function meet(db: DbOrTx, subjectType: string, subjectId: number, at: Date): Promise<void> {
  await sql`update deadlines set met_at = ${at}, late_seconds = greatest(0, extract(epoch from (${at}::timestamptz - due_at)))::int, updated_at = now()
    where subject_type = ${subjectType} and subject_id = ${subjectId} and met_at is null`.execute(db);
}

/** Open deadlines counted by the calendar (a date promised to the citizen is not: it stays as promised). */
export function openDeadlines(db: DbOrTx): Promise<DeadlineRow[]> {
  return db.selectFrom('deadlines').selectAll().where('met_at', 'is', null).where('unit', '!=', 'date').orderBy('id').execute();
}

export async function setDue(db: DbOrTx, id: number, dueAt: Date, explanation: DeadlineExplanation): Promise<void> {
  await db
    .updateTable('deadlines')
    .set({ due_at: dueAt, explanation: JSON.stringify(explanation), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Deadlines of sites in a period (by due moment), for the compliance dashboard. */
export function deadlinesBetween(db: DbOrTx, siteIds: readonly number[], from: Date, to: Date): Promise<DeadlineRow[]> {
  if (siteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('site_id', 'in', siteIds)
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .orderBy('due_at')
    .execute();
}

/** The owners of open deadlines (to tell them when the calendar moves their due moments). */
export async function openOwners(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectFrom('deadlines').select('owner_id').distinct().where('met_at', 'is', null).where('owner_id', 'is not', null).execute();
  return rows.map((r) => r.owner_id!);
}

export async function setAgency(db: DbOrTx, subjectType: string, subjectId: number, agency: string): Promise<void> {
  await db
    .updateTable('deadlines')
    .set({ agency, reminded_at: null, updated_at: sql<Date>`now()` })
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('met_at', 'is', null)
    .execute();
}

/** Several new deadlines at once; one already there (a repeated call) is left as it is. */
export async function insertNewDeadlines(
  db: DbOrTx,
  rows: readonly (Omit<DeadlineRow, 'id' | 'met_at' | 'late_seconds' | 'reminded_at' | 'escalated_at' | 'updated_at' | 'agency'> & { agency: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('deadlines')
    .values(rows.map((r) => ({ ...r, explanation: JSON.stringify(r.explanation) })))
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'rule_code']).doNothing())
    .execute();
}

/**
 * One new deadline as a step of a caller's single statement: its subject is each row of the
 * caller's CTE `subject` (the thing just inserted), so nothing is written when it holds none.
 */
export function insertDeadlineFor(row: Parameters<typeof insertNewDeadlines>[1][number], subject: CteRef<{ id: number }>): RawBuilder<unknown> {
  return sql`insert into deadlines (site_id, subject_type, subject_id, rule_code, rule_label, owner_id, amount, unit, trigger_at, due_at, explanation, agency)
    select ${row.site_id}, ${row.subject_type}, ${subject.column('id')}, ${row.rule_code}, ${row.rule_label}, ${row.owner_id}::integer, ${row.amount}, ${row.unit}, ${row.trigger_at}::timestamptz, ${row.due_at}::timestamptz, ${JSON.stringify(row.explanation)}::jsonb, ${row.agency} from ${subject.table}`;
}
