/**
 * SQL of the search platform. Queries run in two stages so that their cost is bounded
 * whatever the words (see docs/architecture.md, "Search"):
 *
 *  1. candidates — at most a few hundred ids from a handful of small queries, each "newest
 *     first, LIMIT n": all matches (folded vector), title matches, and, when the citizen typed
 *     diacritics, the exact-diacritic equivalents. The planner walks the date index for a
 *     word that is everywhere and the GIN index for a rare one; quoted phrases first need the
 *     adjacent-syllable pairs (an exact GIN lookup) before the positional check;
 *  2. ranking and snippets — over the candidates only, then `ts_headline` for the page shown.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx, Tx } from '../../platform/db/create-db.ts';

/** A document as the service prepares it: display values and the text of each weight. */
export interface IndexRow {
  doc_type: string;
  ref_id: string;
  site_id: number;
  lang: string;
  kind: string;
  category_id: number | null;
  topic_ids: number[];
  published_at: Date;
  path: string;
  title: string;
  /** The title as indexed (document numbers split into words). */
  title_text: string;
  text_a: string;
  text_b: string;
  text_c: string;
  text_d: string;
  pairs_text: string;
  summary: string;
  /** Snippet source. */
  body: string;
}

const weighted = (config: string) =>
  sql.raw(
    `setweight(to_tsvector('${config}'::regconfig, v.title_text || ' ' || v.text_a), 'A') || setweight(to_tsvector('${config}'::regconfig, v.text_b), 'B') || ` +
      `setweight(to_tsvector('${config}'::regconfig, v.text_c), 'C') || setweight(to_tsvector('${config}'::regconfig, v.text_d), 'D')`,
  );

/** Adds or replaces documents (and their snippet text) in two statements, whatever their number. */
export async function upsertDocuments(tx: Tx | DbOrTx, rows: readonly IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    (r) =>
      sql`(${r.doc_type}::text, ${r.ref_id}::text, ${r.site_id}::int, ${r.lang}::text, ${r.kind}::text, ${r.category_id}::int, ${r.topic_ids}::int[], ${r.published_at}::timestamptz, ${r.path}::text, ${r.title}::text, ${r.title_text}::text, ${r.text_a}::text, ${r.text_b}::text, ${r.text_c}::text, ${r.text_d}::text, ${r.pairs_text}::text)`,
  );
  const inserted = await sql<{ id: string; ref_id: string; doc_type: string }>`
    with v (doc_type, ref_id, site_id, lang, kind, category_id, topic_ids, published_at, path, title, title_text, text_a, text_b, text_c, text_d, pairs_text) as (values ${sql.join(values)})
    insert into search_documents (doc_type, ref_id, site_id, lang, kind, category_id, topic_ids, published_at, path, title, exact, folded, title_exact, title_folded, pairs)
    select v.doc_type, v.ref_id, v.site_id, v.lang, v.kind, v.category_id, v.topic_ids, v.published_at, v.path, v.title,
      ${weighted('simple')}, ${weighted('cong_folded')},
      to_tsvector('simple'::regconfig, v.title_text), to_tsvector('cong_folded'::regconfig, v.title_text), to_tsvector('simple'::regconfig, v.pairs_text)
    from v
    on conflict (doc_type, ref_id) do update set
      site_id = excluded.site_id, lang = excluded.lang, kind = excluded.kind, category_id = excluded.category_id, topic_ids = excluded.topic_ids,
      published_at = excluded.published_at, path = excluded.path, title = excluded.title, exact = excluded.exact, folded = excluded.folded,
      title_exact = excluded.title_exact, title_folded = excluded.title_folded, pairs = excluded.pairs, indexed_at = now()
    returning id, ref_id, doc_type`.execute(tx);
  const byKey = new Map(rows.map((r) => [`${r.doc_type}\u0000${r.ref_id}`, r]));
  const texts = inserted.rows.map((row) => {
    const r = byKey.get(`${row.doc_type}\u0000${row.ref_id}`)!;
    return sql`(${row.id}::bigint, ${r.summary}::text, ${r.body}::text)`;
  });
  await sql`insert into search_texts (document_id, summary, body) values ${sql.join(texts)}
    on conflict (document_id) do update set summary = excluded.summary, body = excluded.body`.execute(tx);
}

