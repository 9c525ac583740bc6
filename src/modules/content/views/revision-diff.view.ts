/**
 * A word-level difference shown to people: added words in <ins>, removed ones in <del>,
 * each also announced in words (screen readers do not read <ins>/<del> by default) and
 * marked by more than colour (underline, strike-through).
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { DiffPart, RevisionDiff } from '../revision-diff.ts';
import { t } from '../messages.ts';

export function diffParts(parts: readonly DiffPart[], lang: Lang): SafeHtml {
  return html`${parts.map((p) =>
    p.kind === 'added'
      ? html`<ins><span class="visually-hidden">${t(lang, 'diff.added')}</span>${p.text}<span class="visually-hidden">]</span></ins>`
      : p.kind === 'removed'
        ? html`<del><span class="visually-hidden">${t(lang, 'diff.removed')}</span>${p.text}<span class="visually-hidden">]</span></del>`
        : p.text,
  )}`;
}

function changed(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== 'same');
}

/**
 * The three parts of a revision difference. `legend` says what "added" and "removed" mean
 * here (from A to B); parts without change are said to be unchanged.
 */
export function revisionDiffView(diff: RevisionDiff, lang: Lang, legend: { removed: string; added: string }, headingLevel: 2 | 3 = 3): SafeHtml {
  const heading = (text: string) => (headingLevel === 2 ? html`<h2>${text}</h2>` : html`<h3>${text}</h3>`);
  const part = (label: string, parts: readonly DiffPart[]) => html`<section class="diff-part">
${heading(label)}
${changed(parts) ? html`<div class="diff-text">${diffParts(parts, lang)}</div>` : html`<p class="muted">${t(lang, 'diff.noChange')}</p>`}
</section>`;
  return html`<div class="diff">
<p class="diff-legend"><del>${t(lang, 'diff.struckThrough')}</del>: ${legend.removed}. <ins>${t(lang, 'diff.underlined')}</ins>: ${legend.added}.</p>
${part(t(lang, 'common.title'), diff.title)}
${part(t(lang, 'common.summary'), diff.summary)}
${part(t(lang, 'common.body'), diff.body)}
</div>`;
}
