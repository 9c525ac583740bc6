/** The public Q&A section's view models, from published rows (never anything else of a request). */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { AgencyRow, AttachmentRow, PublishedRow } from '../inquiries.repo.ts';
import { FIELD_CODES, fieldLabel, type FieldCode } from '../inquiry-types.ts';
import type { QaDetailView, QaListView } from '../views/qa.view.ts';

const excerpt = (s: string) => (s.length > 240 ? `${s.slice(0, 239).trimEnd()}…` : s);

export interface QaHrefs {
  /** The list (`?linh-vuc=…&trang=…` added for a field and a page). */
  list: string;
  entry(slug: string): string;
  file(id: number): string;
  ask: string;
  status: string;
}

/** The list's address for a field and a page. */
export function qaListHref(base: string, field: string | undefined, page = 1): string {
  const p = new URLSearchParams();
  if (field) p.set('linh-vuc', field);
  if (page > 1) p.set('trang', String(page));
  const q = p.toString();
  return q ? `${base}?${q}` : base;
}

export function qaListModel(
  lang: Lang,
  rows: readonly PublishedRow[],
  total: number,
  counts: ReadonlyMap<string, number>,
  field: FieldCode | undefined,
  pagination: QaListView['pagination'],
  hrefs: QaHrefs,
): QaListView {
  return {
    lang,
    entries: rows.map((r) => ({
      title: r.public_title,
      href: hrefs.entry(r.public_slug),
      fieldLabel: fieldLabel(r.field, lang),
      publishedAt: new Date(r.published_at),
      excerpt: excerpt(r.public_question.replace(/\s+/g, ' ').trim()),
    })),
    total,
    fields: FIELD_CODES.filter((code) => (counts.get(code) ?? 0) > 0).map((code) => ({
      label: fieldLabel(code, lang),
      href: qaListHref(hrefs.list, code),
      count: counts.get(code) ?? 0,
      current: code === field,
    })),
    all: { href: hrefs.list, count: [...counts.values()].reduce((a, b) => a + b, 0), current: !field },
    currentField: field ? fieldLabel(field, lang) : undefined,
    pagination,
    askHref: hrefs.ask,
    statusHref: hrefs.status,
  };
}

export function qaEntryModel(
  lang: Lang,
  entry: PublishedRow,
  files: readonly AttachmentRow[],
  agencies: readonly AgencyRow[],
  hrefs: Omit<QaHrefs, 'entry' | 'status'>,
): QaDetailView {
  return {
    lang,
    title: entry.public_title,
    question: entry.public_question,
    answerHtml: entry.public_answer_html,
    fieldLabel: fieldLabel(entry.field, lang),
    fieldHref: `${hrefs.list}?linh-vuc=${entry.field}`,
    publishedAt: new Date(entry.published_at),
    answeredAt: entry.answered_at ? new Date(entry.answered_at) : null,
    agency: agencies.find((a) => a.id === entry.agency_id)?.name ?? null,
    files: files.map((f) => ({ href: hrefs.file(f.id), filename: f.filename, size: f.size })),
    listHref: hrefs.list,
    askHref: hrefs.ask,
  };
}
