/**
 * SQL snapshots: the text of the statements the product sends, as Kysely compiles them, kept in
 * committed files so that a change to a hot query shows in the diff of the change that made it.
 * A recorder (a Kysely plugin on the modules' database) compiles each statement while the test
 * drives the real pages and API; the formatter below gives every file a stable layout.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type KyselyPlugin,
  PostgresQueryCompiler,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

export const SNAPSHOT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
/** `UPDATE_SQL_SNAPSHOTS=1 npm run test:sql` rewrites the files instead of comparing with them. */
export const UPDATING = process.env.UPDATE_SQL_SNAPSHOTS === '1';

/** Records the SQL of every statement run while `record` is running. */
export class SqlRecorder implements KyselyPlugin {
  // Both engines compile with Kysely's PostgreSQL compiler (see platform/db/pglite-dialect.ts).
  readonly #compiler = new PostgresQueryCompiler();
  #statements: string[] | undefined;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#statements?.push(this.#compiler.compileQuery(args.node, args.queryId).sql);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** The statements `work` ran, in order. */
  async record(work: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    this.#statements = statements;
    try {
      await work();
    } finally {
      this.#statements = undefined;
    }
    return statements;
  }
}

/** Clauses that start a line, longest first so that `order by` wins over `or`. */
const CLAUSES = [
  'insert into',
  'on conflict',
  'inner join',
  'left join',
  'order by',
  'group by',
  'returning',
  'select',
  'values',
  'update',
  'delete',
  'offset',
  'union',
  'where',
  'limit',
  'from',
  'with',
  'set',
];

/** Clauses whose comma-separated items get a line each (common table expressions, columns, sort keys). */
const LISTS = new Set(['with', 'select', 'returning', 'order by', 'group by', 'set']);

/** Clauses whose `and`-joined conditions get a line each. */
const CONDITIONS = new Set(['where', 'inner join', 'left join']);

/**
 * One clause per line, one item per line in column and sort lists and one condition per line in
 * a where clause, indented by the depth of parentheses; whitespace outside quotes collapsed. Deterministic, and close enough to how a
 * person writes SQL that a changed column, condition or join shows as a changed line.
 */
export function formatSql(text: string): string {
  const lines: string[] = [];
  let line = '';
  let lineIndent = 0;
  let depth = 0;
  /** The clause that opened the current line's list at each depth. */
  const clauseAt: (string | undefined)[] = [];
  const flush = (nextIndent: number) => {
    const trimmed = line.trim();
    if (trimmed) lines.push(`${'  '.repeat(lineIndent)}${trimmed}`);
    line = '';
    lineIndent = nextIndent;
  };
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      // A quoted literal or identifier, copied as it is (a doubled quote stays inside).
      let j = i + 1;
      while (j < text.length && !(text[j] === ch && text[j + 1] !== ch)) j += text[j] === ch ? 2 : 1;
      line += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '-' && text[i + 1] === '-') {
      // A comment of a hand-written statement: a line of its own.
      const end = text.indexOf('\n', i);
      flush(depth);
      line = text.slice(i, end < 0 ? text.length : end);
      flush(depth);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      if (line && !line.endsWith(' ')) line += ' ';
      i++;
      continue;
    }
    const before = i === 0 ? ' ' : text[i - 1]!;
    if (/\s/.test(before) && text.startsWith('and', i) && /\s/.test(text[i + 3] ?? '') && CONDITIONS.has(clauseAt[depth] ?? '')) {
      flush(depth + 1);
      line = 'and';
      i += 3;
      continue;
    }
    const clause = /[\s(]/.test(before) ? CLAUSES.find((c) => text.startsWith(c, i) && !/[\w$]/.test(text[i + c.length] ?? ' ')) : undefined;
    if (clause) {
      flush(depth);
      clauseAt[depth] = clause;
      line = clause;
      i += clause.length;
      continue;
    }
    i++;
    if (ch === '(') {
      depth++;
      clauseAt[depth] = undefined;
    } else if (ch === ')') {
      line = line.trimEnd();
      depth = Math.max(0, depth - 1);
    } else if (ch === ',') {
      line = `${line.trimEnd()},`;
      const list = clauseAt[depth];
      if (list && LISTS.has(list)) flush(list === 'with' ? depth : depth + 1);
      continue;
    }
    line += ch;
  }
  flush(0);
  return `${lines.join('\n')}\n`;
}

/** The file's text: what produced the statement, then the statement. */
export function snapshotText(title: string, sql: string): string {
  return `-- ${title}\n-- Generated by test/sql-snapshots.test.ts: UPDATE_SQL_SNAPSHOTS=1 npm run test:sql rewrites it.\n${formatSql(sql)}`;
}
