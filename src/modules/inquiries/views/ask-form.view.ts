/**
 * The public request form (QA-1) and the confirmation shown once the request is committed.
 * Works without JavaScript; a refused form lists every problem at the top, each linked to its
 * field, and keeps everything typed (except files, which a browser cannot be given back).
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { checkboxControl, csrfInput, errorSummary, inputControl, radioControl, selectControl, textareaControl } from '../../../platform/views/form-controls.ts';
import { CITIZEN_FILES } from '../inquiry-files.ts';
import { FIELD_CODES, fieldLabel, KIND_CODES, kindLabel } from '../inquiry-types.ts';
import { LIMITS } from '../submission.service.ts';
import { CITIZEN_CONTROLS, citizenSummary, dateOnly } from './citizen-pages.ts';
import { t } from '../messages.ts';

/** What was typed in the form, as text (a ticked box is not empty). */
export interface AskValues {
  kind?: string;
  field?: string;
  agency?: string;
  title?: string;
  content?: string;
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
  consentPrivacy?: string;
  consentPublish?: string;
}

export interface ChallengeView {
  /** The question shown, when a new one is asked. */
  question: string;
  token: string;
  /** The answer typed, kept when it was right and the form is shown again for other reasons. */
  answer: string;
  solved: boolean;
}

/** What the file picker offers; the server decides by content (inquiry-files.ts). */
export const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.docx,.odt,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

/** The element each field's problem links to from the summary, in the order of the form. */
export const FIELD_IDS: Record<string, string> = {
  kind: `f-kind-${KIND_CODES[0]}`,
  field: 'f-field',
  agency: 'f-agency',
  title: 'f-title',
  content: 'f-body',
  files: 'f-files',
  name: 'f-name',
  email: 'f-email',
  phone: 'f-phone',
  address: 'f-address',
  consentPrivacy: 'f-consentPrivacy',
  challenge: 'f-challenge',
};

export interface AskFormView {
  lang: Lang;
  action: string;
  csrf: string;
  values: AskValues;
  /** The form's one-time key: a repeated post of the same form records one request. */
  submission: string;
  errors: Readonly<Record<string, string>>;
  challenge: ChallengeView;
  agencies: readonly { id: number; name: string }[];
  retentionMonths: number;
  statusHref: string;
  qaHref: string;
  siteName: string;
}

