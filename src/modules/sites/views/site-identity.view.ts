/** The operator's page of their site (/quan-tri/thong-tin-trang): identity, contacts, theme, what is still missing, the people. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { csrfInput, errorSummary } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { SiteGap } from '../site-checklist.ts';
import { contactFields, identityFields, themeFields, type SiteFieldChoices, type SiteFieldValues } from './site-form.view.ts';
import { checklistView } from './checklist.view.ts';
import { t } from '../messages.ts';

export interface IdentityScreen {
  siteName: string;
  action: string;
  csrf: string;
  values: SiteFieldValues;
  errors: FieldErrors;
  choices: Pick<SiteFieldChoices, 'logos' | 'themes'>;
  gaps: readonly SiteGap[];
  viewHref: string;
  /** The accounts page, when the person may manage the site's people. */
  peopleHref: string | undefined;
}

export function identityView(L: Lang, s: IdentityScreen): SafeHtml {
  return html`<h1>${t(L, 'identity.title')} — ${s.siteName}</h1>
<p>${t(L, 'identity.intro')} <a href="${s.viewHref}">${t(L, 'edit.view')}</a></p>
${errorSummary(L, s.errors)}
${checklistView(L, s.gaps)}
<form method="post" action="${s.action}" class="form content-form" novalidate>
${csrfInput(s.csrf)}
${identityFields(L, s.values, s.errors)}
${contactFields(L, s.values, s.errors)}
${themeFields(L, s.values, s.errors, s.choices)}
<p class="form-actions"><button type="submit">${t(L, 'edit.submit')}</button></p>
</form>
${s.peopleHref ? html`<h2>${t(L, 'identity.people')}</h2><p>${t(L, 'identity.peopleText')} <a href="${s.peopleHref}">${t(L, 'identity.peopleLink')}</a>.</p>` : ''}`;
}
