/**
 * The agencies that answer a site's requests (/quan-tri/hoi-dap-co-quan, site operators): the
 * list with who answers for each, in use or not, the hotline's default; adding one; and the
 * site's setting whether answers go through the board before they reach the citizen.
 * An agency's name must be exactly the unit of its responders' grants: that is how a
 * responder sees only the agency's requests.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import { html } from '../../platform/views/html.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { csrfInput } from '../../platform/views/forms.ts';
import { authorize } from '../access/index.ts';
import { adminHref, csrfGuard, csrfToken, type AccountsModule } from '../accounts/index.ts';
import { siteName } from '../sites/index.ts';
import { checkbox, errorSummary, input, okNotice, radios, siteScope, str, type FormState, type SiteScope } from './admin-views.ts';
import type { InquiryRoutesContext } from './routes-context.ts';

export function registerAgencies(app: FastifyInstance, ctx: InquiryRoutesContext, admin: AccountsModule['admin']): void {
  const guard = csrfGuard(app, ctx.db);
  for (const L of ['vi', 'en'] as const satisfies readonly Lang[]) {
    const base = adminHref(L, 'inquiryAgencies');

    const scope = async (request: FastifyRequest): Promise<SiteScope> => {
      const s = await siteScope(admin, request);
      authorize(s.actor, 'site.settings', s.site.id);
      return s;
    };

    const page = async (request: FastifyRequest, reply: FastifyReply, s: SiteScope, state: FormState, status = 200) => {
      const [agencies, review] = await Promise.all([ctx.agencies.list(s.site.id, false), ctx.agencies.answerReview(s.site.id)]);
      const responders = await Promise.all(agencies.map((a) => ctx.accounts.respondersOf(s.site.id, a.name)));
      const csrf = csrfToken(request, reply);
      const title = tr(L, 'Cơ quan trả lời hỏi đáp', 'Answering agencies');
      const button = (id: number, action: string, value: string, label: string, hidden: string, cls = 'secondary') =>
        html`<form method="post" action="${base}" class="inline">${csrfInput(csrf)}<input type="hidden" name="thao_tac" value="${action}"><input type="hidden" name="id" value="${id}"><input type="hidden" name="value" value="${value}"><button type="submit" class="${cls}">${label}<span class="visually-hidden"> ${hidden}</span></button></form>`;
      return admin.send(
        request,
        reply,
        {
          title,
          ...(status === 200 ? okNotice(request, L) : {}),
          main: html`<h1>${title}</h1>
${errorSummary(L, state)}
<p>${tr(L, 'Các cơ quan mà Ban Biên tập của trang', 'The agencies the board of')} <strong>${siteName(s.site, L)}</strong> ${tr(L, 'chuyển yêu cầu đến để trả lời.', 'forwards requests to.')}</p>
<p class="admin-notice admin-notice-info">${tr(
            L,
            'Tên cơ quan phải trùng đúng với "đơn vị" trong vai trò "Người trả lời hỏi đáp" của các tài khoản trả lời cho cơ quan đó (trang Tài khoản). Người trả lời chỉ thấy yêu cầu chuyển đến cơ quan có tên trùng với đơn vị của mình.',
            'An agency’s name must be exactly the "unit" of the "agency responder" role of the accounts answering for it (Accounts page). Responders only see the requests forwarded to the agency named like their unit.',
          )}</p>
${
  agencies.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${title}"><table class="data"><thead><tr><th scope="col">${tr(L, 'Cơ quan', 'Agency')}</th><th scope="col">${tr(L, 'Người trả lời', 'Responders')}</th><th scope="col">${tr(L, 'Đang dùng', 'In use')}</th><th scope="col">${tr(L, 'Mặc định đường dây nóng', 'Hotline default')}</th></tr></thead>
<tbody>${agencies.map(
        (
          a,
          i,
        ) => html`<tr><th scope="row">${a.name}</th><td>${responders[i]!.length ? responders[i]!.map((r) => r.name).join(', ') : html`<strong>${tr(L, 'Chưa có ai: chưa có tài khoản nào có đơn vị trùng tên này.', 'None: no account has this unit.')}</strong>`}</td>
<td>${a.active ? tr(L, 'Có', 'Yes') : tr(L, 'Không', 'No')} ${button(a.id, 'active', a.active ? '0' : '1', a.active ? tr(L, 'Ngừng dùng', 'Stop using') : tr(L, 'Dùng lại', 'Use again'), a.name)}</td>
<td>${a.hotline_default ? html`<strong>${tr(L, 'Mặc định', 'Default')}</strong> ${button(a.id, 'default', '0', tr(L, 'Bỏ mặc định', 'Unset'), a.name)}` : a.active ? button(a.id, 'default', '1', tr(L, 'Đặt làm mặc định', 'Make default'), a.name) : '—'}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${tr(L, 'Chưa có cơ quan nào.', 'No agencies yet.')}</p>`
}
<h2 id="them">${tr(L, 'Thêm cơ quan', 'Add an agency')}</h2>
<form method="post" action="${base}" class="form" novalidate>${csrfInput(csrf)}<input type="hidden" name="thao_tac" value="add">
${input({ name: 'name', label: tr(L, 'Tên cơ quan (trùng đơn vị của người trả lời)', 'Name (the responders’ unit)'), value: state.values.name, error: state.errors.name, maxlength: 200 })}
${checkbox({ name: 'hotlineDefault', label: tr(L, 'Cuộc gọi đường dây nóng chuyển mặc định đến cơ quan này', 'Hotline calls go to this agency by default'), checked: state.values.hotlineDefault === '1' })}
<p><button type="submit">${tr(L, 'Thêm cơ quan', 'Add')}</button></p>
</form>
<h2 id="duyet">${tr(L, 'Duyệt câu trả lời', 'Review of answers')}</h2>
<form method="post" action="${base}" class="form" novalidate>${csrfInput(csrf)}<input type="hidden" name="thao_tac" value="review">
${radios({
  name: 'answerReview',
  label: tr(
    L,
    'Câu trả lời của cơ quan có qua Ban Biên tập duyệt trước khi gửi công dân không?',
    'Do agencies’ answers go through the board before they reach the citizen?',
  ),
  value: review ? '1' : '0',
  options: [
    { value: '1', label: tr(L, 'Có: Ban Biên tập duyệt rồi mới gửi', 'Yes: the board approves, then it is sent') },
    { value: '0', label: tr(L, 'Không: gửi công dân ngay khi cơ quan trả lời', 'No: sent as soon as the agency answers') },
  ],
})}
<p><button type="submit">${tr(L, 'Lưu', 'Save')}</button></p>
</form>`,
        },
        s,
        status,
      );
    };

    app.get(base, async (request, reply) => page(request, reply, await scope(request), { values: {}, errors: {} }));

    app.post(base, { preHandler: guard }, async (request, reply) => {
      const s = await scope(request);
      const b = request.body;
      const action = str(b, 'thao_tac', 20);
      const id = /^[1-9]\d{0,12}$/.test(str(b, 'id', 20)) ? Number(str(b, 'id', 20)) : 0;
      const on = str(b, 'value', 2) === '1';
      try {
        if (action === 'add') {
          await ctx.agencies.add(s.actor, s.site.id, { name: str(b, 'name', 1000), hotlineDefault: str(b, 'hotlineDefault', 2) === '1' });
          return reply.redirect(`${base}?tb=da-them-co-quan`, 303);
        }
        if (action === 'active') await ctx.agencies.update(s.actor, s.site.id, id, { active: on, ...(on ? {} : { hotlineDefault: false }) });
        else if (action === 'default') await ctx.agencies.update(s.actor, s.site.id, id, { hotlineDefault: on });
        else if (action === 'review') await ctx.agencies.setAnswerReview(s.actor, s.site.id, str(b, 'answerReview', 2) === '1');
        else
          return page(
            request,
            reply,
            s,
            {
              values: {},
              errors: {},
              formError: { form: 'noi-dung', message: tr(L, 'Thao tác không hợp lệ. Hãy tải lại trang.', 'Unknown action. Reload the page.') },
            },
            422,
          );
        return reply.redirect(`${base}?tb=da-luu`, 303);
      } catch (err) {
        if (!isDomainError(err) || (err.status !== 422 && err.status !== 409)) throw err;
        const values = { name: str(b, 'name', 1000), hotlineDefault: str(b, 'hotlineDefault', 2) };
        const nameProblem = err.details.find((d) => d.field === 'name')?.message;
        return page(
          request,
          reply,
          s,
          { values, errors: nameProblem ? { name: nameProblem } : {}, ...(nameProblem ? {} : { formError: { form: 'noi-dung', message: err.message } }) },
          err.status,
        );
      }
    });
  }
}
