/**
 * Building blocks of the citizens' pages (the form, the status page, the Q&A section): their few
 * styles, dates as dd/mm/yyyy HH:mm, and text a person typed shown as paragraphs.
 */
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';

const RULES = [
  '.iq-form{display:grid;gap:1.1rem;max-width:44rem}',
  '.iq-form fieldset{border:1px solid var(--line);border-radius:4px;padding:.5rem 1rem 1rem;margin:0}',
  '.iq-form legend{font-weight:700;padding:0 .25rem}',
  '.iq-field{display:grid;gap:.3rem}',
  '.iq-field>label,.iq-field>.label{font-weight:700}',
  '.iq-field input[type=text],.iq-field input[type=email],.iq-field input[type=tel],.iq-field select,.iq-field textarea{width:100%;min-height:2.75rem;padding:.4rem .6rem;font:inherit;border:2px solid var(--ink);border-radius:4px;background:#fff;color:var(--ink)}',
  '.iq-field textarea{min-height:10rem;resize:vertical}',
  '.iq-field input[type=file]{font:inherit;min-height:2.75rem}',
  '.iq-field [aria-invalid=true]{border-color:#a3161a;border-width:3px}',
  '.iq-hint{font-size:.9rem;color:var(--muted);margin:0}',
  '.iq-error{color:#a3161a;font-weight:700;margin:0}',
  '.iq-error::before{content:"⚠ "}',
  '.iq-check{display:flex;align-items:flex-start;gap:.5rem;margin:.35rem 0}',
  '.iq-check input{width:1.35rem;height:1.35rem;margin:.15rem 0 0;flex:none}',
  // A checkbox: the box and its label in a row like a radio button's, its hint and error below.
  '.iq-field.iq-check{display:grid;grid-template-columns:auto 1fr;align-items:start;gap:.3rem .5rem;margin:0}',
  '.iq-field.iq-check>input{margin:.5rem 0 .35rem}.iq-field.iq-check>label{margin:.35rem 0}.iq-field.iq-check>p{grid-column:1/-1}',
  '.iq-privacy{border-left:4px solid var(--line);background:var(--soft);padding:.75rem 1rem;font-size:.95rem}',
  '.iq-privacy p{margin:0 0 .5rem}.iq-privacy p:last-child{margin:0}',
  '.iq-summary{border:3px solid #a3161a;border-radius:4px;padding:.75rem 1rem;margin:0 0 1.25rem;max-width:44rem}',
  '.iq-summary h2{margin:0 0 .5rem;font-size:1.15rem;color:#a3161a}',
  '.iq-summary ul{margin:0}',
  '.iq-ok{border:3px solid #1d6b34;border-radius:4px;padding:.75rem 1rem;margin:0 0 1.25rem;max-width:44rem}',
  '.iq-ok h2{margin:0 0 .5rem;font-size:1.15rem;color:#1d6b34}',
  '.iq-code{font-size:1.6rem;font-weight:700;letter-spacing:.05em;font-family:ui-monospace,Consolas,monospace;background:var(--soft);border:2px dashed var(--ink);display:inline-block;padding:.35rem .8rem;margin:.25rem 0 .75rem;word-break:break-all}',
  '.iq-hp{position:absolute!important;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}',
  '.iq-button{min-height:2.75rem;padding:.45rem 1.25rem;font:inherit;font-weight:700;color:#fff;background:var(--brand);border:0;border-radius:4px;cursor:pointer}',
  '.iq-facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}.iq-facts dt{font-weight:700}.iq-facts dd{margin:0}',
  '@media (max-width:36rem){.iq-facts{grid-template-columns:1fr}.iq-facts dd{margin:0 0 .5rem}}',
  '.iq-stages{list-style:none;padding:0;border-left:3px solid var(--line);margin-left:.5rem}',
  '.iq-stages li{padding:.25rem 0 .6rem 1rem}.iq-stages time{font-weight:700;display:block}',
  '.iq-answer{border-left:4px solid var(--brand);padding:.25rem 1rem;margin:0 0 1rem}',
  '.iq-fields ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}',
  '.iq-fields a{display:inline-block;min-height:2.75rem;line-height:2.75rem}',
  '.iq-fields a[aria-current]{font-weight:700;color:var(--ink)}',
  '.iq-list{list-style:none;padding:0}.iq-list>li{padding:.75rem 0;border-bottom:1px solid var(--line)}',
  '.iq-list h2{font-size:1.1rem;margin:0 0 .25rem}.iq-list p{margin:.25rem 0}',
  '.iq-meta{color:var(--muted);font-size:.95rem}',
];

/**
 * The look of the citizens' forms: the platform's form controls with the class names styled here,
 * saying required and invalid with ARIA as well.
 */
export const CITIZEN_CONTROLS = {
  classes: { field: 'iq-field', hint: 'iq-hint', error: 'iq-error', check: 'iq-check' },
  explicitAria: true,
} as const;

/** The look of the error summary of the citizens' forms, and its title that names it. */
export function citizenSummary(L: Lang): { className: string; title: string; titleId: string } {
  return { className: 'iq-summary', title: t(L, 'publicCommon.notSentYetPleaseCorrect'), titleId: 'iq-summary-title' };
}

/** `<style>` for the head of these pages (the CSP allows inline styles; site.css may take them later). */
export function inquiryStyle(): SafeHtml {
  return raw(`<style>${RULES.join('')}</style>`);
}

/** "23/02/2026 14:05" in Việt Nam time. */
export function dateTime(d: Date): SafeHtml {
  const [time, day] = formatDateTime(d).split(' ');
  return html`<time datetime="${d.toISOString()}">${day} ${time}</time>`;
}

export function dateOnly(d: Date): SafeHtml {
  return html`<time datetime="${d.toISOString()}">${formatDate(d)}</time>`;
}

/** Text typed by a person, shown as paragraphs (blank lines) and line breaks; escaped. */
export function paragraphs(text: string): SafeHtml {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return html`${blocks.map((b) => html`<p>${b.split('\n').map((line, i) => html`${i ? raw('<br>') : ''}${line}`)}</p>`)}`;
}
