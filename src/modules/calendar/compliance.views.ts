/**
 * The compliance dashboard as HTML (WCAG 2.1 AA: every table has a caption and scoped headers;
 * every ✓/✗ has its words for screen readers and a legend; nothing is said by colour alone) and
 * as the tables of its CSV/XLSX export, the same figures in both.
 */
import { formatDate, formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { adminHref } from '../accounts/index.ts';
import type { ComplianceReport, ComplianceSite, DeadlineLine, Figures, Period } from './compliance.service.ts';
import type { FrequencyResult, Slot, SlotResult, SlotSettings } from './frequency.ts';
import type { Cell, Table } from './xlsx.ts';

const SLOT_NAME: Record<Slot, [string, string]> = { morning: ['Sáng', 'Morning'], afternoon: ['Chiều', 'Afternoon'], evening: ['Tối', 'Evening'] };
const WEEKDAYS: Record<Lang, string[]> = {
  vi: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const OUTCOME: Record<DeadlineLine['outcome'], [string, string]> = {
  'on-time': ['Đúng hạn', 'On time'],
  late: ['Trễ hạn', 'Late'],
  overdue: ['Quá hạn, chưa hoàn thành', 'Overdue, not done'],
  open: ['Chưa đến hạn', 'Not due yet'],
};
const STATE: Record<SlotResult['state'], { mark: string; vi: string; en: string; badge: string }> = {
  met: { mark: '✓', vi: 'có cập nhật', en: 'updated', badge: 'badge-ok' },
  missed: { mark: '✗', vi: 'không có cập nhật', en: 'no update', badge: 'badge-off' },
  pending: { mark: '…', vi: 'chưa hết khung giờ', en: 'slot not over', badge: 'badge-warn' },
  'not-required': { mark: '–', vi: 'không bắt buộc', en: 'not required', badge: '' },
};

const dayText = (iso: string) => formatDate(new Date(`${iso}T00:00:00+07:00`));
export const periodText = (p: Period) => `${dayText(p.from)}–${dayText(p.to)}`;

export function percent(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}
const percentCell = (rate: number | null): Cell => (rate === null ? null : Math.round(rate * 1000) / 10);

/** "2 ngày 3 giờ", "45 phút"; "2 days 3 hours". */
export function duration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const part = (n: number, vi: string, en: string) => (lang === 'vi' ? `${n} ${vi}` : `${n} ${en}${n === 1 ? '' : 's'}`);
  if (d > 0) return [part(d, 'ngày', 'day'), h ? part(h, 'giờ', 'hour') : ''].filter(Boolean).join(' ');
  if (h > 0) return [part(h, 'giờ', 'hour'), m ? part(m, 'phút', 'minute') : ''].filter(Boolean).join(' ');
  return part(m, 'phút', 'minute');
}

// A citizen's request has one deadline per stage (modules/inquiries: inquiry_forward, inquiry_answer…).
const INQUIRY_STAGES: Record<string, [string, string]> = {
  inquiry_forward: ['chuyển cơ quan', 'forwarding'],
  inquiry_scope: ['báo không thuộc thẩm quyền', 'out-of-scope notice'],
  inquiry_answer: ['trả lời', 'answer'],
  inquiry_promised: ['trả lời theo hẹn', 'promised answer'],
};
const subjectHref = (lang: Lang, l: DeadlineLine): string | undefined =>
  l.subjectType === 'content'
    ? adminHref(lang, 'content', `/${l.subjectId}`)
    : INQUIRY_STAGES[l.subjectType]
      ? adminHref(lang, 'inquiries', `/${l.subjectId}`)
      : undefined;
function subjectName(lang: Lang, l: DeadlineLine): string {
  if (l.title) return l.title;
  if (l.subjectType === 'content') return tr(lang, `Tin, bài #${l.subjectId}`, `Item #${l.subjectId}`);
  const stage = INQUIRY_STAGES[l.subjectType];
  if (stage) return tr(lang, `Hỏi đáp #${l.subjectId} (${stage[0]})`, `Citizen request #${l.subjectId} (${stage[1]})`);
  return `${l.subjectType} #${l.subjectId}`;
}

function subjectLink(lang: Lang, l: DeadlineLine): SafeHtml {
  const href = subjectHref(lang, l);
  return href ? html`<a href="${href}">${subjectName(lang, l)}</a>` : html`${subjectName(lang, l)}`;
}

function wrap(_lang: Lang, label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${label}">${table}</div>`;
}

function figureCells(lang: Lang, f: Figures): SafeHtml {
  return html`<td>${f.total}</td><td>${f.onTime}</td><td>${f.late}</td><td>${f.overdue}</td><td>${f.open}</td><td>${percent(f.rate, lang)}</td>`;
}

function figureHead(lang: Lang, first: string): SafeHtml {
  return html`<thead><tr><th scope="col">${first}</th><th scope="col">${tr(lang, 'Số thời hạn', 'Deadlines')}</th><th scope="col">${tr(lang, 'Đúng hạn', 'On time')}</th><th scope="col">${tr(lang, 'Trễ hạn', 'Late')}</th><th scope="col">${tr(lang, 'Quá hạn, chưa hoàn thành', 'Overdue, not done')}</th><th scope="col">${tr(lang, 'Chưa đến hạn', 'Not due yet')}</th><th scope="col">${tr(lang, 'Tỷ lệ đúng hạn', 'On-time rate')}</th></tr></thead>`;
}

function deadlineTable(lang: Lang, caption: string, lines: readonly DeadlineLine[], kind: 'soon' | 'overdue', multiSite: boolean, now: Date): SafeHtml {
  return wrap(
    lang,
    caption,
    html`<table class="data"><caption>${caption}</caption>
<thead><tr><th scope="col">${tr(lang, 'Hạn', 'Due')}</th><th scope="col">${kind === 'soon' ? tr(lang, 'Còn lại', 'Left') : tr(lang, 'Đã quá', 'Overdue by')}</th><th scope="col">${tr(lang, 'Nội dung', 'Item')}</th><th scope="col">${tr(lang, 'Quy tắc', 'Rule')}</th>${multiSite ? html`<th scope="col">${tr(lang, 'Trang', 'Site')}</th>` : ''}</tr></thead>
<tbody>${lines.map(
      (l) =>
        html`<tr><td>${formatDateTime(l.dueAt)}</td><td>${
          kind === 'soon'
            ? l.workingDaysLeft <= 0
              ? tr(lang, 'Hết hạn trong hôm nay', 'Due today')
              : tr(lang, `${l.workingDaysLeft} ngày làm việc`, `${l.workingDaysLeft} working day${l.workingDaysLeft === 1 ? '' : 's'}`)
            : duration((now.getTime() - l.dueAt.getTime()) / 1000, lang)
        }</td><td>${subjectLink(lang, l)}</td><td><strong>${l.ruleCode}</strong> ${l.ruleLabel}</td>${multiSite ? html`<td>${l.site.name}</td>` : ''}</tr>`,
    )}</tbody></table>`,
  );
}

function slotMark(lang: Lang, slot: SlotResult): SafeHtml {
  const st = STATE[slot.state];
  const words = `${tr(lang, SLOT_NAME[slot.slot][0], SLOT_NAME[slot.slot][1])}: ${tr(lang, st.vi, st.en)}${slot.updates > 1 ? tr(lang, ` (${slot.updates} tin, bài)`, ` (${slot.updates} items)`) : ''}`;
  return html`<li><span aria-hidden="true">${tr(lang, SLOT_NAME[slot.slot][0], SLOT_NAME[slot.slot][1])} <span class="badge ${st.badge}">${st.mark}</span></span><span class="visually-hidden">${words}</span></li>`;
}

/** The month as a calendar: a row per week, a cell per day with each slot of the rule. */
export function monthTable(lang: Lang, site: ComplianceSite, month: string, result: FrequencyResult): SafeHtml {
  const first = result.days[0]!;
  const lead = (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (SafeHtml | null)[] = [...Array.from({ length: lead }, () => null)];
  for (const d of result.days) {
    const day = Number(d.date.slice(8, 10));
    cells.push(html`<td><time datetime="${d.date}"><strong>${day}</strong></time>${d.workingDay ? '' : html` <span class="muted">${tr(lang, 'nghỉ', 'day off')}</span>`}
${d.required ? html`<ul class="plain">${d.slots.map((s) => slotMark(lang, s))}</ul>` : html`<p class="muted">${tr(lang, 'Không bắt buộc', 'Not required')}</p>`}</td>`);
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (SafeHtml | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const [y, m] = month.split('-');
  const caption = tr(
    lang,
    `Tần suất cập nhật tháng ${m}/${y} — ${site.name} (${result.rule}: ${result.slotNames.map((s) => SLOT_NAME[s][0].toLowerCase()).join(', ')}${result.kind === 'component' ? ' các ngày làm việc' : ' mỗi ngày, kể cả ngày nghỉ'})`,
    `Update frequency, ${m}/${y} — ${site.name} (${result.rule}: ${result.slotNames.map((s) => SLOT_NAME[s][1].toLowerCase()).join(', ')}${result.kind === 'component' ? ' on working days' : ' every day, days off included'})`,
  );
  return wrap(
    lang,
    caption,
    html`<table class="data month"><caption>${caption}</caption>
<thead><tr>${WEEKDAYS[lang].map((w) => html`<th scope="col">${w}</th>`)}</tr></thead>
<tbody>${weeks.map((w) => html`<tr>${w.map((c) => c ?? raw('<td></td>'))}</tr>`)}</tbody></table>`,
  );
}

export function slotLegend(lang: Lang, slots: SlotSettings): SafeHtml {
  return html`<p>${tr(lang, 'Khung giờ (giờ Việt Nam)', 'Slots (Việt Nam time)')}: ${(['morning', 'afternoon', 'evening'] as const).map((s, i) => html`${i ? ', ' : ''}${tr(lang, SLOT_NAME[s][0], SLOT_NAME[s][1])} ${slots[s].from}–${slots[s].to}`)}.
${tr(lang, 'Một lần cập nhật là một tin, bài được đăng lần đầu trong khung giờ (mọi ngôn ngữ).', 'An update is an item first published within the slot (any language).')}</p>
<p>${tr(lang, 'Ký hiệu', 'Legend')}: ${(['met', 'missed', 'pending', 'not-required'] as const).map((k, i) => html`${i ? '; ' : ''}<span class="badge ${STATE[k].badge}">${STATE[k].mark}</span> ${tr(lang, STATE[k].vi, STATE[k].en)}`)}.</p>`;
}

export interface PageInput {
  lang: Lang;
  report: ComplianceReport;
  /** The month view: which site, which month, its result; and links to the months around it. */
  month: { site: ComplianceSite; month: string; result: FrequencyResult; prevHref: string; nextHref: string };
  slots: SlotSettings;
}

export function reportSections(input: PageInput): SafeHtml {
  const { lang, report, month } = input;
  const multi = report.sites.length > 1;
  const p = periodText(report.period);
  return html`<h2 id="thoi-han">${tr(lang, 'Thời hạn đăng tin theo quy định', 'Legal publishing deadlines')}</h2>
<p>${tr(lang, `Các thời hạn đến hạn trong kỳ ${p}. Tỷ lệ đúng hạn = đúng hạn ÷ (đúng hạn + trễ hạn + quá hạn chưa hoàn thành); thời hạn chưa đến không được tính.`, `Deadlines due in ${p}. On-time rate = on time ÷ (on time + late + overdue, not done); deadlines not due yet are not counted.`)}</p>
${wrap(
  lang,
  tr(lang, 'Kết quả theo quy tắc', 'Results by rule'),
  html`<table class="data"><caption>${tr(lang, `Kết quả theo quy tắc, kỳ ${p}`, `Results by rule, ${p}`)}</caption>
${figureHead(lang, tr(lang, 'Quy tắc', 'Rule'))}
<tbody>${report.rules.map((r) => html`<tr><th scope="row"><strong>${r.code}</strong> ${r.label}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">${tr(lang, 'Tổng cộng', 'Overall')}</th>${figureCells(lang, report.overall)}</tr></tfoot></table>`,
)}
${report.rules.length === 0 ? html`<p>${tr(lang, 'Không có thời hạn nào đến hạn trong kỳ.', 'No deadline falls due in the period.')}</p>` : ''}
${
  multi
    ? wrap(
        lang,
        tr(lang, 'Kết quả theo trang', 'Results by site'),
        html`<table class="data"><caption>${tr(lang, `Kết quả theo trang, kỳ ${p}`, `Results by site, ${p}`)}</caption>
${figureHead(lang, tr(lang, 'Trang', 'Site'))}
<tbody>${report.bySite.map((r) => html`<tr><th scope="row">${r.site.name}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody></table>`,
      )
    : ''
}
${
  report.byUnit.length > 0
    ? wrap(
        lang,
        tr(lang, 'Kết quả theo đơn vị', 'Results by unit'),
        html`<table class="data"><caption>${tr(lang, `Kết quả theo đơn vị: đơn vị của người cung cấp tin; cơ quan trả lời câu hỏi của công dân; kỳ ${p}`, `Results by unit: the provider’s unit; the agency answering citizens’ requests; ${p}`)}</caption>
${figureHead(lang, tr(lang, 'Đơn vị', 'Unit'))}
<tbody>${report.byUnit.map((r) => html`<tr><th scope="row">${r.unit || tr(lang, '(chưa ghi đơn vị)', '(no unit)')}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody></table>`,
      )
    : ''
}
<h2 id="sap-den-han">${tr(lang, 'Sắp đến hạn', 'Due soon')}</h2>
${
  report.dueSoon.length
    ? deadlineTable(
        lang,
        tr(
          lang,
          `Chưa hoàn thành, đến hạn trong ${report.soonDays} ngày làm việc (đến ${formatDateTime(report.soonUntil)})`,
          `Not done, due within ${report.soonDays} working days (by ${formatDateTime(report.soonUntil)})`,
        ),
        report.dueSoon,
        'soon',
        multi,
        report.now,
      )
    : html`<p>${tr(lang, `Không có việc nào đến hạn trong ${report.soonDays} ngày làm việc tới.`, `Nothing falls due in the next ${report.soonDays} working days.`)}</p>`
}
<h2 id="qua-han">${tr(lang, 'Quá hạn', 'Overdue')}</h2>
${
  report.overdue.length
    ? deadlineTable(
        lang,
        tr(lang, 'Đã quá hạn mà chưa hoàn thành (mọi thời điểm), quá hạn lâu nhất trước', 'Past due and not done (any time), longest overdue first'),
        report.overdue,
        'overdue',
        multi,
        report.now,
      )
    : html`<p>${tr(lang, 'Không có việc nào quá hạn.', 'Nothing is overdue.')}</p>`
}
<h2 id="tan-suat">${tr(lang, 'Tần suất cập nhật', 'Update frequency')}</h2>
<p>${tr(lang, 'DL-10: Cổng thông tin cập nhật ít nhất sáng, chiều, tối mỗi ngày, kể cả ngày nghỉ, ngày lễ. DL-11: trang thành phần cập nhật ít nhất sáng và chiều các ngày làm việc.', 'DL-10: the portal updates at least in the morning, afternoon and evening of every day, days off included. DL-11: a component site updates at least in the morning and afternoon of working days.')}</p>
${slotLegend(lang, input.slots)}
${wrap(
  lang,
  tr(lang, 'Tần suất theo trang', 'Frequency by site'),
  html`<table class="data"><caption>${tr(lang, `Khung giờ bắt buộc, kỳ ${p}`, `Required slots, ${p}`)}</caption>
<thead><tr><th scope="col">${tr(lang, 'Trang', 'Site')}</th><th scope="col">${tr(lang, 'Quy tắc', 'Rule')}</th><th scope="col">${tr(lang, 'Có cập nhật', 'Updated')}</th><th scope="col">${tr(lang, 'Không có cập nhật', 'No update')}</th><th scope="col">${tr(lang, 'Chưa hết khung giờ', 'Not over yet')}</th><th scope="col">${tr(lang, 'Tỷ lệ đạt', 'Rate')}</th><th scope="col">${tr(lang, 'Ngày đạt đủ / ngày đã qua', 'Full days / days over')}</th></tr></thead>
<tbody>${report.frequency.map((f) => html`<tr><th scope="row">${f.site.name}</th><td>${f.result.rule}</td><td>${f.result.met}</td><td>${f.result.missed}</td><td>${f.result.pending}</td><td>${percent(f.result.rate, lang)}</td><td>${f.result.fullDays} / ${f.result.decidedDays}</td></tr>`)}</tbody></table>`,
)}
<h3 id="lich-thang">${tr(lang, 'Lịch theo tháng', 'Month calendar')}</h3>
<p><a href="${month.prevHref}">${tr(lang, 'Tháng trước', 'Previous month')}</a> · <a href="${month.nextHref}">${tr(lang, 'Tháng sau', 'Next month')}</a></p>
${monthTable(lang, month.site, month.month, month.result)}`;
}

// ——— Export ———

function stateText(lang: Lang, s: SlotResult | undefined): Cell {
  if (!s) return null;
  const st = STATE[s.state];
  return `${tr(lang, st.vi, st.en)}${s.updates > 0 ? ` (${s.updates})` : ''}`;
}

const figureRow = (f: Figures): Cell[] => [f.total, f.onTime, f.late, f.overdue, f.open, percentCell(f.rate)];

/** The report as tables: the same figures as the page, and every deadline of the period. */
export function exportTables(lang: Lang, report: ComplianceReport): Table[] {
  const figureHeader = [
    tr(lang, 'Số thời hạn', 'Deadlines'),
    tr(lang, 'Đúng hạn', 'On time'),
    tr(lang, 'Trễ hạn', 'Late'),
    tr(lang, 'Quá hạn, chưa hoàn thành', 'Overdue, not done'),
    tr(lang, 'Chưa đến hạn', 'Not due yet'),
    tr(lang, 'Tỷ lệ đúng hạn (%)', 'On-time rate (%)'),
  ];
  const lineBase = (l: DeadlineLine): Cell[] => [l.site.code, l.subjectType, l.subjectId, l.title ?? null, l.ruleCode, l.ruleLabel];
  const lineHeader = [
    tr(lang, 'Mã trang', 'Site code'),
    tr(lang, 'Loại', 'Type'),
    tr(lang, 'Mã', 'Id'),
    tr(lang, 'Tiêu đề', 'Title'),
    tr(lang, 'Mã quy tắc', 'Rule code'),
    tr(lang, 'Quy tắc', 'Rule'),
  ];
  const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;
  const slots = ['morning', 'afternoon', 'evening'] as const;
  return [
    {
      name: tr(lang, 'Báo cáo', 'Report'),
      header: [tr(lang, 'Mục', 'Item'), tr(lang, 'Giá trị', 'Value')],
      rows: [
        [tr(lang, 'Kỳ', 'Period'), periodText(report.period)],
        [tr(lang, 'Trang', 'Sites'), report.sites.map((s) => `${s.name} (${s.code})`).join('; ')],
        [tr(lang, 'Lập lúc (giờ Việt Nam)', 'Generated (Việt Nam time)'), formatDateTime(report.now)],
        [
          tr(lang, 'Tỷ lệ đúng hạn', 'On-time rate'),
          tr(lang, 'đúng hạn ÷ (đúng hạn + trễ hạn + quá hạn chưa hoàn thành)', 'on time ÷ (on time + late + overdue, not done)'),
        ],
      ],
    },
    {
      name: tr(lang, 'Theo quy tắc', 'By rule'),
      header: [tr(lang, 'Mã quy tắc', 'Rule code'), tr(lang, 'Quy tắc', 'Rule'), ...figureHeader],
      rows: [...report.rules.map((r) => [r.code, r.label, ...figureRow(r.figures)]), [tr(lang, 'Tổng cộng', 'Overall'), '', ...figureRow(report.overall)]],
    },
    {
      name: tr(lang, 'Theo trang', 'By site'),
      header: [tr(lang, 'Mã trang', 'Site code'), tr(lang, 'Trang', 'Site'), ...figureHeader],
      rows: report.bySite.map((r) => [r.site.code, r.site.name, ...figureRow(r.figures)]),
    },
    {
      name: tr(lang, 'Theo đơn vị', 'By unit'),
      header: [tr(lang, 'Đơn vị', 'Unit'), '', ...figureHeader],
      rows: report.byUnit.map((r) => [r.unit || tr(lang, '(chưa ghi đơn vị)', '(no unit)'), '', ...figureRow(r.figures)]),
    },
    {
      name: tr(lang, 'Sắp đến hạn', 'Due soon'),
      header: [...lineHeader, tr(lang, 'Hạn', 'Due'), tr(lang, 'Còn (ngày làm việc)', 'Left (working days)')],
      rows: report.dueSoon.map((l) => [...lineBase(l), formatDateTime(l.dueAt), Math.max(0, l.workingDaysLeft)]),
    },
    {
      name: tr(lang, 'Quá hạn', 'Overdue'),
      header: [...lineHeader, tr(lang, 'Hạn', 'Due'), tr(lang, 'Đã quá (giờ)', 'Overdue by (hours)')],
      rows: report.overdue.map((l) => [...lineBase(l), formatDateTime(l.dueAt), hours((report.now.getTime() - l.dueAt.getTime()) / 1000)]),
    },
    {
      name: tr(lang, 'Thời hạn trong kỳ', 'Deadlines in period'),
      header: [
        ...lineHeader,
        tr(lang, 'Sự kiện', 'Trigger'),
        tr(lang, 'Hạn', 'Due'),
        tr(lang, 'Hoàn thành lúc', 'Done at'),
        tr(lang, 'Kết quả', 'Outcome'),
        tr(lang, 'Trễ (giờ)', 'Late by (hours)'),
      ],
      rows: report.deadlines.map((l) => [
        ...lineBase(l),
        formatDateTime(l.triggerAt),
        formatDateTime(l.dueAt),
        l.metAt ? formatDateTime(l.metAt) : null,
        tr(lang, OUTCOME[l.outcome][0], OUTCOME[l.outcome][1]),
        l.lateSeconds ? hours(l.lateSeconds) : l.outcome === 'on-time' ? 0 : null,
      ]),
    },
    {
      name: tr(lang, 'Tần suất', 'Frequency'),
      header: [
        tr(lang, 'Mã trang', 'Site code'),
        tr(lang, 'Trang', 'Site'),
        tr(lang, 'Quy tắc', 'Rule'),
        tr(lang, 'Có cập nhật', 'Updated'),
        tr(lang, 'Không có cập nhật', 'No update'),
        tr(lang, 'Chưa hết khung giờ', 'Not over yet'),
        tr(lang, 'Tỷ lệ đạt (%)', 'Rate (%)'),
        tr(lang, 'Ngày đạt đủ', 'Full days'),
        tr(lang, 'Ngày đã qua', 'Days over'),
      ],
      rows: report.frequency.map((f) => [
        f.site.code,
        f.site.name,
        f.result.rule,
        f.result.met,
        f.result.missed,
        f.result.pending,
        percentCell(f.result.rate),
        f.result.fullDays,
        f.result.decidedDays,
      ]),
    },
    {
      name: tr(lang, 'Tần suất theo ngày', 'Frequency by day'),
      header: [
        tr(lang, 'Mã trang', 'Site code'),
        tr(lang, 'Ngày', 'Date'),
        tr(lang, 'Ngày làm việc', 'Working day'),
        ...slots.map((s) => tr(lang, SLOT_NAME[s][0], SLOT_NAME[s][1])),
      ],
      rows: report.frequency.flatMap((f) =>
        f.result.days.map((d) => [
          f.site.code,
          d.date,
          d.workingDay ? tr(lang, 'Có', 'Yes') : tr(lang, 'Không', 'No'),
          ...slots.map((s) =>
            stateText(
              lang,
              d.slots.find((x) => x.slot === s),
            ),
          ),
        ]),
      ),
    },
  ];
}
