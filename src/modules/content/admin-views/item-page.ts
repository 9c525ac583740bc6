/**
 * The item page of the administration: where the item stands, its working revision (and
 * the live one when it differs), what happened to it, and the actions this person may
 * take now — each a small POST form.
 */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import type { ContentItemRow, ContentRevisionRow } from '../../../platform/db/schema.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import { contentType, optionLabel as fieldOptionLabel, REFUSAL_REASONS } from '../content-types.ts';
import type { SiteWorkflow } from '../workflow.ts';
import { selectControl, textareaControl } from './fields.ts';
import { actionLabel, reasonLabel, stageLabel, typeLabel, visibilityLabel, type PageAction } from './labels.ts';
import { t } from '../messages.ts';

export interface TransitionView {
  id: number;
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  reason_code: string | null;
  comment: string;
  at: Date;
  actor_name: string | null;
}

export interface ItemPageSpec {
  lang: Lang;
  item: ContentItemRow;
  working: ContentRevisionRow | undefined;
  live: ContentRevisionRow | undefined;
  transitions: readonly TransitionView[];
  site: SiteWorkflow;
  actions: readonly PageAction[];
  mayEdit: boolean;
  csrf: string;
  here: string;
  editHref: string;
  revisionsHref: string;
  listHref: string;
  categoryName: string | undefined;
  names: ReadonlyMap<number, string>;
  /** What was typed in the action forms, when an action was refused. */
  values: Record<string, string>;
  errors: Record<string, string>;
  now: Date;
  /** Cover, attachments, topics, translation (content-extra.admin.ts). */
  extraDetails?: SafeHtml;
  /** Cross-posting, proposing to the portal, periodic review (content-extra.admin.ts). */
  extraActions?: SafeHtml;
}

type StageText = Parameters<typeof stageLabel>[0];

function badge(text: string, kind: 'ok' | 'warn' | 'off' | 'plain' = 'plain'): SafeHtml {
  return html`<span class="badge${kind === 'plain' ? '' : ` badge-${kind}`}">${text}</span>`;
}

