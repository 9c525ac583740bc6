/**
 * The hotline console (/quan-tri/duong-day-nong, QA-6): one short form to log a call in under a
 * minute — what was said and its field; the caller's details are optional; the title, when left
 * empty, is the first words of what was said. The call enters the same pipeline as the web form
 * with channel "hotline" and goes at once to the agency chosen, by default the one the site
 * designates. Board members log e-mails, letters and visits on the same form (they go to intake).
 * A one-time key in the form makes a double submission one request; after it, the code to read
 * out to the caller and a fresh form.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate, isoDate, type Lang } from '../../platform/i18n/index.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import { html } from '../../platform/views/html.ts';
import { csrfInput } from '../../platform/views/forms.ts';
import { authorize, can } from '../access/index.ts';
import { adminHref, csrfGuard, csrfToken, type AccountsModule } from '../accounts/index.ts';
import { checkbox, errorSummary, input, select, siteScope, str, textarea, type FormState, type SiteScope } from './admin-views.ts';
import { CHANNELS, FIELDS, KINDS, OFFICER_CHANNELS } from './inquiry-types.ts';
import type { InquiryRoutesContext } from './routes-context.ts';
import { normaliseTrackingCode } from './tracking-code.ts';
import type { InquiryChannel } from '../../platform/db/schema.ts';
import { t } from './messages.ts';

/** The service's field names → the form's. */
const FIELD_OF: Record<string, string> = {
  kind: 'kind',
  field: 'field',
  title: 'title',
  body: 'content',
  name: 'callerName',
  email: 'email',
  phone: 'phone',
  address: 'address',
  forwardAgencyId: 'agencyId',
  agency: 'agencyId',
  channel: 'channel',
};

/** The first words of what was said, as a title (at most 12 words, 120 characters). */
export function titleFrom(content: string): string {
  const clean = content.normalize('NFC').replace(/\s+/g, ' ').trim();
  let title = clean.split(' ').slice(0, 12).join(' ');
  if (title.length > 120) title = title.slice(0, 119).replace(/\s+\S*$/, '');
  return title.length < clean.length ? `${title}…` : title;
}

