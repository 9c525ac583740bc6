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
import { t } from './messages.ts';

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
        main: html`<p class="breadcrumb-admin"><a href="${base}">${t(L, 'common.questionsPetitions')}</a> › <code>${row.code}</code></p>
${errorSummary(L, state)}
<h1>${row.title}</h1>
<dl class="status-line">
<dt>${t(L, 'common.trackingCode')}</dt><dd><code>${row.code}</code></dd>
<dt>${t(L, 'common.stage')}</dt><dd><strong>${statusLabel(row.status, L)}</strong>${row.status === 'merged' ? html` (${t(L, 'detail.into')} ${mergedInto})` : ''}${row.transferred_to ? html` — ${row.transferred_to}` : ''}</dd>
<dt>${t(L, 'common.answeringAgency')}</dt><dd>${agencyName(row.agency_id)}</dd>
${row.status_note ? html`<dt>${t(L, 'common.note')}</dt><dd>${row.status_note}</dd>` : ''}
</dl>
<section aria-labelledby="nguoi-gui"><h2 id="nguoi-gui">${t(L, 'detail.sender')}</h2>
${
  erased
    ? html`<p>${t(L, 'detail.personalDataWereErasedEnd')} (${formatDate(new Date(row.personal_erased_at!))}).</p>`
    : html`<p class="hint">${t(L, 'detail.personalDataHandlingRequestOnly')}</p>