export function askFormMain(v: AskFormView): SafeHtml {
  const L = v.lang;
  const e = v.errors;
  const x = v.values;
  const refused = Object.keys(e).length > 0;
  const mb = Math.round(CITIZEN_FILES.maxBytes / 1024 / 1024);
  return html`<h1>${t(L, 'publicForm.sendQuestionFeedbackPetition')}</h1>
${errorSummary(L, e, { ...citizenSummary(L), links: FIELD_IDS })}
<p>${t(L, 'publicForm.youCanSendQuestionFeedback', { siteName: v.siteName })}</p>
<p>${t(L, 'publicForm.sentOneBefore')} <a href="${v.statusHref}">${t(L, 'common.trackYourRequest')}</a> · <a href="${v.qaHref}">${t(L, 'publicForm.readQuestionsAlreadyAnswered')}</a></p>
<p class="iq-hint">${t(L, 'publicForm.fieldsMarkedRequired')}</p>
<form method="post" action="${v.action}" enctype="multipart/form-data" class="iq-form" novalidate>
${csrfInput(v.csrf)}
<input type="hidden" name="submission" value="${v.submission}">
${radioControl({
  ...CITIZEN_CONTROLS,
  name: 'kind',
  label: t(L, 'publicForm.kindRequest'),
  value: x.kind ?? 'question',
  options: KIND_CODES.map((code) => ({ value: code, label: kindLabel(code, L) })),
  optionIds: 'value',
  required: true,
  error: e.kind,
})}
${selectControl({
  ...CITIZEN_CONTROLS,
  name: 'field',
  label: t(L, 'common.field'),
  value: x.field ?? '',
  required: true,
  options: [{ value: '', label: t(L, 'common.chooseField') }, ...FIELD_CODES.map((code) => ({ value: code, label: fieldLabel(code, L) }))],
  error: e.field,
})}
${
  v.agencies.length
    ? selectControl({
        ...CITIZEN_CONTROLS,
        name: 'agency',
        label: t(L, 'publicForm.agencyRequestMeantOptional'),
        hint: t(L, 'publicForm.ifYouDoNotChoose'),
        value: x.agency ?? '',
        options: [{ value: '', label: t(L, 'publicForm.notChosen') }, ...v.agencies.map((a) => ({ value: String(a.id), label: a.name }))],
        error: e.agency,
      })
    : ''
}
${inputControl({ ...CITIZEN_CONTROLS, name: 'title', label: t(L, 'common.title'), value: x.title ?? '', required: true, maxlength: LIMITS.title[1], hint: t(L, 'publicForm.matterOneSentenceCharacters', { value: LIMITS.title[0], value2: LIMITS.title[1] }), error: e.title })}
${textareaControl({ ...CITIZEN_CONTROLS, name: 'content', id: 'f-body', label: t(L, 'publicForm.content'), value: x.content ?? '', required: true, maxlength: LIMITS.body[1], rows: 10, hint: t(L, 'publicForm.contentHint', { min: LIMITS.body[0], max: LIMITS.body[1].toLocaleString(L === 'vi' ? 'vi-VN' : 'en-GB') }), error: e.content })}
${inputControl({
  ...CITIZEN_CONTROLS,
  name: 'files',
  type: 'file',
  multiple: true,
  accept: ACCEPT,
  label: t(L, 'publicForm.attachmentsOptional'),
  hint: `${t(L, 'publicForm.upFilesEachMostMb', { maxFiles: CITIZEN_FILES.maxFiles, mb })}${refused ? t(L, 'publicForm.filesChosenBeforeWereNot') : ''}`,
  error: e.files,
})}
<fieldset>
<legend>${t(L, 'publicForm.aboutYou')}</legend>
${inputControl({ ...CITIZEN_CONTROLS, name: 'name', label: t(L, 'publicForm.fullName'), value: x.name ?? '', required: true, autocomplete: 'name', maxlength: LIMITS.name[1], error: e.name })}
<p class="iq-hint" id="contact-hint">${t(L, 'publicForm.enterEMailAddressPhone')}</p>
${inputControl({ ...CITIZEN_CONTROLS, name: 'email', type: 'email', label: t(L, 'common.eMail'), value: x.email ?? '', autocomplete: 'email', maxlength: 254, spellcheck: false, hint: t(L, 'publicForm.trackingCodeSentAddress'), error: e.email })}
${inputControl({ ...CITIZEN_CONTROLS, name: 'phone', type: 'tel', label: t(L, 'common.phone'), value: x.phone ?? '', autocomplete: 'tel', maxlength: 30, error: e.phone })}
${inputControl({ ...CITIZEN_CONTROLS, name: 'address', label: t(L, 'publicForm.addressOptional'), value: x.address ?? '', autocomplete: 'street-address', maxlength: LIMITS.address[1], error: e.address })}
</fieldset>
<div class="iq-hp">
<label for="f-website">${t(L, 'publicForm.leaveFieldEmpty')}</label>
<input id="f-website" name="website" type="text" value="" tabindex="-1" autocomplete="off">
</div>
<fieldset>
<legend>${t(L, 'publicForm.personalDataPublication')}</legend>
<div class="iq-privacy" id="privacy-notice">
<p>${t(L, 'publicForm.personalDataNoticeDecree13')}</p>
<p>${t(L, 'publicForm.onlyEditorialBoardAgencyAsked', { retentionMonths: v.retentionMonths })}</p>
</div>
${checkboxControl({ ...CITIZEN_CONTROLS, name: 'consentPrivacy', label: t(L, 'publicForm.iAcceptPersonalDataNotice'), checked: Boolean(x.consentPrivacy), required: true, error: e.consentPrivacy })}
${checkboxControl({
  ...CITIZEN_CONTROLS,
  name: 'consentPublish',
  label: t(L, 'publicForm.iAgreeThatQuestionAnswer'),
  checked: Boolean(x.consentPublish),
  hint: t(L, 'publicForm.ifYouDoNotAgree'),
})}
</fieldset>
${challengeField(L, v.challenge, e.challenge)}
<p><button type="submit" class="iq-button">${t(L, 'publicForm.sendRequest')}</button></p>
</form>`;
}

