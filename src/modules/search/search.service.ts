/**
 * The search platform: modules register the types of public things they have (content items,
 * fixed pages, later documents, procedures, answered questions…) by declaring their fields and
 * weights, feed the index inside the transaction that publishes or withdraws, and everyone
 * searches through `search()`. Nothing outside this folder knows the table or the vectors.
 */
import { withTx, type Db, type DbOrTx, type Tx } from '../../platform/db/create-db.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import * as repo from './search.repo.ts';
import { editDistance, fold, indexText, pairsText, parseQuery, wantedWords, words, type ParsedQuery } from './search-text.ts';

/** A (strongest, with the title) to D: PostgreSQL's four weights. */
export type Weight = 'A' | 'B' | 'C' | 'D';

/** One public thing, as its module describes it to the index. */
export interface SearchDocument {
  refId: string | number;
  siteId: number;
  lang: string;
  /** The type's own subdivision (a content type: news, announcement…), for the filter. */
  kind?: string;
  categoryId?: number | null;
  topicIds?: readonly number[];
  publishedAt: Date;
  /** Path on its site, language prefix included ("/tin/…", "/english/news/…"). */
  path: string;
  title: string;
  /** Shown under the title when the text has no better snippet. */
  summary?: string;
  /** The declared fields' text (plain text, not HTML). */
  fields: Readonly<Record<string, string | undefined>>;
}

export interface SearchableType {
  /** Code of the type ("content", "page"); lower case letters, digits, underscore. */
  type: string;
  label: (lang: Lang) => string;
  /** The type's fields and their weight; the title is always weighted A. */
  fields: Readonly<Record<string, Weight>>;
  /** Subdivisions offered in the type filter. */
  kinds?: readonly { code: string; label: (lang: Lang) => string }[];
  /** Every public document of the type, to (re)build the index. */
  all?: (db: Db) => AsyncIterable<SearchDocument>;
}

/** How much of each weight's text is indexed: bodies and attachments may be long, but tsvector has a 1 MB limit. */
const MAX_CHARS: Record<Weight, number> = { A: 2_000, B: 20_000, C: 300_000, D: 300_000 };
/** Snippets are cut from the first this-many characters of a text (ts_headline reads all it gets). */
const SNIPPET_SOURCE_CHARS = 20_000;
export const PAGE_SIZE = 10;
/** Stage-1 candidates per source: the deepest page reachable is MAX_CANDIDATES / page size. */
const MIN_CANDIDATES = 100;
const MIN_TITLE_CANDIDATES = 30;
const STATS_TTL_MS = 5 * 60_000;
const MAX_CANDIDATES = 1_000;
export const MAX_PAGE = MAX_CANDIDATES / PAGE_SIZE;
const TYPE_RE = /^[a-z][a-z0-9_]{0,39}$/;
// The highlight markers are control characters: none may come from the text itself.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Where to search: sites (a portal's own and its component sites), types, categories, topic, language, dates. */
export type SearchScope = repo.SearchFilters;

export interface SearchParams {
  q: unknown;
  scope: SearchScope;
  page?: number;
  pageSize?: number;
  order?: 'relevance' | 'newest';
}

export interface SearchHit {
  docType: string;
  refId: string;
  siteId: number;
  lang: string;
  kind: string;
  path: string;
  title: string;
  /** The title cut into plain and highlighted runs. */
  titleParts: HighlightPart[];
  snippet: HighlightPart[];
  publishedAt: Date;
  exact: boolean;
  titleMatch: boolean;
  rank: number;
}

/** A run of text, highlighted or not (rendered as <mark>, escaped like everything else). */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

export type SearchNotice = 'empty' | 'only_exclusions' | 'truncated' | 'page_out_of_range';

export interface SearchResult {
  query: ParsedQuery;
  hits: SearchHit[];
  /** Results found (at most the candidates examined: see `more`). */
  total: number;
  /** There are more matches than were examined: "more than `total`". */
  more: boolean;
  page: number;
  pages: number;
  pageSize: number;
  notices: SearchNotice[];
  /** "Có phải bạn muốn tìm": a corrected query, when the query found nothing. */
  suggestion?: { text: string; hits: SearchHit[]; total: number };
}

export function splitMarks(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  for (const [i, chunk] of marked.split(repo.MARK_START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk.replaceAll(repo.MARK_END, ''), mark: false });
      continue;
    }
    const end = chunk.indexOf(repo.MARK_END);
    if (end < 0) {
      parts.push({ text: chunk, mark: false });
      continue;
    }
    if (end > 0) parts.push({ text: chunk.slice(0, end), mark: true });
    const rest = chunk.slice(end + 1).replaceAll(repo.MARK_END, '');
    if (rest) parts.push({ text: rest, mark: false });
  }
  return parts;
}

