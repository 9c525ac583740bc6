/**
 * The leaders' work calendar a week at a time: /lich-lam-viec (en /work-calendar) shows the
 * week of today in Viet Nam; ?tuan=YYYY-MM-DD shows the week starting that Monday (another
 * day of the week is redirected to its Monday). The calendar of a week is the live item of
 * type `calendar` whose field week_start is that Monday.
 *
 * The page without ?tuan changes on Monday at midnight, with no content change to tell the
 * page cache, so it is not kept there (still ETag and a short Cache-Control); the pages of
 * given weeks are cached like any other.
 */
import { etagOf } from '../../platform/cache/page-cache.ts';
import { queryForm, rejectedFields } from '../../platform/http/forms.ts';
import { isoDate, type Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import type { PageSpec } from '../site-shell/index.ts';
import { requireSite, siteHref, siteName } from '../sites/index.ts';
import { WeekQuery } from './content.schema.ts';
import { t } from './messages.ts';
import { itemPath, otherLang, PUBLIC } from './paths.ts';
import { notFound, sendContentPage, type PublicContentDeps, type PublicPresenter } from './public.present.ts';
import { openGraph } from './seo.ts';
import { calendarMain, weekLabel, type CalendarWeekView } from './views/calendar.view.ts';
import { contentStyle } from './views/style.ts';

const DAY = 86_400_000;

/** YYYY-MM-DD → that day at UTC midnight; undefined unless it is a real date of 2000–2099. */
export function parseDay(value: string): Date | undefined {
  if (!/^20\d{2}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? undefined : d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday (YYYY-MM-DD) of the week holding `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const d = parseDay(day)!;
  return iso(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY));
}

export function addDays(day: string, n: number): string {
  return iso(new Date(parseDay(day)!.getTime() + n * DAY));
}

/** Noon in Viet Nam on `day`, for formatting dates that are days, not instants. */
const vnNoon = (day: string) => new Date(`${day}T12:00:00+07:00`);

export function calendarPublicRoutes(routes: Routes, lang: Lang, deps: PublicContentDeps, present: PublicPresenter): void {
  // The current week is not kept in the page cache (see above): only the pages of given weeks are stored.
  routes.get(PUBLIC.calendar[lang], { ...queryForm(WeekQuery), config: { cache: true } }, async (request, reply) => {
    const ctx = requireSite(request);
    const { site } = ctx;
    const path = PUBLIC.calendar[lang];
    if (rejectedFields(request.query).includes('tuan')) throw notFound();
    const raw = request.query.tuan ?? '';
    const thisMonday = mondayOf(isoDate(new Date()));
    let monday = thisMonday;
    const given = raw !== '';
    if (given) {
      if (!parseDay(raw)) throw notFound();
      monday = mondayOf(raw);
      if (monday !== raw) return reply.redirect(`${siteHref(ctx, path)}?tuan=${monday}`, 301);
    }
    const weekHref = (m: string, l: Lang = lang) => `${siteHref(ctx, PUBLIC.calendar[l], l)}?tuan=${m}`;
    const from = vnNoon(monday);
    const to = vnNoon(addDays(monday, 6));

    const item = await deps.live.calendarOfWeek(site.id, lang, monday);
    let latest: CalendarWeekView['latest'];
    if (!item) {
      const week = await deps.live.latestCalendarWeek(site.id, lang);
      if (week && week !== monday) latest = { href: weekHref(week), from: vnNoon(week), to: vnNoon(addDays(week, 6)) };
    }
    const title = t(lang, 'public.calendar');
    const week = weekLabel(lang, from, to);
    const itemHref = item ? siteHref(ctx, itemPath(lang, item.slug)) : '';
    const view: CalendarWeekView = {
      title,
      from,
      to,
      prev: { href: weekHref(addDays(monday, -7)), monday: addDays(monday, -7) },
      next: { href: weekHref(addDays(monday, 7)), monday: addDays(monday, 7) },
      thisWeekHref: monday === thisMonday ? undefined : siteHref(ctx, path),
      item: item
        ? { title: item.title, summary: item.summary, bodyHtml: item.body_html, date: item.published_at, source: item.source, href: itemHref }
        : undefined,
      latest,
    };
    const canonical = `${present.abs(request, ctx, path)}${given ? `?tuan=${monday}` : ''}`;
    const page: PageSpec = {
      title: given ? `${title} – ${week}` : title,
      description: item?.summary || `${title}. ${week}`,
      breadcrumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: title }],
      alternate: { lang: otherLang(lang), href: given ? weekHref(monday, otherLang(lang)) : siteHref(ctx, PUBLIC.calendar[otherLang(lang)], otherLang(lang)) },
      subject: title,
      ...(item?.published_at ? { date: item.published_at } : {}),
      head: html`${contentStyle()}
<link rel="prev" href="${view.prev.href}">
<link rel="next" href="${view.next.href}">
${openGraph({ type: 'website', title, description: `${title}. ${week}`, url: canonical, siteName: siteName(site, lang), lang })}
${present.siteFeedLinks(ctx)}`,
      main: calendarMain(lang, view),
    };
    if (given) return sendContentPage(deps.shell, request, reply, page, canonical);

    // The current week: ETag and Cache-Control, but not the page cache (see above).
    const body = await deps.shell.renderPage(request, page);
    const etag = etagOf(body);
    reply.header('etag', etag).header('cache-control', 'public, max-age=60, stale-while-revalidate=60').header('vary', 'Cookie, Accept-Encoding');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('text/html; charset=utf-8').send(body);
  });
}
