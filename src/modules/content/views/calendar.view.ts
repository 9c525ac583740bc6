/**
 * The leaders' work calendar, a week at a time: the week, links to the weeks before and
 * after, and the calendar published for it — or a plain message that there is none.
 */
import { formatDateLong, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';

export interface WeekLink {
  href: string;
  /** Monday, YYYY-MM-DD. */
  monday: string;
}

export interface CalendarWeekView {
  title: string;
  /** Monday and Sunday of the week shown. */
  from: Date;
  to: Date;
  prev: WeekLink;
  next: WeekLink;
  /** The current week's page, unless it is the one shown. */
  thisWeekHref?: string | undefined;
  item?:
    | {
        title: string;
        summary: string;
        /** Sanitised when it was saved. */
        bodyHtml: string;
        date: Date | null;
        source: string;
        href: string;
      }
    | undefined;
  /** When this week has none: the latest week that has one. */
  latest?: { href: string; from: Date; to: Date } | undefined;
}

/** "Tuần từ Thứ Hai, 23/11/2026 đến Chủ Nhật, 29/11/2026" */
export function weekLabel(lang: Lang, from: Date, to: Date): string {
  return t(lang, 'public.calendarWeek', { from: formatDateLong(from, lang), to: formatDateLong(to, lang) });
}

function shortDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}

export function calendarMain(lang: Lang, v: CalendarWeekView): SafeHtml {
  const it = v.item;
  return html`<h1>${v.title}</h1>
<p class="calendar-week"><strong>${weekLabel(lang, v.from, v.to)}</strong></p>
<nav class="week-nav" aria-label="${t(lang, 'public.weeks')}"><ul>
<li><a href="${v.prev.href}" rel="prev">← ${t(lang, 'public.prevWeek')}<span class="visually-hidden"> (${shortDate(v.prev.monday)})</span></a></li>
${v.thisWeekHref ? html`<li><a href="${v.thisWeekHref}">${t(lang, 'public.thisWeek')}</a></li>` : ''}
<li><a href="${v.next.href}" rel="next">${t(lang, 'public.nextWeek')}<span class="visually-hidden"> (${shortDate(v.next.monday)})</span> →</a></li>
</ul></nav>
${
  it
    ? html`<article class="item calendar-item" aria-labelledby="lich-tuan">
<h2 id="lich-tuan">${it.title}</h2>
${it.date ? html`<p class="item-meta"><span>${t(lang, 'public.published')}: <time datetime="${it.date.toISOString()}">${formatDateLong(it.date, lang)}</time></span></p>` : ''}
${it.summary ? html`<p class="lead">${it.summary}</p>` : ''}
<div class="prose">${raw(it.bodyHtml)}</div>
${it.source ? html`<p class="item-source">${t(lang, 'public.source')}: ${it.source}</p>` : ''}
<p><a href="${it.href}">${t(lang, 'public.calendarItem')}</a></p>
</article>`
    : html`<p class="calendar-empty" role="status">${t(lang, 'public.noCalendar')}</p>
${v.latest ? html`<p>${t(lang, 'public.latestCalendar')}: <a href="${v.latest.href}">${weekLabel(lang, v.latest.from, v.latest.to)}</a></p>` : ''}`
}`;
}
