/**
 * The form controls of every server-rendered form, public or administrative. Each has a visible
 * label; its hint and error are tied to it with aria-describedby, aria-invalid marks an error,
 * a required control says so visibly, and a refused form shows what was typed (never a password).
 * The id of a control is `f-<name>` unless given, so the error summary can link to it.
 * The administration's class names are the default; a public page gives its own (`classes`) and
 * may state required and invalid with ARIA as well (`explicitAria`).
 */
import { t, vnParts, type Lang } from '../i18n/index.ts';
import { html, raw, type SafeHtml } from './html.ts';

/** The class names of a control's parts, styled by the stylesheet of the page. */
export interface ControlClasses {
  /** The control's wrapper (a radio group's fieldset). */
  field: string;
  hint: string;
  error: string;
  /** A checkbox's wrapper (with `field`) and each radio button's row. */
  check: string;
}

/** The administration's (admin.css). */
const ADMIN_CLASSES: ControlClasses = { field: 'field', hint: 'hint', error: 'error', check: 'field-check' };

interface Control {
  name: string;
  /** Defaults to `f-<name>`. */
  id?: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** Defaults to the administration's. */
  classes?: ControlClasses;
  /**
   * Also says required with aria-required (and invalid on every radio button), for the assistive
   * technology of the public that reads ARIA states rather than the HTML ones.
   */
  explicitAria?: boolean;
}

function idOf(c: Control): string {
  return c.id ?? `f-${c.name}`;
}

function classesOf(c: Control): ControlClasses {
  return c.classes ?? ADMIN_CLASSES;
}

function required(c: Control): SafeHtml | '' {
  if (!c.required) return '';
  return c.explicitAria ? raw(' required aria-required="true"') : raw(' required');
}

function described(id: string, c: Control): { attr: SafeHtml; hint: SafeHtml; error: SafeHtml } {
  const ids = [c.hint ? `${id}-hint` : '', c.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const cls = classesOf(c);
  return {
    attr: html`${ids ? html` aria-describedby="${ids}"` : ''}${c.error ? raw(' aria-invalid="true"') : ''}${required(c)}`,
    hint: c.hint ? html`<p class="${cls.hint}" id="${id}-hint">${c.hint}</p>` : html``,
    error: c.error ? html`<p class="${cls.error}" id="${id}-error">${c.error}</p>` : html``,
  };
}

function star(c: Control): SafeHtml | '' {
  return c.required ? html` <span aria-hidden="true">*</span>` : '';
}

function labelOf(id: string, c: Control): SafeHtml {
  return html`<label for="${id}" id="${id}-label">${c.label}${star(c)}</label>`;
}

export type InputType = 'text' | 'email' | 'password' | 'tel' | 'search' | 'date' | 'datetime-local' | 'number' | 'url' | 'file';

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
    /** `false` for codes and addresses that are not words. */
    spellcheck?: boolean;
    /** A file input's choice of several files and what its picker offers. */
    multiple?: boolean;
    accept?: string;
    attrs?: SafeHtml;
  },
): SafeHtml {
  const id = idOf(c);
  const d = described(id, c);
  const type = c.type ?? 'text';
  // A password is never sent back, and a browser cannot be given files.
  const value = type === 'password' || type === 'file' ? '' : html` value="${c.value ?? ''}"`;
  return html`<div class="${classesOf(c).field}">
${labelOf(id, c)}
${d.hint}${d.error}
<input id="${id}" name="${c.name}" type="${type}"${value}${c.multiple ? raw(' multiple') : ''}${c.accept ? html` accept="${c.accept}"` : ''}${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${c.step ? html` step="${c.step}"` : ''}${c.inputmode ? html` inputmode="${c.inputmode}"` : ''}${c.autocomplete ? html` autocomplete="${c.autocomplete}"` : ''}${c.list ? html` list="${c.list}"` : ''}${c.spellcheck === undefined ? '' : html` spellcheck="${String(c.spellcheck)}"`}${d.attr}${c.autofocus ? raw(' autofocus') : ''}${c.attrs ?? ''}>
</div>`;
}

