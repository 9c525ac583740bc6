/**
 * The dashboard's publishing frequency (DL-10, DL-11): the slots and legend, the figures per
 * site, and one site's month as a calendar. Every ✓/✗ has its words for screen readers and a
 * legend; nothing is said by colour alone.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import type { ComplianceReport, ComplianceSite } from '../compliance.service.ts';
import type { FrequencyResult, Slot, SlotResult, SlotSettings } from '../frequency.ts';
import { percent } from '../present/compliance.ts';
import { t } from '../messages.ts';
import { tableRegion } from './table-region.ts';

/** The month calendar's columns: weeks start on Monday. */
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const STATE: Record<SlotResult['state'], { mark: string; badge: string }> = {
  met: { mark: '✓', badge: 'badge-ok' },
  missed: { mark: '✗', badge: 'badge-off' },
  pending: { mark: '…', badge: 'badge-warn' },
  'not-required': { mark: '–', badge: '' },
};
const slotName = (lang: Lang, slot: Slot) => t(lang, `compliance.slot.${slot}`);
const stateName = (lang: Lang, state: SlotResult['state']) => t(lang, `compliance.state.${state}`);

function slotMark(lang: Lang, slot: SlotResult): SafeHtml {
  const st = STATE[slot.state];
  const words = `${slotName(lang, slot.slot)}: ${stateName(lang, slot.state)}${slot.updates > 1 ? t(lang, 'compliance.items', { updates: slot.updates }) : ''}`;
  return html`<li><span aria-hidden="true">${slotName(lang, slot.slot)} <span class="badge ${st.badge}">${st.mark}</span></span><span class="visually-hidden">${words}</span></li>`;
}

/** The month as a calendar: a row per week, a cell per day with each slot of the rule. */
function monthTable(lang: Lang, site: ComplianceSite, month: string, result: FrequencyResult): SafeHtml {
  const first = result.days[0]!;
  const lead = (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (SafeHtml | null)[] = [...Array.from({ length: lead }, () => null)];
  for (const d of result.days) {
    const day = Number(d.date.slice(8, 10));
    cells.push(html`<td><time datetime="${d.date}"><strong>${day}</strong></time>${d.workingDay ? '' : html` <span class="muted">${t(lang, 'compliance.dayOff')}</span>`}
${d.required ? html`<ul class="plain">${d.slots.map((s) => slotMark(lang, s))}</ul>` : html`<p class="muted">${t(lang, 'compliance.notRequired')}</p>`}</td>`);
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (SafeHtml | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const [y, m] = month.split('-');
  const caption = t(lang, result.kind === 'component' ? 'compliance.monthCaptionComponent' : 'compliance.monthCaptionPortal', {
    month: `${m}/${y}`,
    site: site.name,
    rule: result.rule,
    slots: result.slotNames.map((s) => slotName(lang, s).toLowerCase()).join(', '),
  });
  return tableRegion(
    caption,
    html`<table class="data month"><caption>${caption}</caption>
<thead><tr>${WEEK.map((w) => html`<th scope="col">${t(lang, `weekday.${w}`)}</th>`)}</tr></thead>
<tbody>${weeks.map((w) => html`<tr>${w.map((c) => c ?? raw('<td></td>'))}</tr>`)}</tbody></table>`,
  );
}

function slotLegend(lang: Lang, slots: SlotSettings): SafeHtml {
  return html`<p>${t(lang, 'compliance.slotsVietNamTime')}: ${(['morning', 'afternoon', 'evening'] as const).map((s, i) => html`${i ? ', ' : ''}${slotName(lang, s)} ${slots[s].from}–${slots[s].to}`)}.
${t(lang, 'compliance.updateItemFirstPublishedWithin')}</p>
<p>${t(lang, 'compliance.legend')}: ${(['met', 'missed', 'pending', 'not-required'] as const).map((k, i) => html`${i ? '; ' : ''}<span class="badge ${STATE[k].badge}">${STATE[k].mark}</span> ${stateName(lang, k)}`)}.</p>`;
}

export interface MonthView {
  site: ComplianceSite;
  /** "2026-11". */
  month: string;
  result: FrequencyResult;
  prevHref: string;
  nextHref: string;
}

export function frequencySection(lang: Lang, report: ComplianceReport, period: string, slots: SlotSettings, month: MonthView): SafeHtml {
  return html`<h2 id="tan-suat">${t(lang, 'compliance.updateFrequency')}</h2>
<p>${t(lang, 'compliance.dl10PortalUpdatesLeast')}</p>
${slotLegend(lang, slots)}
${tableRegion(
  t(lang, 'compliance.frequencySite'),
  html`<table class="data"><caption>${t(lang, 'compliance.requiredSlots', { p: period })}</caption>
<thead><tr><th scope="col">${t(lang, 'compliance.site')}</th><th scope="col">${t(lang, 'compliance.rule')}</th><th scope="col">${t(lang, 'compliance.updated')}</th><th scope="col">${t(lang, 'compliance.noUpdate')}</th><th scope="col">${t(lang, 'compliance.notOverYet')}</th><th scope="col">${t(lang, 'compliance.rate')}</th><th scope="col">${t(lang, 'compliance.fullDaysDaysOver')}</th></tr></thead>
<tbody>${report.frequency.map((f) => html`<tr><th scope="row">${f.site.name}</th><td>${f.result.rule}</td><td>${f.result.met}</td><td>${f.result.missed}</td><td>${f.result.pending}</td><td>${percent(f.result.rate, lang)}</td><td>${f.result.fullDays} / ${f.result.decidedDays}</td></tr>`)}</tbody></table>`,
)}
<h3 id="lich-thang">${t(lang, 'compliance.monthCalendar')}</h3>
<p><a href="${month.prevHref}">${t(lang, 'compliance.previousMonth')}</a> · <a href="${month.nextHref}">${t(lang, 'compliance.nextMonth')}</a></p>
${monthTable(lang, month.site, month.month, month.result)}`;
}
