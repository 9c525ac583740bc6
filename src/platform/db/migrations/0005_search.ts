import { sql, type Kysely } from 'kysely';

/**
 * The search platform (SRCH-1): one table every capability feeds, with an exact-diacritic
 * and an accent-folded vector, the title's own vectors, a vector of adjacent-syllable pairs
 * for phrases, and a trigram index on the folded title for suggestions and typos.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // unaccent() is only STABLE (it looks its dictionary up by name); index expressions need an
  // IMMUTABLE function, so we name the dictionary ourselves. Its rules fold đ/Đ to d/D too.
  await sql`create or replace function cong_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`.execute(db);
  // The folded text-search configuration: each word goes through unaccent, then simple
  // (lower case, no stemming: Vietnamese syllables are not inflected). ts_headline with it
  // highlights "đường" for the query "duong".
  await sql`create text search configuration cong_folded (copy = simple)`.execute(db);
  await sql`alter text search configuration cong_folded
    alter mapping for asciiword, word, numword, asciihword, hword, numhword, hword_part, hword_asciipart, hword_numpart
    with unaccent, simple`.execute(db);

  // Narrow rows: the vectors are computed on insert and, with a low toast_tuple_target, the
  // three big ones (exact, folded, pairs) are stored out of line while the small title vectors
  // stay in the row: a scan for candidates reads a small heap and checks titles without
  // detoasting anything. The text shown in snippets lives in search_texts.
  await sql`create table search_documents (
    id bigint generated always as identity primary key,
    doc_type text not null check (doc_type ~ '^[a-z][a-z0-9_]{0,39}$'),
    ref_id text not null check (length(ref_id) between 1 and 100),
    site_id integer not null references sites(id) on delete cascade,
    lang text not null,
    kind text not null default '',
    category_id integer,
    topic_ids integer[] not null default '{}',
    published_at timestamptz not null,
    path text not null,
    title text not null,
    exact tsvector not null,
    folded tsvector not null,
    title_exact tsvector not null,
    title_folded tsvector not null,
    pairs tsvector not null,
    indexed_at timestamptz not null default now(),
    unique (doc_type, ref_id)
  ) with (toast_tuple_target = 512)`.execute(db);
  await sql`create table search_texts (
    document_id bigint primary key references search_documents(id) on delete cascade,
    summary text not null default '',
    body text not null default ''
  )`.execute(db);
  await sql`create index search_documents_exact_idx on search_documents using gin (exact)`.execute(db);
  await sql`create index search_documents_folded_idx on search_documents using gin (folded)`.execute(db);
  await sql`create index search_documents_title_exact_idx on search_documents using gin (title_exact)`.execute(db);
  await sql`create index search_documents_title_folded_idx on search_documents using gin (title_folded)`.execute(db);
  await sql`create index search_documents_pairs_idx on search_documents using gin (pairs)`.execute(db);
  await sql`create index search_documents_title_trgm_idx on search_documents using gin (cong_fold(title) gin_trgm_ops)`.execute(db);
  await sql`create index search_documents_recent_idx on search_documents (published_at desc, id desc)`.execute(db);
  await sql`create index search_documents_site_recent_idx on search_documents (site_id, published_at desc, id desc)`.execute(db);

  // Text extracted from uploaded documents (PDF, DOCX, ODT), indexed with the items that attach them.
  await sql`alter table media add column text_content text not null default ''`.execute(db);
}