export function textareaControl(c: Control & { value?: string | undefined; rows?: number; maxlength?: number; attrs?: SafeHtml }): SafeHtml {
  const id = idOf(c);
  const d = described(id, c);
  return html`<div class="${classesOf(c).field}">
${labelOf(id, c)}
${d.hint}${d.error}
<textarea id="${id}" name="${c.name}" rows="${c.rows ?? 4}"${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${d.attr}${c.attrs ?? ''}>${c.value ?? ''}</textarea>
</div>`;
}

export function checkboxControl(c: Control & { checked: boolean; value?: string }): SafeHtml {
  const id = idOf(c);
  const d = described(id, c);
  const cls = classesOf(c);
  return html`<div class="${cls.field} ${cls.check}">
<input id="${id}" name="${c.name}" type="checkbox" value="${c.value ?? '1'}"${c.checked ? raw(' checked') : ''}${d.attr}>
<label for="${id}">${c.label}${star(c)}</label>
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
  return html`<div class="${classesOf(c).field}">
${labelOf(id, c)}
${d.hint}${d.error}
<select id="${id}" name="${c.name}"${d.attr}>${groups.map((g) => (g.label ? html`<optgroup label="${g.label}">${g.options.map(option)}</optgroup>` : g.options.map(option)))}</select>
</div>`;
}

/**
 * Radio buttons in a fieldset whose legend is the question. The first button has the control's
 * id; with `optionIds: 'value'` each button is `<id>-<value>` (a link stays right whatever the
 * order of the choices) and the fieldset has the control's id.
 */
export function radioControl(
  c: Control & { value?: string | undefined; options: readonly (Option & { hint?: string })[]; optionIds?: 'index' | 'value' },
): SafeHtml {
  const id = idOf(c);
  const cls = classesOf(c);
  const byValue = c.optionIds === 'value';
  const idOfOption = (o: Option, i: number) => (byValue ? `${id}-${o.value}` : i === 0 ? id : `${id}-${i}`);
  const states = html`${c.required ? raw(' required') : ''}${c.error && c.explicitAria ? raw(' aria-invalid="true"') : ''}`;
  return html`<fieldset class="${cls.field}"${byValue ? html` id="${id}"` : ''}${c.error ? html` aria-describedby="${id}-error"` : ''}>
<legend>${c.label}${star(c)}</legend>
${c.error ? html`<p class="${cls.error}" id="${id}-error">${c.error}</p>` : ''}
${c.options.map((o, i) => {
  const oid = idOfOption(o, i);
  return html`<div class="${cls.check}"><input id="${oid}" name="${c.name}" type="radio" value="${o.value}"${o.value === c.value ? raw(' checked') : ''}${o.hint ? html` aria-describedby="${oid}-hint"` : ''}${states}><label for="${oid}">${o.label}</label>${o.hint ? html`<p class="${cls.hint}" id="${oid}-hint">${o.hint}</p>` : ''}</div>`;
})}
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
  options: {
    formAnchor?: string;
    title?: string;
    className?: string;
    /** Gives the title an id and names the summary by it. */
    titleId?: string;
    /**
     * The fields of the form in their order, each with the element its problem links to (a
     * radio group's first button, a field whose id is not `f-<name>`). When given, problems are
     * listed in this order and a problem of anything else (`form` included) is a line of text.
     */
    links?: Readonly<Record<string, string>>;
  } = {},
): SafeHtml | '' {
  const links = options.links;
  const fields = links
    ? [...Object.keys(links).filter((f) => Object.hasOwn(errors, f)), ...Object.keys(errors).filter((f) => !Object.hasOwn(links, f))]
    : Object.keys(errors);
  if (fields.length === 0) return '';
  const anchor = (field: string): string | undefined => {
    if (links) return Object.hasOwn(links, field) ? links[field] : undefined;
    return field === 'form' ? (options.formAnchor ?? 'loi') : `f-${field}`;
  };
  const line = (field: string) => {
    const href = anchor(field);
    return href ? html`<li><a href="#${href}">${errors[field]}</a></li>` : html`<li>${errors[field]}</li>`;
  };
  return html`<div class="${options.className ?? 'admin-notice admin-notice-error'}" role="alert"${options.titleId ? html` aria-labelledby="${options.titleId}"` : ''} tabindex="-1" id="loi">
<h2${options.titleId ? html` id="${options.titleId}"` : ''}>${options.title ?? t(lang, 'form.notDone')}</h2>
<ul>${fields.map(line)}</ul>
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
