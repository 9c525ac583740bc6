/**
 * One statement written by several modules: a data-modifying CTE that inserts a row (`with … as
 * (insert … returning *)`), followed by other modules' inserts that read the new row — a request
 * and its deadlines and mail, say — in one round trip and one commit, atomic without BEGIN.
 *
 * The other modules refer to the inserted rows through a `CteRef`, typed by the CTE's columns,
 * never by its name: the name is chosen here, where the statement is put together, so a module's
 * SQL stays in its own repo and depends on no other module's alias.
 */
import { sql, type Compilable, type OperationNodeSource, type RawBuilder } from 'kysely';
import type { DbOrTx } from './create-db.ts';

/** The rows a CTE of the statement holds, for a step to read. */
export interface CteRef<C extends object> {
  /** One of its columns, as an expression (`select ${ref.column('id')} from ${ref.table}`). */
  column<K extends keyof C & string>(name: K): RawBuilder<C[K]>;
  /** The CTE as a table to select from. */
  readonly table: RawBuilder<unknown>;
}

function cteRef<C extends object>(name: string): CteRef<C> {
  return { column: (column) => sql.ref(`${name}.${column}`), table: sql.table(name) };
}

/**
 * ONE statement: `insert` (a query returning the rows it inserts), then each of `steps` — inserts
 * of other modules built on the reference to those rows, so they write nothing when it inserted
 * nothing — and the inserted rows as the result.
 */
export async function insertWithSteps<Row extends object>(
  db: DbOrTx,
  insert: Compilable<Row> & OperationNodeSource,
  steps: (inserted: CteRef<Row>) => readonly RawBuilder<unknown>[],
): Promise<Row[]> {
  const inserted = cteRef<Row>('inserted');
  const more = steps(inserted).map((step, n) => sql`, ${sql.raw(`step_${n}`)} as (${step})`);
  const result = await sql<Row>`with ${inserted.table} as (${insert})${sql.join(more, sql``)} select * from ${inserted.table}`.execute(db);
  return result.rows;
}