function toHit(row: repo.SearchHitRow): SearchHit {
  const snippet = row.snippet.trim() ? row.snippet : row.summary;
  return {
    docType: row.doc_type,
    refId: row.ref_id,
    siteId: row.site_id,
    lang: row.lang,
    kind: row.kind,
    path: row.path,
    title: row.title,
    titleParts: splitMarks(row.title_marked),
    snippet: splitMarks(snippet),
    publishedAt: new Date(row.published_at),
    exact: row.exact_hit,
    titleMatch: row.title_hit,
    rank: Number(row.rank),
  };
}

/** At most one edit per four letters (and one for short words) counts as a typo. */
const closeEnough = (d: number, word: string) => d <= Math.max(1, Math.floor(word.length / 4));

/**
 * The typed words corrected from a title: the run of consecutive title words closest to the
 * query (folded edit distance, a swap counting as one) gives every word its spelling with the
 * title's diacritics ("chuyen dio so" + "…Chuyển đổi số…" → "chuyển đổi số"); failing a close
 * run, each word alone takes the closest title word that is within a typo of it.
 */
export function correctFrom(wanted: readonly string[], titleWords: readonly string[]): string[] {
  const folded = wanted.map(fold);
  const titleFolded = titleWords.map(fold);
  let best: { start: number; cost: number } | undefined;
  for (let start = 0; start + wanted.length <= titleWords.length; start++) {
    let cost = 0;
    let ok = true;
    for (let i = 0; i < wanted.length && ok; i++) {
      const d = editDistance(folded[i]!, titleFolded[start + i]!);
      ok = closeEnough(d, folded[i]!);
      cost += d;
    }
    if (ok && (!best || cost < best.cost)) best = { start, cost };
  }
  if (best) return wanted.map((w, i) => (folded[i] === titleFolded[best.start + i] && w !== folded[i] ? w : titleWords[best.start + i]!.toLowerCase()));
  return wanted.map((w, i) => {
    const f = folded[i]!;
    let near: { word: string; d: number } | undefined;
    for (const [j, tf] of titleFolded.entries()) {
      const d = editDistance(f, tf);
      if (!near || d < near.d) near = { word: titleWords[j]!.toLowerCase(), d };
    }
    // Words that already match (folded) stay as typed: only typos are replaced.
    return near && near.d > 0 && closeEnough(near.d, f) ? near.word : w;
  });
}

