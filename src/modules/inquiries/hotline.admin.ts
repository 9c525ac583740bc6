/**
 * The hotline console (/quan-tri/duong-day-nong, QA-6): a hotline operator logs a call, which
 * enters the same pipeline as the web form with channel "hotline" and goes at once to the agency
 * chosen, by default the one the site designates; board members log e-mails, letters and visits
 * on the same form (they go to intake). A one-time key in the form makes a double submission one
 * request; after it, the code to read out to the caller and a fresh form.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formRoute, queryForm, type FieldErrors } from '../../platform/http/forms.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import { isoDate, type Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { authorize, can, type Actor } from '../access/index.ts';
import { csrfToken, type AccountsModule } from '../accounts/index.ts';
import type { AgencyService } from './agencies.service.ts';
import { siteScope, type SiteScope } from './console-scope.ts';
import { HotlineForm, HotlineQuery } from './inquiries.schema.ts';
import { isChannel, OFFICER_CHANNELS } from './inquiry-types.ts';
import type { OfficerInput } from './officer-log.ts';
import { adminPaths } from './paths.ts';
import type { Submitted } from './submission.service.ts';
import { normaliseTrackingCode } from './tracking-code.ts';
import type { InquiryChannel } from '../../platform/db/schema.ts';
import type { ConsoleForm } from './views/console-parts.ts';
import { hotlineMain, hotlineTitle, type HotlineView } from './views/hotline.view.ts';

export interface HotlineDeps {
  admin: AccountsModule['admin'];
  agencies: AgencyService;
  statusUrl(siteId: number, lang: Lang): Promise<string>;
  logOnBehalf(actor: Actor, input: OfficerInput): Promise<Submitted>;
}

/** The service's field names → the form's. */
const FIELD_OF = {
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
} as const;

/** The first words of what was said, as a title (at most 12 words, 120 characters). */
export function titleFrom(content: string): string {
  const clean = content.normalize('NFC').replace(/\s+/g, ' ').trim();
  let title = clean.split(' ').slice(0, 12).join(' ');
  if (title.length > 120) title = title.slice(0, 119).replace(/\s+\S*$/, '');
  return title.length < clean.length ? `${title}…` : title;
}

type HotlineScope = SiteScope & { board: boolean };

/** The call just logged, as the redirect after it names it. */
interface Logged {
  code: string;
  due: Date | undefined;
  agencyId: number | undefined;
}

export function hotlineRoutes(routes: Routes, lang: Lang, deps: HotlineDeps): void {
  const path = adminPaths.paths.hotline[lang];
  const action = adminPaths.href(lang, 'hotline');

  /** The board logs any officer channel; others need the hotline operator's role. */
  async function scope(request: FastifyRequest): Promise<HotlineScope> {
    const s = await siteScope(deps.admin, request);
    const board = can(s.actor, 'inquiries.intake', s.site.id);
    if (!board) authorize(s.actor, 'hotline.log', s.site.id);
    return { ...s, board };
  }

  async function page(request: FastifyRequest, reply: FastifyReply, s: HotlineScope, state: ConsoleForm, status: number, logged?: Logged) {
    const agencies = (await deps.agencies.list(s.site.id)).filter((a) => a.active);
    const view: HotlineView = {
      lang,
      action,
      csrf: csrfToken(request, reply),
      board: s.board,
      channels: s.board ? OFFICER_CHANNELS : (['hotline'] as const),
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, hotlineDefault: a.hotline_default })),
      defaultAgency: String(agencies.find((a) => a.hotline_default)?.id ?? ''),
      logged: logged && { code: logged.code, due: logged.due, agency: agencies.find((a) => a.id === logged.agencyId)?.name },
      key: (typeof state.values.key === 'string' && state.values.key) || randomUUID(),
      state,
    };
    return deps.admin.send(request, reply, { title: hotlineTitle(lang, s.board), main: hotlineMain(view) }, s, status);
  }

  routes.get(path, queryForm(HotlineQuery), async (request, reply) => {
    const s = await scope(request);
    const q = request.query;
    const code = normaliseTrackingCode(q['da-ghi'] ?? '');
    const logged = code ? { code, due: q.han ? new Date(`${q.han}T12:00:00+07:00`) : undefined, agencyId: q.cq } : undefined;
    return page(request, reply, s, { values: {}, errors: {} }, 200, logged);
  });

  const form = formRoute(HotlineForm, {
    fieldNames: FIELD_OF,
    render: async (request, reply, { values, errors }, status) => {
      const placed: FieldErrors = { ...errors };
      // A title left empty is made from the content: a problem of the content is the one to show.
      if ((values.title ?? '').trim() === '' && placed.content) delete placed.title;
      const loose = placed.form;
      delete placed.form;
      const state: ConsoleForm = {
        // A key already used for other content: a fresh one for the corrected form.
        values: status === 409 ? { ...values, key: '' } : values,
        errors: { ...(loose ? { form: loose } : {}), ...placed },
        formAnchor: 'noi-dung',
      };
      return page(request, reply, await scope(request), state, status);
    },
  });

  routes.post(path, { ...form, schema: { ...form.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await scope(request);
    const b = request.body;
    const derived = b.title.trim() === '';
    const channel: InquiryChannel = isChannel(b.channel) && OFFICER_CHANNELS.includes(b.channel) ? b.channel : 'hotline';
    const agencyId = /^\d{1,12}$/.test(b.agencyId) ? Number(b.agencyId) : null;
    const done = await deps.logOnBehalf(s.actor, {
      siteId: s.site.id,
      channel,
      kind: b.kind,
      field: b.field,
      title: derived ? titleFrom(b.content) : b.title,
      body: b.content,
      name: b.callerName,
      email: b.email,
      phone: b.phone,
      address: b.address,
      consentPublish: b.consentPublish,
      lang,
      statusUrl: await deps.statusUrl(s.site.id, lang),
      forwardAgencyId: channel === 'hotline' ? agencyId : null,
      ...(b.key ? { idempotencyKey: `console:${s.actor.accountId}:${b.key}` } : {}),
    });
    const p = new URLSearchParams({ 'da-ghi': done.row.code });
    if (done.answerDue) p.set('han', isoDate(done.answerDue));
    if (done.row.agency_id) p.set('cq', String(done.row.agency_id));
    return reply.redirect(`${action}?${p}`, 303);
  });
}