export async function deleteDocument(tx: Tx | DbOrTx, docType: string, refId: string): Promise<number> {
  const r = await tx.deleteFrom('search_documents').where('doc_type', '=', docType).where('ref_id', '=', refId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteType(tx: Tx | DbOrTx, docType: string): Promise<void> {
  await tx.deleteFrom('search_documents').where('doc_type', '=', docType).execute();
}

export async function countDocuments(db: DbOrTx): Promise<number> {
  const r = await db
    .selectFrom('search_documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function analyze(db: DbOrTx): Promise<void> {
  await sql`analyze search_documents`.execute(db);
}

export interface SearchFilters {
  /** Sites searched (never empty). */
  siteIds: readonly number[];
  lang?: string | undefined;
  /** Document types, each optionally narrowed to one kind ("content" / "content:news"). */
  types?: readonly { docType: string; kind?: string | undefined }[] | undefined;
  categoryIds?: readonly number[] | undefined;
  topicId?: number | undefined;
  from?: Date | undefined;
  /** Exclusive upper bound. */
  to?: Date | undefined;
}

export interface SearchRequest {
  websearch: string;
  /** The query with wanted phrases as plain words: stage 1 needs no positional check. */
  loose: string;
  /** The unquoted words as a phrase, or '': their standing together adds to the rank. */
  adjacent: string;
  /** The unquoted wanted words alone (with a phrase, stage 1 checks them besides its pairs). */
  plain: string;
  /**
   * The words are rare enough that their matches should be collected from the GIN index and
   * sorted, rather than found by walking the date index (which reads each document's vector).
   */
  rareFolded: boolean;
  rareExact: boolean;
  pairs: string;
  accented: boolean;
  filters: SearchFilters;
  offset: number;
  limit: number;
  order: 'relevance' | 'newest';
  /** Candidates taken from each source of all matches (stage 1). */
  candidates: number;
  /** Candidates taken from each source of title matches (they rank first; fewer are needed). */
  titleCandidates: number;
}

/** What ANALYZE knows of the index: documents, and the share of them having each frequent lexeme. */
export interface LexemeStats {
  total: number;
  folded: Map<string, number>;
  exact: Map<string, number>;
  /** Lexemes not listed are rarer than this share. */
  foldedFloor: number;
  exactFloor: number;
}

export async function lexemeStats(db: DbOrTx): Promise<LexemeStats | undefined> {
  const rows = await sql<{ attname: string; elems: string[] | null; freqs: number[] | null; total: number }>`
    select s.attname, s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs,
      (select reltuples from pg_class where oid = 'search_documents'::regclass)::float8 as total
    from pg_stats s
    where s.schemaname = current_schema() and s.tablename = 'search_documents' and s.attname in ('folded', 'exact')`.execute(db);
  const of = (name: string) => rows.rows.find((r) => r.attname === name);
  const folded = of('folded');
  const exact = of('exact');
  if (!folded?.elems || !folded.freqs || !exact?.elems || !exact.freqs || !(folded.total > 0)) return undefined;
  // tsvector statistics append the minimum and maximum frequency to the list.
  const map = (elems: string[], freqs: number[]) => new Map(elems.map((e, i) => [e, Number(freqs[i])]));
  return {
    total: Number(folded.total),
    folded: map(folded.elems, folded.freqs),
    exact: map(exact.elems, exact.freqs),
    foldedFloor: Number(folded.freqs[folded.elems.length] ?? 0),
    exactFloor: Number(exact.freqs[exact.elems.length] ?? 0),
  };
}

export interface SearchHitRow {
  id: string;
  doc_type: string;
  ref_id: string;
  site_id: number;
  lang: string;
  kind: string;
  path: string;
  title: string;
  summary: string;
  published_at: Date;
  exact_hit: boolean;
  title_hit: boolean;
  rank: number;
  /** ts_headline's output: text with \u0001 … \u0002 around the matched words. */
  snippet: string;
  /** The title with the same markers. */
  title_marked: string;
  total: string;
}

function filterSql(f: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`d.site_id in (${sql.join(f.siteIds.map((id) => sql`${id}::int`))})`];
  if (f.lang) parts.push(sql`d.lang = ${f.lang}`);
  if (f.types && f.types.length > 0) {
    parts.push(
      sql`(${sql.join(
        f.types.map((t) => (t.kind ? sql`(d.doc_type = ${t.docType} and d.kind = ${t.kind})` : sql`d.doc_type = ${t.docType}`)),
        sql` or `,
      )})`,
    );
  }
  if (f.categoryIds && f.categoryIds.length > 0) parts.push(sql`d.category_id in (${sql.join(f.categoryIds.map((id) => sql`${id}::int`))})`);
  if (f.topicId !== undefined) parts.push(sql`${f.topicId}::int = any(d.topic_ids)`);
  if (f.from) parts.push(sql`d.published_at >= ${f.from}`);
  if (f.to) parts.push(sql`d.published_at < ${f.to}`);
  return sql.join(parts, sql` and `);
}

// Markers ts_headline puts around matches; control characters never occur in indexed text.
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, ShortWord=1, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

export async function search(db: DbOrTx, r: SearchRequest): Promise<SearchHitRow[]> {
  const qe = sql`websearch_to_tsquery('simple'::regconfig, ${r.websearch})`;
  const qf = sql`websearch_to_tsquery('cong_folded'::regconfig, ${r.websearch})`;
  // Stage 1 matches without positions (an exact GIN answer, no look at the vectors); a quoted
  // phrase also needs its syllable pairs. Stage 2 checks the real phrase on the candidates.
  const le = sql`websearch_to_tsquery('simple'::regconfig, ${r.loose})`;
  const lf = sql`websearch_to_tsquery('cong_folded'::regconfig, ${r.loose})`;
  const where = filterSql(r.filters);
  // With a quoted phrase, stage 1 asks only the GIN indexes: the phrase's syllable pairs and
  // any other wanted words. Checking the folded vector row by row would read it out of line
  // for every document having the pairs. Phrases, exclusions and everything else are checked
  // exactly in stage 2, on the candidates.
  const matches = r.pairs
    ? sql`d.pairs @@ to_tsquery('simple'::regconfig, ${r.pairs})${r.plain ? sql` and d.folded @@ websearch_to_tsquery('cong_folded'::regconfig, ${r.plain})` : sql``}`
    : sql`d.folded @@ ${lf}`;
  const n = r.candidates;
  const nt = r.titleCandidates;
  // "+ interval '0 s'" hides the date index from the planner: the matches then come from the
  // GIN index (no vector is read) and are sorted. Walking the date index instead reads every
  // document's vector out of line until enough match — the planner does not count that cost,
  // and chooses it for words in a few per cent of documents, where it is the slow way.
  const newest = (condition: RawBuilder<unknown>, limit: number, fromGin = false) =>
    sql`(select d.id from search_documents d where ${condition} and ${where} order by ${fromGin ? sql`d.published_at + interval '0 s'` : sql`d.published_at`} desc limit ${limit})`;
  const sources: RawBuilder<unknown>[] = [newest(matches, n, !r.pairs && r.rareFolded)];
  if (r.order === 'relevance') {
    // Title vectors are small and kept in the row: cheap to check whichever way the planner goes.
    sources.push(newest(sql`d.title_folded @@ ${lf}`, nt));
    if (r.accented) {
      if (!r.pairs) sources.push(newest(sql`d.exact @@ ${le}`, n, r.rareExact));
      sources.push(newest(sql`d.title_exact @@ ${le}`, nt));
    }
  }
  const order = r.order === 'newest' ? sql`published_at desc, id desc` : sql`exact_hit desc, title_hit desc, rank desc, published_at desc, id desc`;
  const result = await sql<SearchHitRow>`
    with cand as (${sql.join(sources, sql` union `)}),
    -- Each use of an out-of-line vector would read and decompress it again: read each once.
    loaded as (
      select d.id, d.doc_type, d.ref_id, d.site_id, d.lang, d.kind, d.path, d.title, d.published_at, d.title_folded,
        d.folded || ''::tsvector as fv${r.accented ? sql`, d.exact || ''::tsvector as ev` : sql``}
      from search_documents d
      where d.id in (select id from cand)
      offset 0
    ),
    ranked as (
      select d.id, d.doc_type, d.ref_id, d.site_id, d.lang, d.kind, d.path, d.title, d.published_at,
        ${r.accented ? sql`d.ev @@ ${qe}` : sql`false`} as exact_hit,
        d.title_folded @@ ${qf} as title_hit,
        (ts_rank(d.fv, ${qf}, 1)${r.adjacent ? sql` + case when d.fv @@ websearch_to_tsquery('cong_folded'::regconfig, ${r.adjacent}) then 0.5 else 0 end` : sql``})::float8 as rank,
        count(*) over () as total
      from loaded d
      where ${r.accented ? sql`(d.ev @@ ${qe} or d.fv @@ ${qf})` : sql`d.fv @@ ${qf}`}
      order by ${order}
      limit ${r.limit} offset ${r.offset}
    )
    select ranked.*, t.summary,
      ts_headline('cong_folded'::regconfig, case when t.body <> '' then t.body else t.summary end, ${qf}, ${HEADLINE}) as snippet,
      ts_headline('cong_folded'::regconfig, ranked.title, ${qf}, ${TITLE_HEADLINE}) as title_marked
    from ranked join search_texts t on t.document_id = ranked.id
    order by ${order}`.execute(db);
  return result.rows;
}

export interface TitleRow {
  doc_type: string;
  ref_id: string;
  site_id: number;
  lang: string;
  path: string;
  title: string;
  score: number;
}

/** Titles containing what was typed so far (autocomplete), the closest and newest first. */
export async function titlesLike(db: DbOrTx, folded: string, filters: SearchFilters, limit: number): Promise<TitleRow[]> {
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await sql<TitleRow>`
    select d.doc_type, d.ref_id, d.site_id, d.lang, d.path, d.title, word_similarity(${folded}, cong_fold(d.title))::float8 as score
    from search_documents d
    where cong_fold(d.title) like ${pattern} and ${filterSql(filters)}
    order by score desc, d.published_at desc
    limit ${limit}`.execute(db);
  return result.rows;
}

/** Titles that look like the query even with a typo (trigram word similarity). */
export async function titlesNear(db: DbOrTx, folded: string, filters: SearchFilters, limit: number, threshold: number): Promise<TitleRow[]> {
  const result = await sql<TitleRow>`
    select d.doc_type, d.ref_id, d.site_id, d.lang, d.path, d.title, word_similarity(${folded}, cong_fold(d.title))::float8 as score
    from search_documents d
    where ${folded} <% cong_fold(d.title) and ${filterSql(filters)}
    order by score desc, d.published_at desc
    limit ${limit}`.execute(db);
  return result.rows.filter((row) => row.score >= threshold);
}
