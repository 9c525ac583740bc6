/**
 * The form controls of the citizens' forms (the request form, the status look-up): a visible
 * label with its star, the hint and the error tied with aria-describedby, aria-required and
 * aria-invalid, radio buttons each with its own id, and an error summary whose links lead to the
 * fields. They are the public pages' own look (the `iq-` rules of citizen-pages.ts), not the
 * administration's controls of platform/views/form-controls.ts: the markup the public form's
 * tests and its screen-reader checks were written against.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';

export type Errors = Record<string, string>;

/**
 * The summary at the top of a refused form: every problem, each a link to its field. `ids`
 * gives the element a field's problem points to (a radio group points to its first choice).
 */
export function errorSummary(L: Lang, errors: Errors, ids: Record<string, string>, order: readonly string[]): SafeHtml | '' {
  const keys = [...order.filter((k) => errors[k]), ...Object.keys(errors).filter((k) => !order.includes(k))];
  if (keys.length === 0) return '';
  return html`<div class="iq-summary" role="alert" aria-labelledby="iq-summary-title" tabindex="-1" id="loi">
<h2 id="iq-summary-title">${t(L, 'publicCommon.notSentYetPleaseCorrect')}</h2>
<ul>${keys.map((k) => (ids[k] ? html`<li><a href="#${ids[k]}">${errors[k]}</a></li>` : html`<li>${errors[k]}</li>`))}</ul>
</div>`;
}

/** aria-describedby and aria-invalid of a control with an optional hint and error. */
function described(id: string, hint: boolean, error: boolean): SafeHtml {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${error ? raw(' aria-invalid="true"') : ''}`;
}

function hintAndError(id: string, hint: string | SafeHtml | undefined, error: string | undefined): SafeHtml {
  return html`${hint ? html`<p class="iq-hint" id="${id}-hint">${hint}</p>` : ''}${error ? html`<p class="iq-error" id="${id}-error">${error}</p>` : ''}`;
}

const star = (required: boolean | undefined) => (required ? html` <span aria-hidden="true">*</span>` : '');

export interface InputSpec {
  name: string;
  id?: string;
  label: string;
  value: string;
  type?: 'text' | 'email' | 'tel';
  hint?: string | SafeHtml;
  error?: string;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  inputmode?: string;
  spellcheck?: boolean;
}

export function input(f: InputSpec): SafeHtml {
  const id = f.id ?? `f-${f.name}`;
  return html`<div class="iq-field">
<label for="${id}">${f.label}${star(f.required)}</label>
${hintAndError(id, f.hint, f.error)}
<input id="${id}" name="${f.name}" type="${f.type ?? 'text'}" value="${f.value}"${f.required ? raw(' required aria-required="true"') : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.maxlength ? html` maxlength="${f.maxlength}"` : ''}${f.inputmode ? html` inputmode="${f.inputmode}"` : ''}${f.spellcheck === false ? raw(' spellcheck="false"') : ''}${described(id, Boolean(f.hint), Boolean(f.error))}>
</div>`;
}

export function textarea(f: {
  name: string;
  id?: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  required?: boolean;
  maxlength?: number;
  rows?: number;
}): SafeHtml {
  const id = f.id ?? `f-${f.name}`;
  return html`<div class="iq-field">
<label for="${id}">${f.label}${star(f.required)}</label>
${hintAndError(id, f.hint, f.error)}
<textarea id="${id}" name="${f.name}" rows="${f.rows ?? 8}"${f.required ? raw(' required aria-required="true"') : ''}${f.maxlength ? html` maxlength="${f.maxlength}"` : ''}${described(id, Boolean(f.hint), Boolean(f.error))}>${f.value}</textarea>
</div>`;
}

export function select(f: {
  name: string;
  id?: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  error?: string;
  required?: boolean;
}): SafeHtml {
  const id = f.id ?? `f-${f.name}`;
  return html`<div class="iq-field">
<label for="${id}">${f.label}${star(f.required)}</label>
${hintAndError(id, f.hint, f.error)}
<select id="${id}" name="${f.name}"${f.required ? raw(' required aria-required="true"') : ''}${described(id, Boolean(f.hint), Boolean(f.error))}>${f.options.map(
    (o) => html`<option value="${o.value}"${o.value === f.value ? raw(' selected') : ''}>${o.label}</option>`,
  )}</select>
</div>`;
}

/** A radio group in a fieldset whose legend names it; the error is tied to the group. */
export function radios(f: {
  name: string;
  legend: string;
  value: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  required?: boolean;
}): SafeHtml {
  const id = `f-${f.name}`;
  return html`<fieldset class="iq-field" id="${id}"${f.error ? html` aria-describedby="${id}-error"` : ''}>
<legend>${f.legend}${star(f.required)}</legend>
${f.error ? html`<p class="iq-error" id="${id}-error">${f.error}</p>` : ''}
${f.options.map(
  (o) =>
    html`<div class="iq-radio"><input type="radio" id="${id}-${o.value}" name="${f.name}" value="${o.value}"${o.value === f.value ? raw(' checked') : ''}${f.required ? raw(' required') : ''}${f.error ? raw(' aria-invalid="true"') : ''}><label for="${id}-${o.value}">${o.label}</label></div>`,
)}
</fieldset>`;
}

export function checkbox(f: { name: string; label: string; checked: boolean; hint?: string | SafeHtml; error?: string; required?: boolean }): SafeHtml {
  const id = `f-${f.name}`;
  return html`<div class="iq-field">
<div class="iq-check"><input type="checkbox" id="${id}" name="${f.name}" value="1"${f.checked ? raw(' checked') : ''}${f.required ? raw(' required aria-required="true"') : ''}${described(id, Boolean(f.hint), Boolean(f.error))}><label for="${id}">${f.label}${star(f.required)}</label></div>
${hintAndError(id, f.hint, f.error)}
</div>`;
}
