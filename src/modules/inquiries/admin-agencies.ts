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
import { csrfInput } from '../../platform/views/forms.ts';
import { authorize } from '../access/index.ts';
import { adminHref, csrfGuard, csrfToken, type AccountsModule } from '../accounts/index.ts';
import { siteName } from '../sites/index.ts';
import { checkbox, errorSummary, input, okNotice, radios, siteScope, str, type FormState, type SiteScope } from './admin-views.ts';
import type { InquiryRoutesContext } from './routes-context.ts';
import { t } from './messages.ts';

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
      const title = t(L, 'agencies.answeringAgencies');
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
<p>${t(L, 'agencies.agenciesBoard')} <strong>${siteName(s.site, L)}</strong> ${t(L, 'agencies.forwardsRequests')}</p>
<p class="admin-notice admin-notice-info">${t(L, 'agencies.agencysNameMustExactlyUnit')}</p>
${
  agencies.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${title}"><table class="data"><thead><tr><th scope="col">${t(L, 'common.agency')}</th><th scope="col">${t(L, 'agencies.responders')}</th><th scope="col">${t(L, 'agencies.use')}</th><th scope="col">${t(L, 'agencies.hotlineDefault')}</th></tr></thead>
<tbody>${agencies.map(
        (
          a,
          i,
        ) => html`<tr><th scope="row">${a.name}</th><td>${responders[i]!.length ? responders[i]!.map((r) => r.name).join(', ') : html`<strong>${t(L, 'agencies.noneNoAccountHasUnit')}</strong>`}</td>
<td>${a.active ? t(L, 'common.yes') : t(L, 'common.no')} ${button(a.id, 'active', a.active ? '0' : '1', a.active ? t(L, 'agencies.stopUsing') : t(L, 'agencies.useAgain'), a.name)}</td>
<td>${a.hotline_default ? html`<strong>${t(L, 'agencies.default')}</strong> ${button(a.id, 'default', '0', t(L, 'agencies.unset'), a.name)}` : a.active ? button(a.id, 'default', '1', t(L, 'agencies.makeDefault'), a.name) : '—'}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t(L, 'agencies.noAgenciesYet')}</p>`
}
<h2 id="them">${t(L, 'agencies.addAgency')}</h2>
<form method="post" action="${base}" class="form" novalidate>${csrfInput(csrf)}<input type="hidden" name="thao_tac" value="add">
${input({ name: 'name', label: t(L, 'agencies.nameRespondersUnit'), value: state.values.name, error: state.errors.name, maxlength: 200 })}
${checkbox({ name: 'hotlineDefault', label: t(L, 'agencies.hotlineCallsGoAgencyDefault'), checked: state.values.hotlineDefault === '1' })}
<p><button type="submit">${t(L, 'agencies.add')}</button></p>
</form>
<h2 id="duyet">${t(L, 'agencies.reviewAnswers')}</h2>
<form method="post" action="${base}" class="form" novalidate>${csrfInput(csrf)}<input type="hidden" name="thao_tac" value="review">
${radios({
  name: 'answerReview',
  label: t(L, 'agencies.doAgenciesAnswersGoThrough'),
  value: review ? '1' : '0',
  options: [
    { value: '1', label: t(L, 'agencies.yesBoardApprovesThenSent') },
    { value: '0', label: t(L, 'agencies.noSentSoonAgencyAnswers') },
  ],
})}
<p><button type="submit">${t(L, 'agencies.save')}</button></p>
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
              formError: { form: 'noi-dung', message: t(L, 'common.unknownActionReloadPage') },
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
