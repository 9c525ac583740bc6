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
import { tr } from '../../platform/views/admin-shell.ts';
import { can } from '../access/index.ts';
import { adminHref, type AccountsModule } from '../accounts/index.ts';
import { siteName } from '../sites/index.ts';
import { CHANNELS, FIELDS, STATUSES, channelLabel, fieldLabel, kindLabel, statusLabel } from './inquiry-types.ts';
import type { InquiryRoutesContext } from './routes-context.ts';
import { dueCell, input, okNotice, select, siteScope, str } from './admin-views.ts';

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
        { code: '', label: tr(L, 'Tất cả', 'All'), n: all },
        ...STATUSES.map((st) => ({ code: st as string, label: statusLabel(st, L), n: counts.get(st) ?? 0 })),
        { code: QUEUES.overdue, label: tr(L, 'Quá hạn', 'Overdue'), n: overdue.total },
        { code: QUEUES.soon, label: tr(L, 'Đến hạn trong 2 ngày', 'Due within 2 days'), n: soon.total },
      ];
      const current = tabs.find((t) => t.code === tab) ?? tabs[0]!;
      const pages = Math.max(1, Math.ceil(list.total / PAGE));
      const filtered = Boolean(filter.channel || filter.field || filter.text);
      const board = can(s.actor, 'inquiries.intake', s.site.id);
      const mayLog = board || can(s.actor, 'hotline.log', s.site.id);
      const title = tr(L, 'Hỏi đáp – kiến nghị', 'Questions and petitions');
      return admin.send(
        request,
        reply,
        {
          title,
          ...okNotice(request, L),
          main: html`<h1>${title}</h1>
<p>${board ? tr(L, 'Mọi yêu cầu của trang', 'Every request of the site') : tr(L, 'Yêu cầu chuyển đến cơ quan của bạn trên trang', 'Requests forwarded to your agency on')} <strong>${siteName(s.site, L)}</strong>.
${mayLog ? html` <a href="${adminHref(L, 'hotline')}">${board ? tr(L, 'Ghi nhận yêu cầu qua đường dây nóng, thư, thư điện tử hoặc trực tiếp', 'Log a request received by hotline, letter, e-mail or in person') : tr(L, 'Ghi nhận cuộc gọi đường dây nóng', 'Log a hotline call')}</a>` : ''}</p>
<nav aria-label="${tr(L, 'Giai đoạn và hàng chờ', 'Stages and queues')}"><ul class="item-links">${tabs.map(
            (t) =>
              html`<li><a href="${href({ giai_doan: t.code, trang: 1 })}"${t === current ? html` aria-current="page"` : ''}>${t === current ? html`<strong>${t.label}</strong>` : t.label} (${t.n})</a></li>`,
          )}</ul></nav>
<form method="get" action="${base}" class="filters" role="search" aria-label="${tr(L, 'Lọc yêu cầu', 'Filter requests')}">
${tab ? html`<input type="hidden" name="giai_doan" value="${tab}">` : ''}
${select({ name: 'kenh', label: tr(L, 'Kênh tiếp nhận', 'Channel'), value: filter.channel, options: [{ value: '', label: tr(L, 'Tất cả', 'All') }, ...CHANNELS.map((c) => ({ value: c.code, label: c.label[L] }))] })}
${select({ name: 'linh_vuc', label: tr(L, 'Lĩnh vực', 'Field'), value: filter.field, options: [{ value: '', label: tr(L, 'Tất cả', 'All') }, ...FIELDS.map((f) => ({ value: f.code, label: f.label[L] }))] })}
${input({ name: 'tim', label: tr(L, 'Tiêu đề có chữ', 'Title contains'), type: 'search', value: filter.text, maxlength: 200 })}
<p><button type="submit">${tr(L, 'Lọc', 'Filter')}</button>${filtered ? html` <a href="${href({ kenh: '', linh_vuc: '', tim: '', trang: 1 })}">${tr(L, 'Bỏ lọc', 'Clear')}</a>` : ''}</p>
</form>
<h2>${current.label}: ${list.total} ${tr(L, 'yêu cầu', 'requests')}</h2>
${
  list.rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${tr(L, 'Danh sách yêu cầu', 'Requests')}"><table class="data"><caption class="visually-hidden">${tr(L, 'Yêu cầu, hạn gần nhất trước', 'Requests, nearest deadline first')}</caption>
<thead><tr><th scope="col">${tr(L, 'Mã', 'Code')}</th><th scope="col">${tr(L, 'Tiêu đề', 'Title')}</th><th scope="col">${tr(L, 'Loại', 'Kind')}</th><th scope="col">${tr(L, 'Lĩnh vực', 'Field')}</th><th scope="col">${tr(L, 'Kênh', 'Channel')}</th><th scope="col">${tr(L, 'Giai đoạn', 'Stage')}</th><th scope="col">${tr(L, 'Cơ quan', 'Agency')}</th><th scope="col">${tr(L, 'Tiếp nhận', 'Received')}</th><th scope="col">${tr(L, 'Hạn tiếp theo', 'Next due')}</th></tr></thead>
<tbody>${list.rows.map(
        (r) =>
          html`<tr><td><a href="${base}/${r.id}"><code>${r.code}</code></a></td><th scope="row"><a href="${base}/${r.id}">${r.title}</a>${r.published_at ? html` <span class="badge badge-ok">${tr(L, 'đã công bố', 'published')}</span>` : ''}</th><td>${kindLabel(r.kind, L)}</td><td>${fieldLabel(r.field, L)}</td><td>${channelLabel(r.channel, L)}</td><td>${statusLabel(r.status, L)}</td><td>${r.agency_id ? (agencyName.get(r.agency_id) ?? '—') : '—'}</td><td>${formatDateTime(new Date(r.received_at))}</td><td>${dueCell(L, r.next_due_at ? new Date(r.next_due_at) : null, now)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${filtered ? tr(L, 'Không có yêu cầu nào khớp bộ lọc.', 'No request matches the filter.') : tr(L, 'Không có yêu cầu nào.', 'No requests.')}</p>`
}
${
  pages > 1
    ? html`<nav aria-label="${tr(L, 'Phân trang', 'Pages')}"><p>${page > 1 ? html`<a href="${href({ trang: page - 1 })}" rel="prev">${tr(L, '← Trang trước', '← Previous')}</a> ` : ''}${tr(L, `Trang ${page}/${pages}`, `Page ${page} of ${pages}`)}${page < pages ? html` <a href="${href({ trang: page + 1 })}" rel="next">${tr(L, 'Trang sau →', 'Next →')}</a>` : ''}</p></nav>`
    : ''
}`,
        },
        s,
      );
    });
  }
}
