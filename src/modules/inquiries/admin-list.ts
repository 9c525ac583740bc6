/**
 * The consoles' list of requests (/quan-tri/hoi-dap, /english/admin/inquiries): tabs by stage
 * with their counts, the overdue and due-soon queues, filters by channel, field and words of
 * the title, and pages of 50. The board sees every request of the site; an agency's
 * responders only their agency's (the service filters). No personal data here: the people
 * who sent them are on the request's own page, where each view is recorded.
 *
 *   ?giai_doan=<stage>|qua-han|sap-den-han  &kenh=<channel>  &linh_vuc=<field>  &tim=<words>  &trang=<n>
 */
import type { FastifyInstance } from 'fastify';
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { html } from '../../platform/views/html.ts';
import { can } from '../access/index.ts';
import { adminHref, type AccountsModule } from '../accounts/index.ts';
import { siteName } from '../sites/index.ts';
import { CHANNELS, FIELDS, STATUSES, channelLabel, fieldLabel, kindLabel, statusLabel } from './inquiry-types.ts';
import type { InquiryRoutesContext } from './routes-context.ts';
import { dueCell, input, okNotice, select, siteScope, str } from './admin-views.ts';
import { t } from './messages.ts';

const PAGE = 50;
const SOON_MS = 2 * 86_400_000;
const QUEUES = { overdue: 'qua-han', soon: 'sap-den-han' } as const;

