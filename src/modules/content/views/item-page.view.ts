/**
 * The item page of the administration: where the item stands, its working revision (and
 * the live one when it differs), what happened to it, and the actions this person may
 * take now — each a small POST form.
 */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { csrfInput, selectControl, textareaControl } from '../../../platform/views/form-controls.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { REFUSAL_REASONS } from '../content-types.ts';
import { actionLabel, type ItemPageView, type PageAction, type RevisionView } from '../content.present.ts';
import { t } from '../messages.ts';

export interface ItemPageForms {
  csrf: string;
  /** What was typed in the action forms, when an action was refused (`<action>.<field>`). */
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  /** Cover, attachments, topics, translation (views/item-relations.view.ts), and the deadline. */
  details?: SafeHtml;
  /** Cross-posting, proposing to the portal, periodic review (views/item-relations.view.ts). */
  actions?: SafeHtml;
}

function badge(text: string, kind: 'ok' | 'warn' | 'off' | 'plain' = 'plain'): SafeHtml {
  return html`<span class="badge${kind === 'plain' ? '' : ` badge-${kind}`}">${text}</span>`;
}

function revisionSection(L: Lang, rev: RevisionView, idPrefix: string): SafeHtml {
  return html`<dl class="meta-list">
<dt>${t(L, 'common.revision')}</dt><dd>${rev.number} · ${formatDateTime(rev.createdAt)}${rev.savedBy ? html` · ${rev.savedBy}` : ''}</dd>
<dt>${t(L, 'common.title')}</dt><dd>${rev.title}</dd>
${rev.summary ? html`<dt>${t(L, 'common.summary')}</dt><dd>${rev.summary}</dd>` : ''}
${rev.fields.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}
<dt>${t(L, 'common.source')}</dt><dd>${rev.source || '—'}</dd>
<dt>${t(L, 'common.author')}</dt><dd>${rev.authorName || '—'}</dd>
${rev.isReference ? html`<dt>${t(L, 'common.referenceItem')}</dt><dd>${t(L, 'itemPage.yes')}</dd>` : ''}
${rev.changeNote ? html`<dt>${t(L, 'common.changeNote')}</dt><dd>${rev.changeNote}</dd>` : ''}
</dl>
<h3 id="${idPrefix}-body">${t(L, 'common.body')}</h3>
<div class="content-preview prose" role="region" aria-labelledby="${idPrefix}-body">${rev.bodyHtml ? raw(rev.bodyHtml) : html`<p class="muted">${t(L, 'itemPage.noBodyYet')}</p>`}</div>`;
}

function actionForm(L: Lang, a: PageAction, v: ItemPageView, f: ItemPageForms): SafeHtml {
  const open = html`<form method="post" action="${v.hrefs.here}" class="action-form" novalidate>${csrfInput(f.csrf)}<input type="hidden" name="thao_tac" value="${a}">`;
  const val = (k: string) => f.values[`${a}.${k}`] ?? '';
  const err = (k: string) => f.errors[`${a}.${k}`];
  switch (a) {
    case 'approve':
      return html`<section class="action-box" aria-labelledby="act-approve"><h3 id="act-approve">${actionLabel(a, L)}</h3>${open}
${textareaControl({ name: 'comment', id: 'f-approve-comment', label: t(L, 'itemPage.commentOptional'), value: val('comment'), rows: 2, error: err('comment') })}
<p><button type="submit">${v.scheduledAt ? t(L, 'itemPage.approveSchedule', { formatDateTime: formatDateTime(v.scheduledAt) }) : t(L, 'itemPage.approvePublishNow')}</button></p></form></section>`;
    case 'return':
      return html`<section class="action-box" aria-labelledby="act-return"><h3 id="act-return">${actionLabel(a, L)}</h3>${open}
${textareaControl({ name: 'comment', id: 'f-return-comment', label: t(L, 'itemPage.commentsProvider'), hint: t(L, 'itemPage.sayWhatMustAddedClarified'), value: val('comment'), rows: 3, required: true, error: err('comment') })}
<p><button type="submit" class="secondary">${actionLabel(a, L)}</button></p></form></section>`;
    case 'refuse':
      return html`<section class="action-box" aria-labelledby="act-refuse"><h3 id="act-refuse">${actionLabel(a, L)}</h3>${open}
${selectControl({ name: 'reason', id: 'f-refuse-reason', label: t(L, 'itemPage.reasonUnderRegulation'), value: val('reason'), required: true, error: err('reason'), groups: [{ options: [{ value: '', label: t(L, 'itemPage.chooseReason') }, ...REFUSAL_REASONS.map((code) => ({ value: code, label: t(L, `reason.${code}`) }))] }] })}
${textareaControl({ name: 'comment', id: 'f-refuse-comment', label: t(L, 'itemPage.furtherExplanation'), value: val('comment'), rows: 2, error: err('comment') })}
<p><button type="submit" class="danger">${actionLabel(a, L)}</button></p></form></section>`;
    case 'emergency_publish':
      return html`<section class="action-box" aria-labelledby="act-emergency"><h3 id="act-emergency">${actionLabel(a, L)}</h3>${open}
<p class="hint">${t(L, 'itemPage.publishesOnceWithoutEditingApproval')}</p>
${textareaControl({ name: 'comment', id: 'f-emergency-comment', label: t(L, 'itemPage.reasonEmergencyPublication'), value: val('comment'), rows: 2, required: true, error: err('comment') })}
<p><button type="submit" class="danger">${actionLabel(a, L)}</button></p></form></section>`;
    default:
      return html`${open}<button type="submit"${a === 'archive' || a === 'unpublish' ? raw(' class="secondary"') : ''}>${actionLabel(a, L)}</button></form>`;
  }
}

