/** What the regulations require a site to show that is still empty (on the site's admin pages). */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { SiteGap } from '../site-checklist.ts';
import { t } from '../messages.ts';

export function checklistView(lang: Lang, gaps: readonly SiteGap[]): SafeHtml {
  return html`<section class="action-box checklist" aria-labelledby="viec-con-thieu">
<h2 id="viec-con-thieu">${t(lang, 'checklist.title')}</h2>
${
  gaps.length === 0
    ? html`<p>${t(lang, 'checklist.done')}</p>`
    : html`<p>${t(lang, 'checklist.intro')}</p>
<ul>${gaps.map((g) => html`<li>${g.href ? html`<a href="${g.href}">${g.label}</a>` : g.label}</li>`)}</ul>`
}
</section>`;
}
