/**
 * A request's page in the consoles (/quan-tri/hoi-dap/<id>): who sent it (personal data:
 * every opening is recorded in the audit log by `handling.open`), what they wrote (escaped,
 * line breaks kept), their files, the answer, each stage's deadline with how it was counted,
 * the history, and the actions this person may take now (admin-forms.ts). Also the download
 * of a request's files, and the publication page (the text proposed with personal data
 * removed, for the board to check and publish).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate, formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { assetUrl } from '../../platform/views/assets.ts';
import { csrfInput } from '../../platform/views/forms.ts';
import { adminHref, csrfToken, type AccountsModule } from '../accounts/index.ts';
import { actionForms } from './admin-forms.ts';
import {
  dueCell,
  emptyState,
  errorSummary,
  idParam,
  input,
  lateness,
  okNotice,
  siteScope,
  SUB,
  textarea,
  type FormState,
  type SiteScope,
} from './admin-views.ts';
import { channelLabel, eventLabel, fieldLabel, kindLabel, statusLabel } from './inquiry-types.ts';
import { qaPath } from './publication.service.ts';
import type { InquiryRoutesContext } from './routes-context.ts';

const STAGE_LABELS: Record<string, Record<Lang, string>> = {
  inquiry_forward: { vi: 'Ban Biên tập chuyển cơ quan có thẩm quyền (2 ngày làm việc)', en: 'The board forwards to the competent agency (2 working days)' },
  inquiry_scope: { vi: 'Thông báo không thuộc thẩm quyền (trong ngày làm việc)', en: 'Out-of-scope notice (the same working day)' },
  inquiry_answer: { vi: 'Trả lời hoặc thông báo tiến độ (15 ngày làm việc)', en: 'Answer or progress notice (15 working days)' },
  inquiry_promised: { vi: 'Trả lời đúng ngày đã hẹn', en: 'Answer by the promised date' },
};

/** The citizen's text: escaped, line breaks kept. */
const plain = (text: string): SafeHtml => html`<div class="diff-text">${text}</div>`;

export type Renderer = (request: FastifyRequest, reply: FastifyReply, s: SiteScope, id: number, state?: FormState, status?: number) => Promise<FastifyReply>;

async function publicOrigin(ctx: InquiryRoutesContext, siteId: number): Promise<string> {
  try {
    return new URL(await ctx.statusUrl(siteId, 'vi')).origin;
  } catch {
    return '';
  }
}

