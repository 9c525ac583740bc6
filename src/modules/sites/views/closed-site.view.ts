/** The page a closed site answers with (410): what happened, and the way to the portal. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';

export interface ClosedSiteScreen {
  siteName: string;
  portal: { name: string; href: string } | undefined;
}

export function closedSiteView(lang: Lang, s: ClosedSiteScreen): SafeHtml {
  return html`<h1>${t(lang, 'closed.title')}</h1>
<p>${t(lang, 'closed.body', { site: s.siteName })}</p>
${s.portal ? html`<p>${t(lang, 'closed.visit')} <a href="${s.portal.href}">${s.portal.name}</a>.</p>` : ''}`;
}
