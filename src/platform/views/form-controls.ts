/**
 * The form controls of every server-rendered form, public or administrative. Each has a visible
 * label; its hint and error are tied to it with aria-describedby, aria-invalid marks an error,
 * a required control says so visibly, and a refused form shows what was typed (never a password).
 * The id of a control is `f-<name>` unless given, so the error summary can link to it.
 */
import { t, vnParts, type Lang } from '../i18n/index.ts';
import { html, raw, type SafeHtml } from './html.ts';

interface Control {
  name: string;
  /** Defaults to `f-<name>`. */
  id?: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

function idOf(c: Control): string {
  return c.id ?? `f-${c.name}`;
}

function described(id: string, c: Control): { attr: SafeHtml; hint: SafeHtml; error: SafeHtml } {
  const ids = [c.hint ? `${id}-hint` : '', c.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    attr: html`${ids ? html` aria-describedby="${ids}"` : ''}${c.error ? raw(' aria-invalid="true"') : ''}${c.required ? raw(' required') : ''}`,
    hint: c.hint ? html`<p class="hint" id="${id}-hint">${c.hint}</p>` : html``,
    error: c.error ? html`<p class="error" id="${id}-error">${c.error}</p>` : html``,
  };
}

function labelOf(id: string, c: Control): SafeHtml {
  return html`<label for="${id}" id="${id}-label">${c.label}${c.required ? html` <span aria-hidden="true">*</span>` : ''}</label>`;
}

export type InputType = 'text' | 'email' | 'password' | 'tel' | 'search' | 'date' | 'datetime-local' | 'number' | 'url';

export function inputControl(
  c: Control & {
    type?: InputType;
    value?: string | undefined;
    maxlength?: number;
    step?: string;
    inputmode?: 'numeric' | 'email' | 'text' | 'tel' | 'url' | 'decimal';
    autocomplete?: string;
    autofocus?: boolean;
    list?: string;
    attrs?: SafeHtml;
  },
): SafeHtml {
  const id = idOf(c);
  const d = described(id, c);
  const type = c.type ?? 'text';
  return html`<div class="field">
${labelOf(id, c)}
${d.hint}${d.error}
<input id="${id}" name="${c.name}" type="${type}"${type === 'password' ? '' : html` value="${c.value ?? ''}"`}${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${c.step ? html` step="${c.step}"` : ''}${c.inputmode ? html` inputmode="${c.inputmode}"` : ''}${c.autocomplete ? html` autocomplete="${c.autocomplete}"` : ''}${c.list ? html` list="${c.list}"` : ''}${d.attr}${c.autofocus ? raw(' autofocus') : ''}${c.attrs ?? ''}>
</div>`;
}

export function textareaControl(c: Control & { value?: string | undefined; rows?: number; maxlength?: number; attrs?: SafeHtml }): SafeHtml {
  const id = idOf(c);
  const d = described(id, c);
  return html`<div class="field">
${labelOf(id, c)}
${d.hint}${d.error}
<textarea id="${id}" name="${c.name}" rows="${c.rows ?? 4}"${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${d.attr}${c.attrs ?? ''}>${c.value ?? ''}</textarea>
</div>`;
}

export function checkboxControl(c: Control & { checked: boolean; value?: string }): SafeHtml {
  const id = idOf(c);
  const d = described(id, c);
  return html`<div class="field field-check">
<input id="${id}" name="${c.name}" type="checkbox" value="${c.value ?? '1'}"${c.checked ? raw(' checked') : ''}${d.attr}>
<label for="${id}">${c.label}</label>
${d.hint}${d.error}
</div>`;
}

export interface Option {
  value: string;
  label: string;
}

export interface OptionGroup {
  label?: string;
  options: readonly Option[];
}

/** A select of options, or of option groups (`groups`). */
export function selectControl(c: Control & { value?: string | undefined; options?: readonly Option[]; groups?: readonly OptionGroup[] }): SafeHtml {
  const id = idOf(c);
  const d = described(id, c);
  const option = (o: Option) => html`<option value="${o.value}"${o.value === c.value ? raw(' selected') : ''}>${o.label}</option>`;
  const groups = c.groups ?? [{ options: c.options ?? [] }];
  return html`<div class="field">
${labelOf(id, c)}
${d.hint}${d.error}
<select id="${id}" name="${c.name}"${d.attr}>${groups.map((g) => (g.label ? html`<optgroup label="${g.label}">${g.options.map(option)}</optgroup>` : g.options.map(option)))}</select>
</div>`;
}

/** Radio buttons in a fieldset whose legend is the question; the first button has the control's id. */
export function radioControl(c: Control & { value?: string | undefined; options: readonly (Option & { hint?: string })[] }): SafeHtml {
  const id = idOf(c);
  const idAt = (i: number) => (i === 0 ? id : `${id}-${i}`);
  return html`<fieldset class="field"${c.error ? html` aria-describedby="${id}-error"` : ''}>
<legend>${c.label}</legend>
${c.error ? html`<p class="error" id="${id}-error">${c.error}</p>` : ''}
${c.options.map(
  (o, i) =>
    html`<div class="field-check"><input id="${idAt(i)}" name="${c.name}" type="radio" value="${o.value}"${o.value === c.value ? raw(' checked') : ''}${o.hint ? html` aria-describedby="${idAt(i)}-hint"` : ''}><label for="${idAt(i)}">${o.label}</label>${o.hint ? html`<p class="hint" id="${idAt(i)}-hint">${o.hint}</p>` : ''}</div>`,
)}
</fieldset>`;
}

export function csrfInput(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/**
 * The list of problems at the top of a refused form, each a link to its field (`form`: the
 * problem of the whole form, linked to `formAnchor`). Focusable, announced as an alert.
 */
export function errorSummary(
  lang: Lang,
  errors: Readonly<Record<string, string>>,
  options: { formAnchor?: string; title?: string; className?: string } = {},
): SafeHtml | '' {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return html`<div class="${options.className ?? 'admin-notice admin-notice-error'}" role="alert" tabindex="-1" id="loi">
<h2>${options.title ?? t(lang, 'form.notDone')}</h2>
<ul>${entries.map(([field, message]) => html`<li><a href="#${field === 'form' ? (options.formAnchor ?? 'loi') : `f-${field}`}">${message}</a></li>`)}</ul>
</div>`;
}

/** A moment as the value of a datetime-local input, in Việt Nam's time ("2026-11-20T08:30"). */
export function toLocalInput(date: Date | null | undefined): string {
  if (!date) return '';
  const p = vnParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * A datetime-local value read as Việt Nam's time (UTC+7, no daylight saving): null when empty,
 * 'invalid' when it is not a real date and time.
 */
export function fromLocalInput(value: string): Date | null | 'invalid' {
  const v = value.trim();
  if (!v) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (!m) return 'invalid';
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+07:00`);
  if (Number.isNaN(date.getTime())) return 'invalid';
  // 31 February and the like roll over: refuse them rather than move the date.
  if (toLocalInput(date) !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`) return 'invalid';
  return date;
}