export function registerInquiryList(app: FastifyInstance, ctx: InquiryRoutesContext, admin: AccountsModule['admin']): void {
  for (const L of ['vi', 'en'] as const satisfies readonly Lang[]) {
    const base = adminHref(L, 'inquiries');

    app.get(base, async (request, reply) => {
      const s = await siteScope(admin, request);
      const q = request.query;
      const now = new Date();
      const tab = str(q, 'giai_doan', 40);
      const filter = {
        channel: CHANNELS.some((c) => c.code === str(q, 'kenh', 20)) ? str(q, 'kenh', 20) : '',
        field: FIELDS.some((f) => f.code === str(q, 'linh_vuc', 60)) ? str(q, 'linh_vuc', 60) : '',
        text: str(q, 'tim', 200).trim(),
      };
      const page = Math.min(10_000, Math.max(1, Math.floor(Number(str(q, 'trang', 6)) || 1)));
      const status = (STATUSES as readonly string[]).includes(tab) ? tab : '';
      const queue = tab === QUEUES.overdue ? now : tab === QUEUES.soon ? new Date(now.getTime() + SOON_MS) : undefined;
      const common = {
        ...(filter.channel ? { channel: filter.channel } : {}),
        ...(filter.field ? { field: filter.field } : {}),
        ...(filter.text ? { q: filter.text } : {}),
      };
      const [list, counts, overdue, soon, agencies] = await Promise.all([
        ctx.handling.list(s.actor, s.site.id, {
          ...common,
          ...(status ? { statuses: [status] } : {}),
          ...(queue ? { dueBefore: queue } : {}),
          ...(tab === QUEUES.soon ? { dueAfter: now } : {}),
          limit: PAGE,
          offset: (page - 1) * PAGE,
        }),
        ctx.handling.counts(s.actor, s.site.id),
        ctx.handling.list(s.actor, s.site.id, { dueBefore: now, limit: 1, offset: 0 }),
        ctx.handling.list(s.actor, s.site.id, { dueBefore: new Date(now.getTime() + SOON_MS), dueAfter: now, limit: 1, offset: 0 }),
        ctx.agencies.list(s.site.id, false),
      ]);
      const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
      const all = [...counts.values()].reduce((a, b) => a + b, 0);
      const href = (over: Record<string, string | number>) => {
        const p = new URLSearchParams();
        const v = { giai_doan: tab, kenh: filter.channel, linh_vuc: filter.field, tim: filter.text, trang: '', ...over };
        for (const [k, x] of Object.entries(v)) if (x !== '' && !(k === 'trang' && Number(x) <= 1)) p.set(k, String(x));
        const qs = p.toString();
        return qs ? `${base}?${qs}` : base;
      };
      const tabs = [
        { code: '', label: t(L, 'common.all'), n: all },
        ...STATUSES.map((st) => ({ code: st as string, label: statusLabel(st, L), n: counts.get(st) ?? 0 })),
        { code: QUEUES.overdue, label: t(L, 'common.overdue'), n: overdue.total },
        { code: QUEUES.soon, label: t(L, 'list.dueWithin2Days'), n: soon.total },
      ];
      const current = tabs.find((t) => t.code === tab) ?? tabs[0]!;
      const pages = Math.max(1, Math.ceil(list.total / PAGE));
      const filtered = Boolean(filter.channel || filter.field || filter.text);
      const board = can(s.actor, 'inquiries.intake', s.site.id);
      const mayLog = board || can(s.actor, 'hotline.log', s.site.id);
      const title = t(L, 'common.questionsPetitions');
      return admin.send(
        request,
        reply,
        {
          title,
          ...okNotice(request, L),
          main: html`<h1>${title}</h1>
<p>${board ? t(L, 'list.everyRequestSite') : t(L, 'list.requestsForwardedYourAgency')} <strong>${siteName(s.site, L)}</strong>.
${mayLog ? html` <a href="${adminHref(L, 'hotline')}">${board ? t(L, 'list.logRequestReceivedHotlineLetter') : t(L, 'list.logHotlineCall')}</a>` : ''}</p>
<nav aria-label="${t(L, 'list.stagesQueues')}"><ul class="item-links">${tabs.map(
            (t) =>
              html`<li><a href="${href({ giai_doan: t.code, trang: 1 })}"${t === current ? html` aria-current="page"` : ''}>${t === current ? html`<strong>${t.label}</strong>` : t.label} (${t.n})</a></li>`,
          )}</ul></nav>
<form method="get" action="${base}" class="filters" role="search" aria-label="${t(L, 'list.filterRequests')}">
${tab ? html`<input type="hidden" name="giai_doan" value="${tab}">` : ''}
${select({ name: 'kenh', label: t(L, 'common.channel2'), value: filter.channel, options: [{ value: '', label: t(L, 'common.all') }, ...CHANNELS.map((c) => ({ value: c.code, label: c.label[L] }))] })}
${select({ name: 'linh_vuc', label: t(L, 'common.field'), value: filter.field, options: [{ value: '', label: t(L, 'common.all') }, ...FIELDS.map((f) => ({ value: f.code, label: f.label[L] }))] })}
${input({ name: 'tim', label: t(L, 'list.titleContains'), type: 'search', value: filter.text, maxlength: 200 })}
<p><button type="submit">${t(L, 'list.filter')}</button>${filtered ? html` <a href="${href({ kenh: '', linh_vuc: '', tim: '', trang: 1 })}">${t(L, 'list.clear')}</a>` : ''}</p>
</form>
<h2>${current.label}: ${list.total} ${t(L, 'list.requests')}</h2>
${
  list.rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t(L, 'list.requests2')}"><table class="data"><caption class="visually-hidden">${t(L, 'list.requestsNearestDeadlineFirst')}</caption>
<thead><tr><th scope="col">${t(L, 'list.code')}</th><th scope="col">${t(L, 'common.title')}</th><th scope="col">${t(L, 'common.kind')}</th><th scope="col">${t(L, 'common.field')}</th><th scope="col">${t(L, 'common.channel')}</th><th scope="col">${t(L, 'common.stage')}</th><th scope="col">${t(L, 'common.agency')}</th><th scope="col">${t(L, 'common.received')}</th><th scope="col">${t(L, 'list.nextDue')}</th></tr></thead>
<tbody>${list.rows.map(
        (r) =>
          html`<tr><td><a href="${base}/${r.id}"><code>${r.code}</code></a></td><th scope="row"><a href="${base}/${r.id}">${r.title}</a>${r.published_at ? html` <span class="badge badge-ok">${t(L, 'list.published')}</span>` : ''}</th><td>${kindLabel(r.kind, L)}</td><td>${fieldLabel(r.field, L)}</td><td>${channelLabel(r.channel, L)}</td><td>${statusLabel(r.status, L)}</td><td>${r.agency_id ? (agencyName.get(r.agency_id) ?? '—') : '—'}</td><td>${formatDateTime(new Date(r.received_at))}</td><td>${dueCell(L, r.next_due_at ? new Date(r.next_due_at) : null, now)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${filtered ? t(L, 'list.noRequestMatchesFilter') : t(L, 'list.noRequests')}</p>`
}
${
  pages > 1
    ? html`<nav aria-label="${t(L, 'list.pages')}"><p>${page > 1 ? html`<a href="${href({ trang: page - 1 })}" rel="prev">${t(L, 'list.previous')}</a> ` : ''}${t(L, 'list.page', { page, pages })}${page < pages ? html` <a href="${href({ trang: page + 1 })}" rel="next">${t(L, 'list.next')}</a>` : ''}</p></nav>`
    : ''
}`,
        },
        s,
      );
    });
  }
}