export function registerHotline(app: FastifyInstance, ctx: InquiryRoutesContext, admin: AccountsModule['admin']): void {
  const guard = csrfGuard(app, ctx.db);
  for (const L of ['vi', 'en'] as const satisfies readonly Lang[]) {
    const base = adminHref(L, 'hotline');

    const scope = async (request: FastifyRequest): Promise<SiteScope & { board: boolean }> => {
      const s = await siteScope(admin, request);
      const board = can(s.actor, 'inquiries.intake', s.site.id);
      if (!board) authorize(s.actor, 'hotline.log', s.site.id);
      return { ...s, board };
    };

    const page = async (request: FastifyRequest, reply: FastifyReply, s: SiteScope & { board: boolean }, state: FormState, status = 200) => {
      const agencies = (await ctx.agencies.list(s.site.id)).filter((a) => a.active);
      const fallback = agencies.find((a) => a.hotline_default);
      const v = state.values;
      const e = state.errors;
      const q = request.query;
      const code = status === 200 ? normaliseTrackingCode(str(q, 'da-ghi', 40)) : undefined;
      const due = /^\d{4}-\d{2}-\d{2}$/.test(str(q, 'han', 10)) ? new Date(`${str(q, 'han', 10)}T12:00:00+07:00`) : undefined;
      const sentTo = agencies.find((a) => String(a.id) === str(q, 'cq', 20));
      const channels = s.board ? OFFICER_CHANNELS : (['hotline'] as const);
      const title = s.board ? t(L, 'hotline.logRequest') : t(L, 'hotline.hotline');
      return admin.send(
        request,
        reply,
        {
          title,
          main: html`<h1>${title}</h1>
${
  code
    ? html`<section class="admin-notice admin-notice-ok" role="status" aria-labelledby="da-ghi"><h2 id="da-ghi">${t(L, 'hotline.loggedReadTrackingCodeCaller')}</h2>
<p style="font-size:1.6rem;letter-spacing:.08em"><strong><code>${code}</code></strong></p>
${due ? html`<p>${t(L, 'hotline.answerDueRegulation')}: ${formatDate(due)}.</p>` : ''}
${sentTo ? html`<p>${t(L, 'hotline.forwarded')} ${sentTo.name}.</p>` : ''}
<p>${t(L, 'hotline.callerFollowsCodePhoneE')}</p></section>`
    : ''
}
${errorSummary(L, state)}
<p>${t(L, 'hotline.noteWhatWasSaidOnly')}</p>
<form method="post" action="${base}" class="form content-form" novalidate>
${csrfInput(csrfToken(request, reply))}
<input type="hidden" name="key" value="${v.key || randomUUID()}">
${
  channels.length > 1
    ? select({
        name: 'channel',
        label: t(L, 'common.channel2'),
        value: v.channel ?? 'hotline',
        error: e.channel,
        options: channels.map((c) => ({ value: c, label: CHANNELS.find((x) => x.code === c)!.label[L] })),
      })
    : html`<input type="hidden" name="channel" value="hotline">`
}
${select({ name: 'field', label: t(L, 'common.field'), value: v.field ?? '', error: e.field, options: [{ value: '', label: t(L, 'common.chooseField') }, ...FIELDS.map((f) => ({ value: f.code, label: f.label[L] }))] })}
${select({ name: 'kind', label: t(L, 'common.kind'), value: v.kind ?? 'feedback', error: e.kind, options: KINDS.map((k) => ({ value: k.code, label: k.label[L] })) })}
${textarea({ name: 'content', label: t(L, 'hotline.whatCallerSaid'), value: v.content, error: e.content, rows: 6, maxlength: 10_000, required: true })}
${input({ name: 'title', label: t(L, 'hotline.titleOptional'), hint: t(L, 'hotline.emptyFirstWordsContent'), value: v.title, error: e.title, maxlength: 300 })}
<fieldset><legend>${t(L, 'hotline.callerOptional')}</legend>
${input({ name: 'callerName', label: t(L, 'common.name'), value: v.callerName, error: e.callerName, maxlength: 100, autocomplete: 'off' })}
${input({ name: 'phone', label: t(L, 'common.phone'), type: 'tel', value: v.phone, error: e.phone, maxlength: 30, autocomplete: 'off' })}
${input({ name: 'email', label: t(L, 'common.eMail'), type: 'email', value: v.email, error: e.email, maxlength: 254, autocomplete: 'off' })}
${input({ name: 'address', label: t(L, 'common.address'), value: v.address, error: e.address, maxlength: 300, autocomplete: 'off' })}
${checkbox({ name: 'consentPublish', label: t(L, 'hotline.callerAgreesPublicationAnswerWithout'), checked: v.consentPublish === '1' })}
</fieldset>
${select({
  name: 'agencyId',
  label: t(L, 'hotline.forwardOnceHotlineCalls'),
  hint: s.board ? t(L, 'hotline.lettersEMailsVisitsGo') : undefined,
  value: v.agencyId ?? String(fallback?.id ?? ''),
  error: e.agencyId,
  options: [
    { value: '', label: t(L, 'hotline.notNowBoardClassifies') },
    ...agencies.map((a) => ({ value: String(a.id), label: a.hotline_default ? `${a.name} (${t(L, 'hotline.default')})` : a.name })),
  ],
})}
<p class="form-actions"><button type="submit">${t(L, 'hotline.log')}</button></p>
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
      const values: Record<string, string> = {};
      for (const k of ['key', 'channel', 'field', 'kind', 'content', 'title', 'callerName', 'phone', 'email', 'address', 'consentPublish', 'agencyId'])
        values[k] = str(b, k, k === 'content' ? 12_000 : 400);
      const derived = values.title!.trim() === '';
      const channel = (OFFICER_CHANNELS as readonly string[]).includes(values.channel!) ? (values.channel as InquiryChannel) : 'hotline';
      const agencyId = /^\d{1,12}$/.test(values.agencyId!) ? Number(values.agencyId) : null;
      try {
        const done = await ctx.logOnBehalf(s.actor, {
          siteId: s.site.id,
          channel,
          kind: values.kind!,
          field: values.field!,
          title: derived ? titleFrom(values.content!) : values.title!,
          body: values.content!,
          name: values.callerName!,
          email: values.email!,
          phone: values.phone!,
          address: values.address!,
          consentPublish: values.consentPublish === '1',
          lang: L,
          statusUrl: await ctx.statusUrl(s.site.id, L),
          forwardAgencyId: channel === 'hotline' ? agencyId : null,
          ...(values.key ? { idempotencyKey: `console:${s.actor.accountId}:${values.key}` } : {}),
        });
        const p = new URLSearchParams({ 'da-ghi': done.row.code });
        if (done.answerDue) p.set('han', isoDate(done.answerDue));
        if (done.row.agency_id) p.set('cq', String(done.row.agency_id));
        return reply.redirect(`${base}?${p}`, 303);
      } catch (err) {
        if (!isDomainError(err) || (err.status !== 422 && err.status !== 409)) throw err;
        const errors: Record<string, string> = {};
        let loose = '';
        for (const d of err.details) {
          const f = FIELD_OF[d.field];
          if (f === 'title' && derived && err.details.some((x) => x.field === 'body')) continue;
          if (f) errors[f] = errors[f] ? `${errors[f]} ${d.message}` : d.message;
          else loose = `${loose} ${d.message}`.trim();
        }
        if (err.details.length === 0) loose = err.message;
        // A key already used for other content: a fresh one for the corrected form.
        if (err.status === 409) values.key = '';
        return page(request, reply, s, { values, errors, ...(loose ? { formError: { form: 'noi-dung', message: loose } } : {}) }, err.status);
      }
    });
  }
}