const WITH_TEXT: readonly PageAction[] = ['approve', 'return', 'refuse', 'emergency_publish'];

export function itemPage(L: Lang, v: ItemPageView, f: ItemPageForms): SafeHtml {
  const simple = v.actions.filter((a) => !WITH_TEXT.includes(a));
  const withText = v.actions.filter((a) => WITH_TEXT.includes(a));
  return html`<p class="breadcrumb-admin"><a href="${v.hrefs.list}">${t(L, 'common.content')}</a> › #${v.id}</p>
<h1>${v.title}</h1>
<dl class="status-line">
<dt>${t(L, 'common.type')}</dt><dd>${v.typeLabel} (${v.languageName})</dd>
<dt>${t(L, 'itemPage.stage')}</dt><dd>${badge(v.stage.label, v.stage.warn ? 'warn' : 'plain')}</dd>
<dt>${t(L, 'common.visibility')}</dt><dd>${badge(v.visibility.label, v.visibility.tone)}${v.emergency ? html` ${badge(v.emergency, 'warn')}` : ''}</dd>
${v.publishAt ? html`<dt>${t(L, 'common.publish')}</dt><dd>${formatDateTime(v.publishAt)}</dd>` : ''}
${v.unpublishAt ? html`<dt>${t(L, 'common.unpublish')}</dt><dd>${formatDateTime(v.unpublishAt)}</dd>` : ''}
${v.publishedAt ? html`<dt>${t(L, 'itemPage.lastPublished')}</dt><dd>${formatDateTime(v.publishedAt)}</dd>` : ''}
<dt>${t(L, 'common.category')}</dt><dd>${v.categoryName ?? '—'}</dd>
<dt>${t(L, 'itemPage.provider')}</dt><dd>${v.providerName || '—'}</dd>
${v.featured ? html`<dt>${t(L, 'common.featured')}</dt><dd>${t(L, 'itemPage.yes')}</dd>` : ''}
</dl>
<p class="item-links">${v.mayEdit ? html`<a class="button" href="${v.hrefs.edit}">${t(L, 'common.edit')}</a> ` : ''}<a class="button secondary" href="${v.hrefs.revisions}">${t(L, 'common.revisions')}</a></p>
<section aria-labelledby="thao-tac">
<h2 id="thao-tac">${t(L, 'itemPage.actions')}</h2>
${v.actions.length === 0 && !f.actions?.value.trim() ? html`<p>${t(L, 'itemPage.youHaveNoActionTake')}</p>` : ''}
${simple.length ? html`<div class="action-row">${simple.map((a) => actionForm(L, a, v, f))}</div>` : ''}
${withText.map((a) => actionForm(L, a, v, f))}
${f.actions ?? ''}
</section>
<section aria-labelledby="ban-lam-viec">
<h2 id="ban-lam-viec">${v.workingIsLive ? t(L, 'itemPage.workingRevisionAlsoPublishedOne') : t(L, 'itemPage.workingRevision')}</h2>
${v.working ? revisionSection(L, v.working, 'w') : html`<p>—</p>`}
${f.details ?? ''}
</section>
${
  v.live
    ? html`<section aria-labelledby="ban-dang-dang">
<h2 id="ban-dang-dang">${t(L, 'itemPage.publishedRevision')}</h2>
${revisionSection(L, v.live, 'l')}
</section>`
    : ''
}
<section aria-labelledby="lich-su">
<h2 id="lich-su">${t(L, 'itemPage.history')}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="lich-su"><table class="data">
<thead><tr><th scope="col">${t(L, 'itemPage.when')}</th><th scope="col">${t(L, 'itemPage.who')}</th><th scope="col">${t(L, 'common.action')}</th><th scope="col">${t(L, 'itemPage.from')}</th><th scope="col">${t(L, 'itemPage.reason')}</th><th scope="col">${t(L, 'itemPage.comment')}</th></tr></thead>
<tbody>${v.transitions.map(
    (step) =>
      html`<tr><td>${formatDateTime(step.at)}</td><td>${step.actor}</td><td>${step.action}</td><td>${step.change}</td><td>${step.reason}</td><td>${step.comment}</td></tr>`,
  )}</tbody></table></div>
</section>`;
}