/** "2026-12-05" → "05/12/2026" (dates of type fields are stored as ISO days). */
function dayMonthYear(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

function revisionView(rev: ContentRevisionRow, item: ContentItemRow, s: ItemPageSpec, idPrefix: string): SafeHtml {
  const L = s.lang;
  const type = contentType(item.type);
  const fields = type?.fields.filter((f) => rev.fields?.[f.name] !== undefined && rev.fields[f.name] !== '') ?? [];
  const optionLabel = (name: string, value: unknown) => {
    const f = type?.fields.find((x) => x.name === name);
    return f ? fieldOptionLabel(f, value, L) : String(value);
  };
  return html`<dl class="meta-list">
<dt>${t(L, 'common.revision')}</dt><dd>${rev.number} · ${formatDateTime(rev.created_at)}${rev.created_by && s.names.get(rev.created_by) ? html` · ${s.names.get(rev.created_by)}` : ''}</dd>
<dt>${t(L, 'common.title')}</dt><dd>${rev.title}</dd>
${rev.summary ? html`<dt>${t(L, 'common.summary')}</dt><dd>${rev.summary}</dd>` : ''}
${fields.map((f) => html`<dt>${t(L, f.label)}</dt><dd>${f.kind === 'select' ? optionLabel(f.name, rev.fields[f.name]) : f.kind === 'date' ? dayMonthYear(String(rev.fields[f.name])) : String(rev.fields[f.name])}</dd>`)}
<dt>${t(L, 'common.source')}</dt><dd>${rev.source || '—'}</dd>
<dt>${t(L, 'common.author')}</dt><dd>${rev.author_name || '—'}</dd>
${rev.is_reference ? html`<dt>${t(L, 'common.referenceItem')}</dt><dd>${t(L, 'itemPage.yes')}</dd>` : ''}
${rev.change_note ? html`<dt>${t(L, 'common.changeNote')}</dt><dd>${rev.change_note}</dd>` : ''}
</dl>
<h3 id="${idPrefix}-body">${t(L, 'common.body')}</h3>
<div class="content-preview prose" role="region" aria-labelledby="${idPrefix}-body">${rev.body_html ? raw(rev.body_html) : html`<p class="muted">${t(L, 'itemPage.noBodyYet')}</p>`}</div>`;
}

function actionForm(a: PageAction, s: ItemPageSpec): SafeHtml {
  const L = s.lang;
  const open = html`<form method="post" action="${s.here}" class="action-form" novalidate>${csrfInput(s.csrf)}<input type="hidden" name="thao_tac" value="${a}">`;
  const val = (k: string) => s.values[`${a}.${k}`] ?? '';
  const err = (k: string) => s.errors[`${a}.${k}`];
  switch (a) {
    case 'approve': {
      const scheduled = s.item.publish_at !== null && s.item.publish_at > s.now;
      return html`<section class="action-box" aria-labelledby="act-approve"><h3 id="act-approve">${actionLabel(a, L)}</h3>${open}
${textareaControl({ name: 'comment', id: 'f-approve-comment', label: t(L, 'itemPage.commentOptional'), value: val('comment'), rows: 2, error: err('comment') })}
<p><button type="submit">${scheduled ? t(L, 'itemPage.approveSchedule', { formatDateTime: formatDateTime(s.item.publish_at!) }) : t(L, 'itemPage.approvePublishNow')}</button></p></form></section>`;
    }
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

export function itemPage(s: ItemPageSpec): SafeHtml {
  const L = s.lang;
  const item = s.item;
  const title = s.working?.title ?? s.live?.title ?? `#${item.id}`;
  const simple = s.actions.filter((a) => !['approve', 'return', 'refuse', 'emergency_publish'].includes(a));
  const withText = s.actions.filter((a) => ['approve', 'return', 'refuse', 'emergency_publish'].includes(a));
  const stageText = (x: string | null) => (x === null ? t(L, 'itemPage.none') : stageLabel(x as StageText, L, s.site.approvalSteps));
  const liveDiffers = s.live && s.live.id !== s.working?.id;
  return html`<p class="breadcrumb-admin"><a href="${s.listHref}">${t(L, 'common.content')}</a> › #${item.id}</p>
<h1>${title}</h1>
<dl class="status-line">
<dt>${t(L, 'common.type')}</dt><dd>${typeLabel(item.type, L)} (${item.lang === 'en' ? 'English' : 'Tiếng Việt'})</dd>
<dt>${t(L, 'itemPage.stage')}</dt><dd>${badge(stageLabel(item.stage, L, s.site.approvalSteps), item.stage === 'returned' || item.stage === 'refused' ? 'warn' : 'plain')}</dd>
<dt>${t(L, 'common.visibility')}</dt><dd>${badge(visibilityLabel(item.visibility, L), item.visibility === 'live' ? 'ok' : item.visibility === 'withdrawn' || item.visibility === 'archived' ? 'off' : 'plain')}${item.emergency ? html` ${badge(item.emergency_reviewed_by ? t(L, 'itemPage.emergencyReviewed') : t(L, 'itemPage.emergencyAwaitingReview'), 'warn')}` : ''}</dd>
${item.publish_at ? html`<dt>${t(L, 'common.publish')}</dt><dd>${formatDateTime(item.publish_at)}</dd>` : ''}
${item.unpublish_at ? html`<dt>${t(L, 'common.unpublish')}</dt><dd>${formatDateTime(item.unpublish_at)}</dd>` : ''}
${item.published_at ? html`<dt>${t(L, 'itemPage.lastPublished')}</dt><dd>${formatDateTime(item.published_at)}</dd>` : ''}
<dt>${t(L, 'common.category')}</dt><dd>${s.categoryName ?? '—'}</dd>
<dt>${t(L, 'itemPage.provider')}</dt><dd>${(item.provider_id && s.names.get(item.provider_id)) || '—'}</dd>
${item.featured ? html`<dt>${t(L, 'common.featured')}</dt><dd>${t(L, 'itemPage.yes')}</dd>` : ''}
</dl>
<p class="item-links">${s.mayEdit ? html`<a class="button" href="${s.editHref}">${t(L, 'common.edit')}</a> ` : ''}<a class="button secondary" href="${s.revisionsHref}">${t(L, 'common.revisions')}</a></p>
<section aria-labelledby="thao-tac">
<h2 id="thao-tac">${t(L, 'itemPage.actions')}</h2>
${s.actions.length === 0 && !s.extraActions?.value.trim() ? html`<p>${t(L, 'itemPage.youHaveNoActionTake')}</p>` : ''}
${simple.length ? html`<div class="action-row">${simple.map((a) => actionForm(a, s))}</div>` : ''}
${withText.map((a) => actionForm(a, s))}
${s.extraActions ?? ''}
</section>
<section aria-labelledby="ban-lam-viec">
<h2 id="ban-lam-viec">${liveDiffers || !s.live ? t(L, 'itemPage.workingRevision') : t(L, 'itemPage.workingRevisionAlsoPublishedOne')}</h2>
${s.working ? revisionView(s.working, item, s, 'w') : html`<p>—</p>`}
${s.extraDetails ?? ''}
</section>
${
  liveDiffers
    ? html`<section aria-labelledby="ban-dang-dang">
<h2 id="ban-dang-dang">${t(L, 'itemPage.publishedRevision')}</h2>
${revisionView(s.live!, item, s, 'l')}
</section>`
    : ''
}
<section aria-labelledby="lich-su">
<h2 id="lich-su">${t(L, 'itemPage.history')}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="lich-su"><table class="data">
<thead><tr><th scope="col">${t(L, 'itemPage.when')}</th><th scope="col">${t(L, 'itemPage.who')}</th><th scope="col">${t(L, 'common.action')}</th><th scope="col">${t(L, 'itemPage.from')}</th><th scope="col">${t(L, 'itemPage.reason')}</th><th scope="col">${t(L, 'itemPage.comment')}</th></tr></thead>
<tbody>${s.transitions.map(
    (step) =>
      html`<tr><td>${formatDateTime(step.at)}</td><td>${step.actor_name ?? t(L, 'itemPage.system')}</td><td>${actionLabel(step.action, L)}</td><td>${stageText(step.from_stage)} → ${stageText(step.to_stage)}</td><td>${reasonLabel(step.reason_code, L)}</td><td>${step.comment}</td></tr>`,
  )}</tbody></table></div>
</section>`;
}
