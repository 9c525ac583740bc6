/**
 * The item page of the administration: where the item stands, its working revision (and
 * the live one when it differs), what happened to it, and the actions this person may
 * take now — each a small POST form.
 */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import type { ContentItemRow, ContentRevisionRow } from '../../../platform/db/schema.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { tr } from '../../../platform/views/admin-shell.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import { contentType, REFUSAL_REASONS } from '../content-types.ts';
import type { SiteWorkflow } from '../workflow.ts';
import { selectControl, textareaControl } from './fields.ts';
import { actionLabel, reasonLabel, stageLabel, typeLabel, visibilityLabel, type PageAction } from './labels.ts';

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
  const optionLabel = (name: string, value: unknown) =>
    type?.fields.find((f) => f.name === name)?.options?.find((o) => o.value === value)?.label[L] ?? String(value);
  return html`<dl class="meta-list">
<dt>${tr(L, 'Phiên bản', 'Revision')}</dt><dd>${rev.number} · ${formatDateTime(rev.created_at)}${rev.created_by && s.names.get(rev.created_by) ? html` · ${s.names.get(rev.created_by)}` : ''}</dd>
<dt>${tr(L, 'Tiêu đề', 'Title')}</dt><dd>${rev.title}</dd>
${rev.summary ? html`<dt>${tr(L, 'Tóm tắt', 'Summary')}</dt><dd>${rev.summary}</dd>` : ''}
${fields.map((f) => html`<dt>${f.label[L]}</dt><dd>${f.kind === 'select' ? optionLabel(f.name, rev.fields[f.name]) : f.kind === 'date' ? dayMonthYear(String(rev.fields[f.name])) : String(rev.fields[f.name])}</dd>`)}
<dt>${tr(L, 'Nguồn tin', 'Source')}</dt><dd>${rev.source || '—'}</dd>
<dt>${tr(L, 'Tác giả', 'Author')}</dt><dd>${rev.author_name || '—'}</dd>
${rev.is_reference ? html`<dt>${tr(L, 'Tin tham khảo', 'Reference item')}</dt><dd>${tr(L, 'Có', 'Yes')}</dd>` : ''}
${rev.change_note ? html`<dt>${tr(L, 'Ghi chú thay đổi', 'Change note')}</dt><dd>${rev.change_note}</dd>` : ''}
</dl>
<h3 id="${idPrefix}-body">${tr(L, 'Nội dung', 'Body')}</h3>
<div class="content-preview prose" role="region" aria-labelledby="${idPrefix}-body">${rev.body_html ? raw(rev.body_html) : html`<p class="muted">${tr(L, '(Chưa có nội dung)', '(No body yet)')}</p>`}</div>`;
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
${textareaControl({ name: 'comment', id: 'f-approve-comment', label: tr(L, 'Ý kiến (không bắt buộc)', 'Comment (optional)'), value: val('comment'), rows: 2, error: err('comment') })}
<p><button type="submit">${scheduled ? tr(L, `Duyệt và lên lịch đăng lúc ${formatDateTime(s.item.publish_at!)}`, `Approve and schedule for ${formatDateTime(s.item.publish_at!)}`) : tr(L, 'Duyệt và đăng ngay', 'Approve and publish now')}</button></p></form></section>`;
    }
    case 'return':
      return html`<section class="action-box" aria-labelledby="act-return"><h3 id="act-return">${actionLabel(a, L)}</h3>${open}
${textareaControl({ name: 'comment', id: 'f-return-comment', label: tr(L, 'Ý kiến cho người cung cấp', 'Comments for the provider'), hint: tr(L, 'Nêu rõ cần bổ sung, làm rõ điều gì.', 'Say what must be added or clarified.'), value: val('comment'), rows: 3, required: true, error: err('comment') })}
<p><button type="submit" class="secondary">${actionLabel(a, L)}</button></p></form></section>`;
    case 'refuse':
      return html`<section class="action-box" aria-labelledby="act-refuse"><h3 id="act-refuse">${actionLabel(a, L)}</h3>${open}
${selectControl({ name: 'reason', id: 'f-refuse-reason', label: tr(L, 'Lý do theo quy chế', 'Reason under the regulation'), value: val('reason'), required: true, error: err('reason'), groups: [{ options: [{ value: '', label: tr(L, '— Chọn lý do —', '— Choose a reason —') }, ...REFUSAL_REASONS.map((r) => ({ value: r.code, label: r.label[L] }))] }] })}
${textareaControl({ name: 'comment', id: 'f-refuse-comment', label: tr(L, 'Giải thích thêm', 'Further explanation'), value: val('comment'), rows: 2, error: err('comment') })}
<p><button type="submit" class="danger">${actionLabel(a, L)}</button></p></form></section>`;
    case 'emergency_publish':
      return html`<section class="action-box" aria-labelledby="act-emergency"><h3 id="act-emergency">${actionLabel(a, L)}</h3>${open}
