/**
 * Form controls the platform's forms.ts does not have (text areas, check boxes, date-times,
 * numbers, grouped selects), built the same way: a visible label, hint and error tied to
 * the control with aria-describedby, aria-invalid on errors, and the value kept.
 */
import { vnParts } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';

interface Common {
  name: string;
  /** Defaults to `f-<name>`. */
  id?: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

function described(id: string, c: Common): { attr: SafeHtml; hint: SafeHtml; error: SafeHtml } {
  const ids = [c.hint ? `${id}-hint` : '', c.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    attr: html`${ids ? html` aria-describedby="${ids}"` : ''}${c.error ? raw(' aria-invalid="true"') : ''}${c.required ? raw(' required') : ''}`,
    hint: c.hint ? html`<p class="hint" id="${id}-hint">${c.hint}</p>` : html``,
    error: c.error ? html`<p class="error" id="${id}-error">${c.error}</p>` : html``,
  };
}

function labelOf(id: string, c: Common): SafeHtml {
  return html`<label for="${id}" id="${id}-label">${c.label}${c.required ? html` <span aria-hidden="true">*</span>` : ''}</label>`;
}

export function inputControl(
  c: Common & { type?: 'text' | 'date' | 'datetime-local' | 'number' | 'url'; value?: string; maxlength?: number; step?: string; inputmode?: string },
): SafeHtml {
  const id = c.id ?? `f-${c.name}`;
  const d = described(id, c);
  return html`<div class="field">
${labelOf(id, c)}
${d.hint}${d.error}
<input id="${id}" name="${c.name}" type="${c.type ?? 'text'}" value="${c.value ?? ''}"${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${c.step ? html` step="${c.step}"` : ''}${c.inputmode ? html` inputmode="${c.inputmode}"` : ''}${d.attr}>
</div>`;
}

export function textareaControl(c: Common & { value?: string; rows?: number; maxlength?: number; attrs?: SafeHtml }): SafeHtml {
  const id = c.id ?? `f-${c.name}`;
  const d = described(id, c);
  return html`<div class="field">
${labelOf(id, c)}
${d.hint}${d.error}
<textarea id="${id}" name="${c.name}" rows="${c.rows ?? 4}"${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${d.attr}${c.attrs ?? ''}>${c.value ?? ''}</textarea>
</div>`;
}

export function checkboxControl(c: Common & { checked: boolean; value?: string }): SafeHtml {
  const id = c.id ?? `f-${c.name}`;
  const d = described(id, c);
  return html`<div class="field field-check">
<input id="${id}" name="${c.name}" type="checkbox" value="${c.value ?? '1'}"${c.checked ? raw(' checked') : ''}${d.attr}>
<label for="${id}">${c.label}</label>
${d.hint}${d.error}
</div>`;
}

export interface OptionGroup {
  label?: string;
  options: { value: string; label: string }[];
}

export function selectControl(c: Common & { value?: string; groups: OptionGroup[] }): SafeHtml {
  const id = c.id ?? `f-${c.name}`;
  const d = described(id, c);
  const option = (o: { value: string; label: string }) => html`<option value="${o.value}"${o.value === c.value ? raw(' selected') : ''}>${o.label}</option>`;
  return html`<div class="field">
${labelOf(id, c)}
${d.hint}${d.error}
<select id="${id}" name="${c.name}"${d.attr}>${c.groups.map((g) => (g.label ? html`<optgroup label="${g.label}">${g.options.map(option)}</optgroup>` : g.options.map(option)))}</select>
</div>`;
}

/** Radio buttons in a fieldset whose legend is the question. */
export function radioControl(c: Common & { value?: string; options: { value: string; label: string; hint?: string }[] }): SafeHtml {
  const id = c.id ?? `f-${c.name}`;
  return html`<fieldset class="field"${c.error ? html` aria-describedby="${id}-error"` : ''}>
<legend>${c.label}</legend>
${c.error ? html`<p class="error" id="${id}-error">${c.error}</p>` : ''}
${c.options.map(
  (o, i) =>
    html`<div class="field-check"><input id="${id}-${i}" name="${c.name}" type="radio" value="${o.value}"${o.value === c.value ? raw(' checked') : ''}${o.hint ? html` aria-describedby="${id}-${i}-hint"` : ''}><label for="${id}-${i}">${o.label}</label>${o.hint ? html`<p class="hint" id="${id}-${i}-hint">${o.hint}</p>` : ''}</div>`,
)}
</fieldset>`;
}

/** A moment as the value of a datetime-local input, in Viet Nam's time ("2026-11-20T08:30"). */
export function toLocalInput(date: Date | null | undefined): string {
  if (!date) return '';
  const p = vnParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * A datetime-local value read as Viet Nam's time (UTC+7, no daylight saving): null when
 * empty, 'invalid' when it is not a real date and time.
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
