/** The consoles' list of requests, as a view model: its tabs, filters, rows and pages. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { AgencyRow, ListedInquiry } from '../inquiries.repo.ts';
import { QUEUES } from '../inquiries.schema.ts';
import { CHANNEL_CODES, channelLabel, FIELD_CODES, fieldLabel, kindLabel, STATUSES, statusLabel } from '../inquiry-types.ts';
import type { RequestListView } from '../views/request-list.view.ts';
import { t } from '../messages.ts';

export interface ListFilters {
  tab: string;
  channel: string;
  field: string;
  text: string;
  page: number;
}

export interface ListData {
  list: { rows: ListedInquiry[]; total: number };
  counts: ReadonlyMap<string, number>;
  overdue: number;
  soon: number;
  agencies: readonly AgencyRow[];
}

export function requestListModel(
  lang: Lang,
  f: ListFilters,
  d: ListData,
  o: { base: string; board: boolean; readOnly?: boolean; siteName: string; logHref: string | undefined; pageSize: number; now: Date },
): RequestListView {
  const href = (over: Partial<Record<'giai_doan' | 'kenh' | 'linh_vuc' | 'tim' | 'trang', string | number>>) => {
    const p = new URLSearchParams();
    const v = { giai_doan: f.tab, kenh: f.channel, linh_vuc: f.field, tim: f.text, trang: '', ...over };
    for (const [k, x] of Object.entries(v)) if (x !== '' && !(k === 'trang' && Number(x) <= 1)) p.set(k, String(x));
    const qs = p.toString();
    return qs ? `${o.base}?${qs}` : o.base;
  };
  const tabs = [
    { code: '', label: t(lang, 'common.all'), n: [...d.counts.values()].reduce((a, b) => a + b, 0) },
    ...STATUSES.map((st) => ({ code: st as string, label: statusLabel(st, lang), n: d.counts.get(st) ?? 0 })),
    { code: QUEUES.overdue, label: t(lang, 'common.overdue'), n: d.overdue },
    { code: QUEUES.soon, label: t(lang, 'list.dueWithin2Days'), n: d.soon },
  ];
  const current = tabs.find((x) => x.code === f.tab) ?? tabs[0]!;
  const pages = Math.max(1, Math.ceil(d.list.total / o.pageSize));
  const filtered = Boolean(f.channel || f.field || f.text);
  const agencyName = new Map(d.agencies.map((a) => [a.id, a.name]));
  return {
    lang,
    base: o.base,
    board: o.board,
    siteName: o.siteName,
    logHref: o.logHref,
    tabs: tabs.map((x) => ({ label: x.label, n: x.n, href: href({ giai_doan: x.code, trang: 1 }), current: x === current })),
    filter: {
      tab: f.tab,
      channel: f.channel,
      field: f.field,
      text: f.text,
      channels: CHANNEL_CODES.map((code) => ({ value: code, label: channelLabel(code, lang) })),
      fields: FIELD_CODES.map((code) => ({ value: code, label: fieldLabel(code, lang) })),
      clearHref: filtered ? href({ kenh: '', linh_vuc: '', tim: '', trang: 1 }) : undefined,
    },
    heading: current.label,
    total: d.list.total,
    rows: d.list.rows.map((r) => ({
      ...(o.readOnly ? {} : { href: `${o.base}/${r.id}` }),
      code: r.code,
      title: r.title,
      published: Boolean(r.published_at),
      kind: kindLabel(r.kind, lang),
      field: fieldLabel(r.field, lang),
      channel: channelLabel(r.channel, lang),
      status: statusLabel(r.status, lang),
      agency: r.agency_id ? (agencyName.get(r.agency_id) ?? '—') : '—',
      receivedAt: new Date(r.received_at),
      nextDue: r.next_due_at ? new Date(r.next_due_at) : null,
    })),
    now: o.now,
    pager:
      pages > 1
        ? {
            page: f.page,
            pages,
            prevHref: f.page > 1 ? href({ trang: f.page - 1 }) : undefined,
            nextHref: f.page < pages ? href({ trang: f.page + 1 }) : undefined,
          }
        : undefined,
  };
}
