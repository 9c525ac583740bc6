/** Windows as the banner, the public list, the admin list and the API show them. */
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import type { WindowRow } from './maintenance.repo.ts';
import { t } from './messages.ts';

export type WindowState = 'upcoming' | 'current' | 'ended' | 'cancelled';

export function stateOf(w: WindowRow, now = Date.now()): WindowState {
  if (w.cancelled_at) return 'cancelled';
  if (w.expected_end_at.getTime() <= now) return 'ended';
  return w.starts_at.getTime() <= now ? 'current' : 'upcoming';
}

export const descriptionOf = (w: WindowRow, lang: Lang) => (lang === 'en' && w.description_en ? w.description_en : w.description_vi);

/** The notice at the top of every page of an affected site. */
export function bannerOf(w: WindowRow, lang: Lang, href: string, now = Date.now()): SafeHtml {
  const end = formatDateTime(w.expected_end_at);
  const text = stateOf(w, now) === 'current' ? t(lang, 'banner.current', { end }) : t(lang, 'banner.planned', { start: formatDateTime(w.starts_at), end });
  return html`<div class="notice notice-maintenance" role="region" aria-label="${t(lang, 'banner.label')}"><p>${w.emergency ? html`<strong>${t(lang, 'banner.emergency')}:</strong> ` : ''}${text} ${descriptionOf(w, lang)} <a href="${href}">${t(lang, 'banner.more')}</a></p></div>`;
}

export function presentApi(w: WindowRow, now = Date.now()) {
  return {
    id: w.id,
    startsAt: w.starts_at.toISOString(),
    expectedEndAt: w.expected_end_at.toISOString(),
    current: stateOf(w, now) === 'current',
    emergency: w.emergency,
    emergencyReason: w.emergency_reason,
    description: { vi: w.description_vi, en: w.description_en },
  };
}