export class SearchService {
  readonly #db: Db;
  readonly #types = new Map<string, SearchableType>();
  /** Index changes since the last ANALYZE (the embedded database has no autovacuum). */
  #changes = 0;
  /** The planner's statistics of the index, read again every few minutes. */
  #stats: { at: number; value: repo.LexemeStats | undefined } | undefined;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Adds a searchable type (each module once, when it is created). */
  registerType(def: SearchableType): void {
    if (!TYPE_RE.test(def.type)) throw new Error(`search: bad type code ${def.type}`);
    if (this.#types.has(def.type)) throw new Error(`search: type ${def.type} registered twice`);
    this.#types.set(def.type, def);
  }

  types(): SearchableType[] {
    return [...this.#types.values()];
  }

  /** Adds or replaces a document, inside the caller's transaction (publication and index commit together). */
  async index(tx: Tx, type: string, doc: SearchDocument): Promise<void> {
    await repo.upsertDocuments(tx, [this.#row(type, doc)]);
    this.#changes++;
  }

  /** Adds or replaces many documents of one type in one statement (rebuilds, imports, benchmarks). */
  async indexMany(tx: Tx, type: string, docs: readonly SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await repo.upsertDocuments(
      tx,
      docs.map((doc) => this.#row(type, doc)),
    );
    this.#changes += docs.length;
  }

  /** Removes a document (withdrawn, archived, deleted), inside the caller's transaction. */
  async remove(tx: Tx, type: string, refId: string | number): Promise<void> {
    this.#typeDef(type);
    if ((await repo.deleteDocument(tx, type, String(refId))) > 0) this.#changes++;
  }

  #typeDef(type: string): SearchableType {
    const def = this.#types.get(type);
    if (!def) throw new Error(`search: type ${type} is not registered`);
    return def;
  }

  #row(type: string, doc: SearchDocument): repo.IndexRow {
    const def = this.#typeDef(type);
    const byWeight: Record<Weight, string[]> = { A: [], B: [], C: [], D: [] };
    for (const [name, weight] of Object.entries(def.fields)) {
      const value = doc.fields[name];
      if (value) byWeight[weight].push(value);
    }
    const text = (w: Weight) => indexText(byWeight[w].join('\n'), MAX_CHARS[w]);
    const titleText = indexText(doc.title, MAX_CHARS.A);
    const [a, b, c, d] = [text('A'), text('B'), text('C'), text('D')];
    const shown = (text: string) => text.normalize('NFC').replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
    const summary = shown(doc.summary ?? '').slice(0, 1_000);
    return {
      doc_type: type,
      ref_id: String(doc.refId),
      site_id: doc.siteId,
      lang: doc.lang,
      kind: doc.kind ?? '',
      category_id: doc.categoryId ?? null,
      topic_ids: [...(doc.topicIds ?? [])],
      published_at: doc.publishedAt,
      path: doc.path,
      // As shown, the title keeps its punctuation; the vectors read title_text.
      title: doc.title.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS.A),
      title_text: titleText,
      text_a: a,
      text_b: b,
      text_c: c,
      text_d: d,
      pairs_text: pairsText(titleText, a, b, c, d),
      summary,
      // Snippets come from the body (weight C), else the summary-like text (B), as written.
      body: shown(byWeight.C.join('\n') || byWeight.B.join('\n')).slice(0, SNIPPET_SOURCE_CHARS),
    };
  }

  async search(params: SearchParams): Promise<SearchResult> {
    const query = parseQuery(params.q);
    const pageSize = Math.min(Math.max(params.pageSize ?? PAGE_SIZE, 1), 50);
    const requested = Number.isSafeInteger(params.page) && params.page! > 0 ? params.page! : 1;
    const notices: SearchNotice[] = [];
    if (query.truncated) notices.push('truncated');
    const empty = (page: number): SearchResult => ({ query, hits: [], total: 0, more: false, page, pages: 0, pageSize, notices });
    if (!query.hasWanted) {
      notices.push(query.terms.length > 0 ? 'only_exclusions' : 'empty');
      return empty(1);
    }
    if (params.scope.siteIds.length === 0) return empty(1);
    const reachable = Math.floor(MAX_CANDIDATES / pageSize);
    if (requested > reachable) {
      notices.push('page_out_of_range');
      return empty(requested);
    }
    const found = await this.#run(query, params.scope, requested, pageSize, params.order ?? 'relevance');
    const result: SearchResult = { query, ...found, page: requested, pageSize, notices };
    if (found.total > 0 && found.hits.length === 0) notices.push('page_out_of_range');
    if (found.total === 0 && requested === 1) {
      const suggestion = await this.#suggestion(query, params.scope, pageSize);
      if (suggestion) result.suggestion = suggestion;
    }
    return result;
  }

  async #lexemeStats(): Promise<repo.LexemeStats | undefined> {
    if (!this.#stats || Date.now() - this.#stats.at > STATS_TTL_MS) this.#stats = { at: Date.now(), value: await repo.lexemeStats(this.#db) };
    return this.#stats.value;
  }

  /**
   * Whether the wanted words are rare enough to take their matches from the GIN index. Walking
   * the date index reads about limit / share documents' vectors (≈ 13 µs each, out of line);
   * the GIN way fetches share × total narrow rows (≈ 2 µs each) and sorts them. The share of
   * an AND is at most that of its rarest word; words ANALYZE does not list are rarer than its floor.
   */
  async #rarity(query: ParsedQuery, limit: number): Promise<{ rareFolded: boolean; rareExact: boolean }> {
    const stats = await this.#lexemeStats();
    const wanted = wantedWords(query);
    if (!stats || wanted.length === 0) return { rareFolded: false, rareExact: false };
    const threshold = Math.sqrt((6.5 * limit) / Math.max(stats.total, 1));
    const share = (map: Map<string, number>, floor: number, lexemes: string[]) => Math.min(...lexemes.map((l) => map.get(l) ?? floor / 2));
    return {
      rareFolded: share(stats.folded, stats.foldedFloor, wanted.map(fold)) < threshold,
      rareExact:
        share(
          stats.exact,
          stats.exactFloor,
          wanted.map((w) => w.toLowerCase()),
        ) < threshold,
    };
  }

  async #run(
    query: ParsedQuery,
    scope: SearchScope,
    page: number,
    pageSize: number,
    order: 'relevance' | 'newest',
  ): Promise<{ hits: SearchHit[]; total: number; more: boolean; pages: number }> {
    const offset = (page - 1) * pageSize;
    const candidates = Math.min(Math.max(MIN_CANDIDATES, offset + pageSize), MAX_CANDIDATES);
    const titleCandidates = Math.min(Math.max(MIN_TITLE_CANDIDATES, offset + pageSize), MAX_CANDIDATES);
    const rarity = await this.#rarity(query, candidates);
    const rows = await repo.search(this.#db, {
      websearch: query.websearch,
      loose: query.loose,
      adjacent: query.adjacent,
      plain: query.plain,
      ...rarity,
      pairs: query.pairs,
      accented: query.accented,
      filters: scope,
      offset,
      limit: pageSize,
      order,
      candidates,
      titleCandidates,
    });
    let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
    // Beyond the requested page nothing tells how many there are: ask for the count of page 1.
    if (rows.length === 0 && offset > 0) {
      const first = await repo.search(this.#db, {
        websearch: query.websearch,
        loose: query.loose,
        adjacent: query.adjacent,
        plain: query.plain,
        ...rarity,
        pairs: query.pairs,
        accented: query.accented,
        filters: scope,
        offset: 0,
        limit: 1,
        order,
        candidates,
        titleCandidates,
      });
      total = first.length > 0 ? Number(first[0]!.total) : 0;
    }
    const more = total >= candidates;
    const shown = more ? Math.min(total, MAX_CANDIDATES) : total;
    return { hits: rows.map(toHit), total, more, pages: Math.ceil(shown / pageSize) };
  }

  /**
   * "Có phải bạn muốn tìm": the titles closest to the query (trigram similarity, so a typo
   * still finds them); each query word that is not in the closest title is replaced by that
   * title's most similar word, as the title writes it (with its diacritics).
   */
  async #suggestion(query: ParsedQuery, scope: SearchScope, pageSize: number): Promise<SearchResult['suggestion'] | undefined> {
    const wanted = wantedWords(query);
    const folded = wanted.map(fold);
    const needle = folded.join(' ');
    if (needle.length < 3) return undefined;
    const near = await repo.titlesNear(this.#db, needle, scope, 5, 0.45);
    for (const candidate of near) {
      const corrected = correctFrom(wanted, words(candidate.title));
      const text = corrected.join(' ');
      if (fold(text) === needle && text === wanted.join(' ')) continue;
      const q = parseQuery(text);
      const found = await this.#run(q, scope, 1, pageSize, 'relevance');
      if (found.total > 0) return { text, hits: found.hits, total: found.total };
    }
    return undefined;
  }

  /** Titles for autocomplete (folded substring match), at most `limit`. */
  async suggestTitles(q: unknown, scope: SearchScope, limit = 8): Promise<{ title: string; siteId: number; path: string; docType: string }[]> {
    const parsed = parseQuery(q);
    const needle = fold(wantedWords(parsed).join(' '));
    if (needle.length < 2 || scope.siteIds.length === 0) return [];
    const rows = await repo.titlesLike(this.#db, needle, scope, Math.min(Math.max(limit, 1), 20));
    return rows.map((r) => ({ title: r.title, siteId: r.site_id, path: r.path, docType: r.doc_type }));
  }

  /** Rebuilds the index of one type, or of all, from their `all()` (CLI, first start). */
  async rebuild(type?: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const def of this.types()) {
      if (type && def.type !== type) continue;
      if (!def.all) continue;
      const docs: SearchDocument[] = [];
      for await (const doc of def.all(this.#db)) docs.push(doc);
      await withTx(this.#db, async (tx) => {
        await repo.deleteType(tx, def.type);
        for (let i = 0; i < docs.length; i += 200)
          await repo.upsertDocuments(
            tx,
            docs.slice(i, i + 200).map((doc) => this.#row(def.type, doc)),
          );
      });
      counts[def.type] = docs.length;
    }
    await repo.analyze(this.#db);
    this.#changes = 0;
    this.#stats = undefined;
    return counts;
  }

  /** Builds the index when it is empty (a database from before search, or restored without it). */
  async ensureBuilt(): Promise<Record<string, number> | undefined> {
    if ((await repo.countDocuments(this.#db)) > 0) return undefined;
    return this.rebuild();
  }

  /** Refreshes the planner's statistics when the index changed a lot (the embedded database has no autovacuum). */
  async refreshStatistics(force = false): Promise<boolean> {
    if (!force && this.#changes < 50) return false;
    await repo.analyze(this.#db);
    this.#changes = 0;
    this.#stats = undefined;
    return true;
  }

  async count(db: DbOrTx = this.#db): Promise<number> {
    return repo.countDocuments(db);
  }
}