/** The spam check: a sum in words, readable by a screen reader; once answered right it is not asked again. */
function challengeField(L: Lang, c: ChallengeView, error: string | undefined): SafeHtml {
  if (c.solved) {
    return html`<input type="hidden" name="challenge_token" value="${c.token}"><input type="hidden" name="challenge_answer" value="${c.answer}">
<p class="iq-hint">${t(L, 'publicForm.spamCheckQuestionAnsweredCorrectly')}</p>`;
  }
  return html`<input type="hidden" name="challenge_token" value="${c.token}">
${inputControl({
  ...CITIZEN_CONTROLS,
  name: 'challenge_answer',
  id: 'f-challenge',
  label: t(L, 'publicForm.checkQuestion', { question: c.question }),
  value: '',
  required: true,
  autocomplete: 'off',
  inputmode: 'numeric',
  maxlength: 20,
  hint: t(L, 'publicForm.questionKeepsAutomatedSpamOut'),
  error,
})}`;
}

export interface ConfirmationView {
  lang: Lang;
  code: string;
  title: string;
  kindLabel: string;
  fieldLabel: string;
  answerDue: Date | undefined;
  emailed: boolean;
  statusHref: string;
  askHref: string;
  qaHref: string;
}

export function confirmationMain(v: ConfirmationView): SafeHtml {
  const L = v.lang;
  return html`<h1>${t(L, 'publicForm.yourRequestHasBeenSent')}</h1>
<div class="iq-ok" role="status">
<h2>${t(L, 'publicForm.yourRequestWasReceived')}</h2>
<p>${t(L, 'publicForm.yourTrackingCode')}</p>
<p class="iq-code" id="ma-tra-cuu">${v.code}</p>
<p>${t(L, 'publicForm.keepCodeTrackRequestEnter')}</p>
${v.emailed ? html`<p>${t(L, 'publicForm.codeHasAlsoBeenSent')}</p>` : ''}
</div>
<dl class="iq-facts">
<dt>${t(L, 'common.title')}</dt><dd>${v.title}</dd>
<dt>${t(L, 'common.kind2')}</dt><dd>${v.kindLabel}</dd>
<dt>${t(L, 'common.field')}</dt><dd>${v.fieldLabel}</dd>
${v.answerDue ? html`<dt>${t(L, 'common.answerDue')}</dt><dd>${dateOnly(v.answerDue)}</dd>` : ''}
</dl>
<h2>${t(L, 'publicForm.whatHappensNext')}</h2>
<ol>
<li>${t(L, 'publicForm.editorialBoardClassifiesRequestForwards')}</li>
<li>${t(L, 'publicForm.agencyAnswersWithin15Working')}</li>
<li>${v.emailed ? t(L, 'publicForm.youReceiveEMailEach') : t(L, 'publicForm.youCanSeeStatusAnswer')}</li>
</ol>
<p><a href="${v.statusHref}">${t(L, 'publicForm.trackRequest')}</a> · <a href="${v.askHref}">${t(L, 'publicForm.sendAnotherRequest')}</a> · <a href="${v.qaHref}">${t(L, 'common.questionsAnswers2')}</a></p>`;
}