<p class="hint">${tr(L, 'Đăng ngay, không qua biên tập và duyệt (thiên tai, thông báo khẩn). Một thành viên khác của Ban Biên tập sẽ xem xét lại sau.', 'Publishes at once without editing and approval (disasters, urgent notices). Another board member reviews it afterwards.')}</p>
${textareaControl({ name: 'comment', id: 'f-emergency-comment', label: tr(L, 'Lý do đăng khẩn cấp', 'Reason for the emergency publication'), value: val('comment'), rows: 2, required: true, error: err('comment') })}
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
  const stageText = (x: string | null) => (x === null ? tr(L, 'Không có', 'None') : stageLabel(x as StageText, L, s.site.approvalSteps));
  const liveDiffers = s.live && s.live.id !== s.working?.id;
  return html`<p class="breadcrumb-admin"><a href="${s.listHref}">${tr(L, 'Nội dung', 'Content')}</a> › #${item.id}</p>
<h1>${title}</h1>
<dl class="status-line">
<dt>${tr(L, 'Loại', 'Type')}</dt><dd>${typeLabel(item.type, L)} (${item.lang === 'en' ? 'English' : 'Tiếng Việt'})</dd>
<dt>${tr(L, 'Trạng thái xử lý', 'Stage')}</dt><dd>${badge(stageLabel(item.stage, L, s.site.approvalSteps), item.stage === 'returned' || item.stage === 'refused' ? 'warn' : 'plain')}</dd>
<dt>${tr(L, 'Hiển thị', 'Visibility')}</dt><dd>${badge(visibilityLabel(item.visibility, L), item.visibility === 'live' ? 'ok' : item.visibility === 'withdrawn' || item.visibility === 'archived' ? 'off' : 'plain')}${item.emergency ? html` ${badge(item.emergency_reviewed_by ? tr(L, 'Đăng khẩn cấp, đã xem xét lại', 'Emergency, reviewed') : tr(L, 'Đăng khẩn cấp, chờ xem xét lại', 'Emergency, awaiting review'), 'warn')}` : ''}</dd>
${item.publish_at ? html`<dt>${tr(L, 'Đăng lúc', 'Publish at')}</dt><dd>${formatDateTime(item.publish_at)}</dd>` : ''}
${item.unpublish_at ? html`<dt>${tr(L, 'Gỡ lúc', 'Unpublish at')}</dt><dd>${formatDateTime(item.unpublish_at)}</dd>` : ''}
${item.published_at ? html`<dt>${tr(L, 'Đăng gần nhất', 'Last published')}</dt><dd>${formatDateTime(item.published_at)}</dd>` : ''}
<dt>${tr(L, 'Chuyên mục', 'Category')}</dt><dd>${s.categoryName ?? '—'}</dd>
<dt>${tr(L, 'Người cung cấp', 'Provider')}</dt><dd>${(item.provider_id && s.names.get(item.provider_id)) || '—'}</dd>
${item.featured ? html`<dt>${tr(L, 'Tin nổi bật', 'Featured')}</dt><dd>${tr(L, 'Có', 'Yes')}</dd>` : ''}
</dl>
<p class="item-links">${s.mayEdit ? html`<a class="button" href="${s.editHref}">${tr(L, 'Sửa', 'Edit')}</a> ` : ''}<a class="button secondary" href="${s.revisionsHref}">${tr(L, 'Các phiên bản', 'Revisions')}</a></p>
<section aria-labelledby="thao-tac">
<h2 id="thao-tac">${tr(L, 'Thao tác', 'Actions')}</h2>
${s.actions.length === 0 && !s.extraActions?.value.trim() ? html`<p>${tr(L, 'Lúc này bạn không có thao tác nào với tin, bài này.', 'You have no action to take on this item now.')}</p>` : ''}
${simple.length ? html`<div class="action-row">${simple.map((a) => actionForm(a, s))}</div>` : ''}
${withText.map((a) => actionForm(a, s))}
${s.extraActions ?? ''}
</section>
<section aria-labelledby="ban-lam-viec">
<h2 id="ban-lam-viec">${liveDiffers || !s.live ? tr(L, 'Bản đang làm việc', 'Working revision') : tr(L, 'Bản đang làm việc (cũng là bản đang đăng)', 'Working revision (also the published one)')}</h2>
${s.working ? revisionView(s.working, item, s, 'w') : html`<p>—</p>`}
${s.extraDetails ?? ''}
</section>
${
  liveDiffers
    ? html`<section aria-labelledby="ban-dang-dang">
<h2 id="ban-dang-dang">${tr(L, 'Bản đang đăng', 'Published revision')}</h2>
${revisionView(s.live!, item, s, 'l')}
</section>`
    : ''
}
<section aria-labelledby="lich-su">
<h2 id="lich-su">${tr(L, 'Lịch sử xử lý', 'History')}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="lich-su"><table class="data">
<thead><tr><th scope="col">${tr(L, 'Thời gian', 'When')}</th><th scope="col">${tr(L, 'Người thực hiện', 'Who')}</th><th scope="col">${tr(L, 'Thao tác', 'Action')}</th><th scope="col">${tr(L, 'Từ → Đến', 'From → to')}</th><th scope="col">${tr(L, 'Lý do', 'Reason')}</th><th scope="col">${tr(L, 'Ý kiến', 'Comment')}</th></tr></thead>
<tbody>${s.transitions.map(
    (t) =>
      html`<tr><td>${formatDateTime(t.at)}</td><td>${t.actor_name ?? tr(L, 'Hệ thống', 'System')}</td><td>${actionLabel(t.action, L)}</td><td>${stageText(t.from_stage)} → ${stageText(t.to_stage)}</td><td>${reasonLabel(t.reason_code, L)}</td><td>${t.comment}</td></tr>`,
  )}</tbody></table></div>
</section>`;
}