<dl class="meta-list">
<dt>${t(L, 'common.name')}</dt><dd>${row.name || '—'}</dd>
<dt>${t(L, 'common.eMail')}</dt><dd>${row.email ? html`<a href="mailto:${row.email}">${row.email}</a>` : '—'}</dd>
<dt>${t(L, 'detail.phone')}</dt><dd>${row.phone || '—'}</dd>
<dt>${t(L, 'common.address')}</dt><dd>${row.address || '—'}</dd>
</dl>`
}
</section>
<section aria-labelledby="noi-dung-yc"><h2 id="noi-dung-yc">${t(L, 'detail.request')}</h2>
<dl class="meta-list">
<dt>${t(L, 'common.channel')}</dt><dd>${channelLabel(row.channel, L)}</dd>
<dt>${t(L, 'common.kind')}</dt><dd>${kindLabel(row.kind, L)}</dd>
<dt>${t(L, 'common.field')}</dt><dd>${fieldLabel(row.field, L)}</dd>
<dt>${t(L, 'common.received')}</dt><dd>${formatDateTime(new Date(row.received_at))}</dd>
<dt>${t(L, 'detail.agencyChosenCitizen')}</dt><dd>${agencyName(row.requested_agency_id)}</dd>
<dt>${t(L, 'detail.consentPublication')}</dt><dd>${row.consent_publish ? t(L, 'common.yes') : t(L, 'common.no')}</dd>
<dt>${t(L, 'detail.language')}</dt><dd>${row.lang === 'en' ? 'English' : 'Tiếng Việt'}</dd>
</dl>
${plain(row.body)}
<h3>${t(L, 'detail.filesSentCitizen')}</h3>
${citizenFiles.length ? html`<ul>${citizenFiles.map((f) => html`<li><a href="${fileHref(f.id)}">${f.filename}</a> <span class="muted">(${Math.max(1, Math.round(f.size / 1024))} KB)</span></li>`)}</ul>` : html`<p>${erased ? t(L, 'detail.erased') : t(L, 'detail.none')}</p>`}
</section>
${
  row.progress_text
    ? html`<section aria-labelledby="tien-do"><h2 id="tien-do">${t(L, 'common.progressNotice')}</h2>${plain(row.progress_text)}${row.promised_at ? html`<p>${t(L, 'detail.promisedAnswerDate')}: ${formatDate(new Date(row.promised_at))}</p>` : ''}</section>`
    : ''
}
${
  row.answer_html && row.status !== 'answer_review' && !(role === 'agency' && (row.status === 'forwarded' || row.status === 'progress'))
    ? html`<section aria-labelledby="tra-loi"><h2 id="tra-loi">${row.status === 'answered' ? t(L, 'common.answer') : t(L, 'detail.draftAnswer')}</h2><div class="content-preview">${raw(row.answer_html)}</div>
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
<section aria-labelledby="thoi-han"><h2 id="thoi-han">${t(L, 'detail.deadlines')}</h2>
${
  deadlines.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="thoi-han"><table class="data"><thead><tr><th scope="col">${t(L, 'detail.stage2')}</th><th scope="col">${t(L, 'detail.due')}</th><th scope="col">${t(L, 'detail.outcome')}</th><th scope="col">${t(L, 'detail.howWasCounted')}</th></tr></thead>
<tbody>${deadlines.map((d) => {
        const outcome = d.met_at
          ? d.late_seconds && d.late_seconds > 0
            ? html`<strong class="badge badge-off">${t(L, 'detail.late', { lateness: lateness(L, d.late_seconds) })}</strong> (${formatDateTime(new Date(d.met_at))})`
            : html`<strong class="badge badge-ok">${t(L, 'detail.time')}</strong> (${formatDateTime(new Date(d.met_at))})`
          : new Date(d.due_at) < now
            ? html`<strong class="badge badge-off">${t(L, 'detail.overdueNotDone')}</strong>`
            : html`${t(L, 'detail.open')}`;
        return html`<tr><th scope="row">${STAGE_LABELS[d.stage]?.[L] ?? d.stage}${d.agency ? html`<br><span class="muted">${d.agency}</span>` : ''}</th><td>${d.met_at ? html`<time datetime="${new Date(d.due_at).toISOString()}">${formatDateTime(new Date(d.due_at))}</time>` : dueCell(L, new Date(d.due_at), now)}</td><td>${outcome}</td><td>${d.explanation.text}</td></tr>`;
      })}</tbody></table></div>`
    : html`<p>${t(L, 'detail.noDeadlines')}</p>`
}
</section>
<section aria-labelledby="lich-su"><h2 id="lich-su">${t(L, 'detail.history')}</h2>
<ol>${events.map((ev) => html`<li><time datetime="${new Date(ev.at).toISOString()}">${formatDateTime(new Date(ev.at))}</time> — <strong>${eventLabel(ev.kind, L)}</strong>${ev.actor_label ? html` (${ev.actor_label})` : ''}${ev.public ? '' : html` <span class="badge">${t(L, 'detail.internal')}</span>`}${ev.note ? html`: ${ev.note}` : ''}</li>`)}</ol>
</section>`,
      },
      s,
      status,
    );
  };

  const publish: Renderer = async (request, reply, s, id, state = emptyState(), status = 200) => {
    const { row } = await ctx.handling.open(s.actor, id);
    const here = `${base}/${row.id}`;
    const title = t(L, 'detail.publishAnswer');
    const head = html`<p class="breadcrumb-admin"><a href="${base}">${t(L, 'common.questionsPetitions')}</a> › <a href="${here}"><code>${row.code}</code></a> › ${title}</p>
${errorSummary(L, state)}<h1>${title}</h1>`;
    if (!row.consent_publish || row.status !== 'answered') {
      return admin.send(
        request,
        reply,
        {
          title,
          main: html`${head}<p><strong>${!row.consent_publish ? t(L, 'common.citizenDidNotConsentPublication') : t(L, 'detail.onlyAnsweredRequestsCanPublished')}</strong></p><p><a href="${here}">${t(L, 'detail.backRequest')}</a></p>`,
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
          row.published_at ? t(L, 'detail.alreadyPublishedSavingAgainUpdates') : t(L, 'detail.placesThatMayPersonalData', { redactions: p.redactions })
        }</p>
<form method="post" action="${here}" class="form content-form" id="form-publish" novalidate>${csrfInput(csrfToken(request, reply))}<input type="hidden" name="thao_tac" value="publish">
${input({ name: 'pubTitle', label: t(L, 'detail.publishedTitle'), value: v.pubTitle ?? p.title, error: state.errors.pubTitle, maxlength: 300 })}
${textarea({ name: 'pubQuestion', label: t(L, 'detail.questionPlainText'), value: v.pubQuestion ?? p.question, error: state.errors.pubQuestion, rows: 8 })}
${textarea({ name: 'pubAnswer', label: t(L, 'detail.answerSimpleHtml'), value: v.pubAnswer ?? p.answerHtml, error: state.errors.pubAnswer, rows: 12, attrs: html` data-rich-editor data-lang="${L}"` })}
<p class="form-actions"><button type="submit">${t(L, 'detail.publish')}</button> <a href="${here}">${t(L, 'detail.cancel')}</a></p>
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