export function createDetailPages(ctx: InquiryRoutesContext, admin: AccountsModule['admin'], L: Lang): { detail: Renderer; publish: Renderer } {
  const base = adminHref(L, 'inquiries');

  const detail: Renderer = async (request, reply, s, id, state = emptyState(), status = 200) => {
    const { row, role } = await ctx.handling.open(s.actor, id);
    const [agencies, attachments, events, deadlines, duplicates, answerReview, origin] = await Promise.all([
      ctx.agencies.list(row.site_id, false),
      ctx.handling.attachments(row),
      ctx.handling.history(row),
      ctx.handling.deadlines(row),
      role === 'board' && (row.status === 'received' || row.status === 'needs_info') ? ctx.handling.duplicates(s.actor, row) : Promise.resolve([]),
      ctx.agencies.answerReview(row.site_id),
      publicOrigin(ctx, row.site_id),
    ]);
    const agencyName = (aid: number | null) => (aid ? (agencies.find((a) => a.id === aid)?.name ?? '—') : '—');
    const here = `${base}/${row.id}`;
    const now = new Date();
    const erased = Boolean(row.personal_erased_at);
    const citizenFiles = attachments.filter((a) => a.role === 'citizen');
    const fileHref = (attId: number) => `${here}/${SUB.file[L]}/${attId}`;
    const mergedInto = row.merged_into ? html`<a href="${base}/${row.merged_into}">#${row.merged_into}</a>` : '';
    const title = `${row.code} — ${row.title}`;
    return admin.send(
      request,
      reply,
      {
        title,
        ...(status === 200 ? okNotice(request, L) : {}),
        main: html`<p class="breadcrumb-admin"><a href="${base}">${tr(L, 'Hỏi đáp – kiến nghị', 'Questions and petitions')}</a> › <code>${row.code}</code></p>
${errorSummary(L, state)}
<h1>${row.title}</h1>
<dl class="status-line">
<dt>${tr(L, 'Mã tra cứu', 'Tracking code')}</dt><dd><code>${row.code}</code></dd>
<dt>${tr(L, 'Giai đoạn', 'Stage')}</dt><dd><strong>${statusLabel(row.status, L)}</strong>${row.status === 'merged' ? html` (${tr(L, 'gộp vào', 'into')} ${mergedInto})` : ''}${row.transferred_to ? html` — ${row.transferred_to}` : ''}</dd>
<dt>${tr(L, 'Cơ quan trả lời', 'Answering agency')}</dt><dd>${agencyName(row.agency_id)}</dd>
${row.status_note ? html`<dt>${tr(L, 'Ghi chú', 'Note')}</dt><dd>${row.status_note}</dd>` : ''}
</dl>
<section aria-labelledby="nguoi-gui"><h2 id="nguoi-gui">${tr(L, 'Người gửi', 'Sender')}</h2>
${
  erased
    ? html`<p>${tr(L, 'Dữ liệu cá nhân đã được xóa khi hết thời hạn lưu trữ', 'Personal data were erased at the end of the retention period')} (${formatDate(new Date(row.personal_erased_at!))}).</p>`
    : html`<p class="hint">${tr(L, 'Dữ liệu cá nhân: chỉ dùng để xử lý yêu cầu. Mỗi lần mở trang này được ghi vào nhật ký.', 'Personal data: for handling this request only. Each opening of this page is recorded in the audit log.')}</p>
<dl class="meta-list">
<dt>${tr(L, 'Họ và tên', 'Name')}</dt><dd>${row.name || '—'}</dd>
<dt>${tr(L, 'Thư điện tử', 'E-mail')}</dt><dd>${row.email ? html`<a href="mailto:${row.email}">${row.email}</a>` : '—'}</dd>
<dt>${tr(L, 'Điện thoại', 'Phone')}</dt><dd>${row.phone || '—'}</dd>
<dt>${tr(L, 'Địa chỉ', 'Address')}</dt><dd>${row.address || '—'}</dd>
</dl>`
}
</section>
<section aria-labelledby="noi-dung-yc"><h2 id="noi-dung-yc">${tr(L, 'Nội dung yêu cầu', 'The request')}</h2>
<dl class="meta-list">
<dt>${tr(L, 'Kênh', 'Channel')}</dt><dd>${channelLabel(row.channel, L)}</dd>
<dt>${tr(L, 'Loại', 'Kind')}</dt><dd>${kindLabel(row.kind, L)}</dd>
<dt>${tr(L, 'Lĩnh vực', 'Field')}</dt><dd>${fieldLabel(row.field, L)}</dd>
<dt>${tr(L, 'Tiếp nhận', 'Received')}</dt><dd>${formatDateTime(new Date(row.received_at))}</dd>
<dt>${tr(L, 'Cơ quan công dân chọn', 'Agency chosen by the citizen')}</dt><dd>${agencyName(row.requested_agency_id)}</dd>
<dt>${tr(L, 'Đồng ý công bố', 'Consent to publication')}</dt><dd>${row.consent_publish ? tr(L, 'Có', 'Yes') : tr(L, 'Không', 'No')}</dd>
<dt>${tr(L, 'Ngôn ngữ', 'Language')}</dt><dd>${row.lang === 'en' ? 'English' : 'Tiếng Việt'}</dd>
</dl>
${plain(row.body)}
<h3>${tr(L, 'Tệp công dân gửi kèm', 'Files sent by the citizen')}</h3>
${citizenFiles.length ? html`<ul>${citizenFiles.map((f) => html`<li><a href="${fileHref(f.id)}">${f.filename}</a> <span class="muted">(${Math.max(1, Math.round(f.size / 1024))} KB)</span></li>`)}</ul>` : html`<p>${erased ? tr(L, 'Đã xóa.', 'Erased.') : tr(L, 'Không có.', 'None.')}</p>`}
</section>
${
  row.progress_text
    ? html`<section aria-labelledby="tien-do"><h2 id="tien-do">${tr(L, 'Thông báo tiến độ', 'Progress notice')}</h2>${plain(row.progress_text)}${row.promised_at ? html`<p>${tr(L, 'Ngày hẹn trả lời', 'Promised answer date')}: ${formatDate(new Date(row.promised_at))}</p>` : ''}</section>`
    : ''
}
${
  row.answer_html && row.status !== 'answer_review' && !(role === 'agency' && (row.status === 'forwarded' || row.status === 'progress'))
    ? html`<section aria-labelledby="tra-loi"><h2 id="tra-loi">${row.status === 'answered' ? tr(L, 'Câu trả lời', 'Answer') : tr(L, 'Dự thảo trả lời', 'Draft answer')}</h2><div class="content-preview">${raw(row.answer_html)}</div>
${row.status === 'answered' && attachments.some((a) => a.role === 'answer') ? html`<ul>${attachments.filter((a) => a.role === 'answer').map((f) => html`<li><a href="${fileHref(f.id)}">${f.filename}</a></li>`)}</ul>` : ''}</section>`
    : ''
}
${actionForms({
  L,
  base,
  here,
  csrf: csrfToken(request, reply),
  row,
  role,
  agencies,
  attachments,
  events,
  duplicates,
  answerReview,
  publicUrl: row.published_at && row.public_slug && origin ? `${origin}${qaPath(row.lang, row.public_slug)}` : undefined,
  fileHref,
  answerFilesAction: `${here}/${SUB.answerFiles[L]}`,
  publicFilesAction: `${here}/${SUB.publicFiles[L]}`,
  publishHref: `${here}/${SUB.publish[L]}`,
  agenciesHref: adminHref(L, 'inquiryAgencies'),
  state,
})}
<section aria-labelledby="thoi-han"><h2 id="thoi-han">${tr(L, 'Thời hạn', 'Deadlines')}</h2>
${
  deadlines.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="thoi-han"><table class="data"><thead><tr><th scope="col">${tr(L, 'Bước', 'Stage')}</th><th scope="col">${tr(L, 'Hạn', 'Due')}</th><th scope="col">${tr(L, 'Kết quả', 'Outcome')}</th><th scope="col">${tr(L, 'Cách tính', 'How it was counted')}</th></tr></thead>
<tbody>${deadlines.map((d) => {
        const outcome = d.met_at
          ? d.late_seconds && d.late_seconds > 0
            ? html`<strong class="badge badge-off">${tr(L, `Trễ ${lateness(L, d.late_seconds)}`, `Late by ${lateness(L, d.late_seconds)}`)}</strong> (${formatDateTime(new Date(d.met_at))})`
            : html`<strong class="badge badge-ok">${tr(L, 'Đúng hạn', 'On time')}</strong> (${formatDateTime(new Date(d.met_at))})`
          : new Date(d.due_at) < now
            ? html`<strong class="badge badge-off">${tr(L, 'Quá hạn, chưa thực hiện', 'Overdue, not done')}</strong>`
            : html`${tr(L, 'Đang chờ', 'Open')}`;
        return html`<tr><th scope="row">${STAGE_LABELS[d.stage]?.[L] ?? d.stage}${d.agency ? html`<br><span class="muted">${d.agency}</span>` : ''}</th><td>${d.met_at ? html`<time datetime="${new Date(d.due_at).toISOString()}">${formatDateTime(new Date(d.due_at))}</time>` : dueCell(L, new Date(d.due_at), now)}</td><td>${outcome}</td><td>${d.explanation.text}</td></tr>`;
      })}</tbody></table></div>`
    : html`<p>${tr(L, 'Không có thời hạn nào.', 'No deadlines.')}</p>`
}
</section>
<section aria-labelledby="lich-su"><h2 id="lich-su">${tr(L, 'Lịch sử xử lý', 'History')}</h2>
<ol>${events.map((ev) => html`<li><time datetime="${new Date(ev.at).toISOString()}">${formatDateTime(new Date(ev.at))}</time> — <strong>${eventLabel(ev.kind, L)}</strong>${ev.actor_label ? html` (${ev.actor_label})` : ''}${ev.public ? '' : html` <span class="badge">${tr(L, 'nội bộ', 'internal')}</span>`}${ev.note ? html`: ${ev.note}` : ''}</li>`)}</ol>
</section>`,
      },
      s,
      status,
    );
  };

  const publish: Renderer = async (request, reply, s, id, state = emptyState(), status = 200) => {
    const { row } = await ctx.handling.open(s.actor, id);
    const here = `${base}/${row.id}`;
    const title = tr(L, 'Công bố câu trả lời', 'Publish the answer');
    const head = html`<p class="breadcrumb-admin"><a href="${base}">${tr(L, 'Hỏi đáp – kiến nghị', 'Questions and petitions')}</a> › <a href="${here}"><code>${row.code}</code></a> › ${title}</p>
${errorSummary(L, state)}<h1>${title}</h1>`;
    if (!row.consent_publish || row.status !== 'answered') {
      return admin.send(
        request,
        reply,
        {
          title,
          main: html`${head}<p><strong>${!row.consent_publish ? tr(L, 'Công dân không đồng ý công bố câu trả lời: yêu cầu này không được công bố.', 'The citizen did not consent to publication: this request cannot be published.') : tr(L, 'Chỉ công bố được yêu cầu đã trả lời.', 'Only answered requests can be published.')}</strong></p><p><a href="${here}">${tr(L, '← Về yêu cầu', '← Back to the request')}</a></p>`,
        },
        s,
        status === 200 ? 409 : status,
      );
    }
    const p = await ctx.publication.proposal(s.actor, id);
    const v = state.values;
    return admin.send(
      request,
      reply,
      {
        title,
        main: html`${head}
<p class="admin-notice admin-notice-info" role="note">${
          row.published_at
            ? tr(L, 'Yêu cầu đã công bố; lưu lại để cập nhật văn bản công bố.', 'Already published; saving again updates the published text.')
            : tr(
                L,
                `Đã tự động thay ${p.redactions} chỗ có thể là thông tin cá nhân (họ tên, số điện thoại, thư điện tử, số định danh, địa chỉ). Hãy đọc kỹ và sửa trước khi công bố: việc tự động có thể sót.`,
                `${p.redactions} places that may be personal data (names, phone numbers, e-mail addresses, ID numbers, addresses) were replaced automatically. Read and correct the text before publishing: automatic removal can miss some.`,
              )
        }</p>
<form method="post" action="${here}" class="form content-form" id="form-publish" novalidate>${csrfInput(csrfToken(request, reply))}<input type="hidden" name="thao_tac" value="publish">
${input({ name: 'pubTitle', label: tr(L, 'Tiêu đề công bố', 'Published title'), value: v.pubTitle ?? p.title, error: state.errors.pubTitle, maxlength: 300 })}
${textarea({ name: 'pubQuestion', label: tr(L, 'Câu hỏi (văn bản thuần)', 'Question (plain text)'), value: v.pubQuestion ?? p.question, error: state.errors.pubQuestion, rows: 8 })}
${textarea({ name: 'pubAnswer', label: tr(L, 'Câu trả lời (HTML đơn giản)', 'Answer (simple HTML)'), value: v.pubAnswer ?? p.answerHtml, error: state.errors.pubAnswer, rows: 12, attrs: html` data-rich-editor data-lang="${L}"` })}
<p class="form-actions"><button type="submit">${tr(L, 'Công bố', 'Publish')}</button> <a href="${here}">${tr(L, 'Hủy', 'Cancel')}</a></p>
</form>
<script type="module" src="${assetUrl('editor.js')}"></script>`,
      },
      s,
      status,
    );
  };

  return { detail, publish };
}

/** GET routes: the request's page, its files, the publication page. */
export function registerDetailRoutes(
  app: FastifyInstance,
  ctx: InquiryRoutesContext,
  admin: AccountsModule['admin'],
  pages: Record<Lang, { detail: Renderer; publish: Renderer }>,
): void {
  for (const L of ['vi', 'en'] as const) {
    const base = adminHref(L, 'inquiries');
    app.get<{ Params: { id: string } }>(`${base}/:id`, async (request, reply) =>
      pages[L].detail(request, reply, await siteScope(admin, request), idParam(request.params.id)),
    );
    app.get<{ Params: { id: string } }>(`${base}/:id/${SUB.publish[L]}`, async (request, reply) =>
      pages[L].publish(request, reply, await siteScope(admin, request), idParam(request.params.id)),
    );
    app.get<{ Params: { id: string; att: string } }>(`${base}/:id/${SUB.file[L]}/:att`, async (request, reply) => {
      const s = await siteScope(admin, request);
      // The same check as the page, and recorded the same way: a file of the request is its personal data.
      const { row } = await ctx.handling.open(s.actor, idParam(request.params.id));
      const attId = /^[1-9]\d{0,14}$/.test(request.params.att) ? Number(request.params.att) : 0;
      const att = (await ctx.handling.attachments(row)).find((a) => a.id === attId);
      const data = att ? await ctx.storage.get(att.storage_key) : undefined;
      if (!att || !data) throw new NotFound('inquiry.attachment_not_found', 'Không có tệp này.', { messageKey: 'error.body.404' });
      return reply
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${att.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(att.filename)}`,
        )
        .type(att.mime)
        .send(data);
    });
  }
}
