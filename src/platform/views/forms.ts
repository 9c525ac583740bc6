/**
 * Form pieces for server-rendered forms: every field has a visible label, its hint and
 * error are tied to it with aria-describedby, and a refused form keeps what was typed
 * (except passwords).
 */
import { html, raw, type SafeHtml } from './html.ts';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search' | 'date';
  value?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'text';
  maxlength?: number;
  autofocus?: boolean;
}

export function field(f: FieldSpec): SafeHtml {
  const id = `f-${f.name}`;
  const described = [f.hint ? `${id}-hint` : '', f.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
<label for="${id}">${f.label}${f.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
${f.hint ? html`<p class="hint" id="${id}-hint">${f.hint}</p>` : ''}
${f.error ? html`<p class="error" id="${id}-error">${f.error}</p>` : ''}
<input id="${id}" name="${f.name}" type="${f.type ?? 'text'}"${f.type === 'password' ? '' : html` value="${f.value ?? ''}"`}${f.required ? raw(' required') : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.inputmode ? html` inputmode="${f.inputmode}"` : ''}${f.maxlength ? html` maxlength="${f.maxlength}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${f.error ? raw(' aria-invalid="true"') : ''}${f.autofocus ? raw(' autofocus') : ''}>
</div>`;
}

export function selectField(f: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
}): SafeHtml {
  const id = `f-${f.name}`;
  const described = [f.hint ? `${id}-hint` : '', f.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
<label for="${id}">${f.label}</label>
${f.hint ? html`<p class="hint" id="${id}-hint">${f.hint}</p>` : ''}
${f.error ? html`<p class="error" id="${id}-error">${f.error}</p>` : ''}
<select id="${id}" name="${f.name}"${described ? html` aria-describedby="${described}"` : ''}${f.error ? raw(' aria-invalid="true"') : ''}>${f.options.map(
    (o) => html`<option value="${o.value}"${o.value === f.value ? raw(' selected') : ''}>${o.label}</option>`,
  )}</select>
</div>`;
}

export function csrfInput(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** Field errors by field name, from a domain error's details. */
export function errorsByField(details: readonly { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) out[d.field] = out[d.field] ? `${out[d.field]} ${d.message}` : d.message;
  return out;
}
