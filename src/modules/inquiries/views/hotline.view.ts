/**
 * The hotline console (QA-6): one short form to log a call in under a minute — what was said and
 * its field; the caller's details are optional — and, after a call was logged, the code to read
 * out to the caller. Board members log e-mails, letters and visits on the same form.
 */
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { checkboxControl, csrfInput, inputControl, selectControl, textareaControl } from '../../../platform/views/form-controls.ts';
import { channelLabel, FIELD_CODES, fieldLabel, KIND_CODES, kindLabel } from '../inquiry-types.ts';
import type { InquiryChannel } from '../../../platform/db/schema.ts';
import { typed, type ConsoleForm } from './console-parts.ts';
import { refusal } from './request.view.ts';
import { t } from '../messages.ts';

export interface HotlineView {
  lang: Lang;
  action: string;
  csrf: string;
  /** The board logs every officer channel; a hotline operator only calls. */
  board: boolean;
  channels: readonly InquiryChannel[];
  agencies: readonly { id: number; name: string; hotlineDefault: boolean }[];
  /** The agency chosen at first: the site's default for hotline calls. */
  defaultAgency: string;
  /** The call just logged: its code, the answer's due day, the agency it went to. */
  logged: { code: string; due: Date | undefined; agency: string | undefined } | undefined;
  /** The form's one-time key. */
  key: string;
  state: ConsoleForm;
}

export function hotlineTitle(L: Lang, board: boolean): string {
  return board ? t(L, 'hotline.logRequest') : t(L, 'hotline.hotline');
}

export function hotlineMain(v: HotlineView): SafeHtml {
  const L = v.lang;
  const s = v.state;
  const e = s.errors;
  const logged = v.logged;
  return html`<h1>${hotlineTitle(L, v.board)}</h1>
${
  logged
    ? html`<section class="admin-notice admin-notice-ok" role="status" aria-labelledby="da-ghi"><h2 id="da-ghi">${t(L, 'hotline.loggedReadTrackingCodeCaller')}</h2>
<p style="font-size:1.6rem;letter-spacing:.08em"><strong><code>${logged.code}</code></strong></p>
${logged.due ? html`<p>${t(L, 'hotline.answerDueRegulation')}: ${formatDate(logged.due)}.</p>` : ''}
${logged.agency ? html`<p>${t(L, 'hotline.forwarded')} ${logged.agency}.</p>` : ''}
<p>${t(L, 'hotline.callerFollowsCodePhoneE')}</p></section>`
    : ''
}
${refusal(L, s)}
<p>${t(L, 'hotline.noteWhatWasSaidOnly')}</p>
<form method="post" action="${v.action}" class="form content-form" novalidate>
${csrfInput(v.csrf)}
<input type="hidden" name="key" value="${v.key}">
${
  v.channels.length > 1
    ? selectControl({
        name: 'channel',
        label: t(L, 'common.channel2'),
        value: typed(s, 'channel') ?? 'hotline',
        error: e.channel,
        options: v.channels.map((c) => ({ value: c, label: channelLabel(c, L) })),
      })
    : html`<input type="hidden" name="channel" value="hotline">`
}
${selectControl({ name: 'field', label: t(L, 'common.field'), value: typed(s, 'field') ?? '', error: e.field, options: [{ value: '', label: t(L, 'common.chooseField') }, ...FIELD_CODES.map((code) => ({ value: code, label: fieldLabel(code, L) }))] })}
${selectControl({ name: 'kind', label: t(L, 'common.kind'), value: typed(s, 'kind') ?? 'feedback', error: e.kind, options: KIND_CODES.map((code) => ({ value: code, label: kindLabel(code, L) })) })}
${textareaControl({ name: 'content', label: t(L, 'hotline.whatCallerSaid'), value: typed(s, 'content'), error: e.content, rows: 6, maxlength: 10_000, required: true })}
${inputControl({ name: 'title', label: t(L, 'hotline.titleOptional'), hint: t(L, 'hotline.emptyFirstWordsContent'), value: typed(s, 'title'), error: e.title, maxlength: 300 })}
<fieldset><legend>${t(L, 'hotline.callerOptional')}</legend>
${inputControl({ name: 'callerName', label: t(L, 'common.name'), value: typed(s, 'callerName'), error: e.callerName, maxlength: 100, autocomplete: 'off' })}
${inputControl({ name: 'phone', label: t(L, 'common.phone'), type: 'tel', value: typed(s, 'phone'), error: e.phone, maxlength: 30, autocomplete: 'off' })}
${inputControl({ name: 'email', label: t(L, 'common.eMail'), type: 'email', value: typed(s, 'email'), error: e.email, maxlength: 254, autocomplete: 'off' })}
${inputControl({ name: 'address', label: t(L, 'common.address'), value: typed(s, 'address'), error: e.address, maxlength: 300, autocomplete: 'off' })}
${checkboxControl({ name: 'consentPublish', label: t(L, 'hotline.callerAgreesPublicationAnswerWithout'), checked: Boolean(typed(s, 'consentPublish')) })}
</fieldset>
${selectControl({
  name: 'agencyId',
  label: t(L, 'hotline.forwardOnceHotlineCalls'),
  hint: v.board ? t(L, 'hotline.lettersEMailsVisitsGo') : undefined,
  value: typed(s, 'agencyId') ?? v.defaultAgency,
  error: e.agencyId,
  options: [
    { value: '', label: t(L, 'hotline.notNowBoardClassifies') },
    ...v.agencies.map((a) => ({ value: String(a.id), label: a.hotlineDefault ? `${a.name} (${t(L, 'hotline.default')})` : a.name })),
  ],
})}
<p class="form-actions"><button type="submit">${t(L, 'hotline.log')}</button></p>
</form>`;
}
