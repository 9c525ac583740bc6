/**
 * The platform admin's calendar screens (/quan-tri/lich-nghi): the years and their status, and
 * a year's days off and make-up working days, edited as lines of text ("2026-11-24 Ngày Văn hóa
 * Việt Nam | Nghị quyết …", a range "2026-02-14..2026-02-22 Tết Nguyên đán"). Every change is
 * audited by the service; contradictions come back with the lines as typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import { formatDate, type Lang } from '../../platform/i18n/index.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import { html } from '../../platform/views/html.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { csrfInput } from '../../platform/views/forms.ts';
import { authorize } from '../access/index.ts';
import { adminHref, csrfGuard, csrfToken, type AccountsModule, type AdminScope } from '../accounts/index.ts';
import type { CalendarService } from './calendar.service.ts';
import { FIRST_YEAR, LAST_YEAR } from './calendar.service.ts';
import type { DayOff, YearCalendar } from './holidays.ts';

const MAX_DAYS = 400;

/** "2026-02-14", "14/02/2026" → ISO day, or undefined. */
function isoDay(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : vn ? [vn[3]!, vn[2]!.padStart(2, '0'), vn[1]!.padStart(2, '0')] : [];
  if (!y) return undefined;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${y}-${m}-${d}` ? `${y}-${m}-${d}` : undefined;
}

/** Lines of "date[..date] name | source" → days, with a message per line that cannot be read. */
export function parseDayLines(text: string, lang: Lang): { days: DayOff[]; problems: string[] } {
  const days: DayOff[] = [];
  const problems: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\S+?)(?:\.\.(\S+))?(?:\s+(.*))?$/.exec(line);
    const from = m ? isoDay(m[1]!) : undefined;
    const to = m?.[2] ? isoDay(m[2]) : from;
    if (!m || !from || !to || to < from) {
      problems.push(
        tr(
          lang,
          `Dòng ${i + 1}: "${line.slice(0, 60)}" không bắt đầu bằng một ngày (2026-11-24 hoặc 24/11/2026) hay một khoảng ngày (2026-02-14..2026-02-22).`,
          `Line ${i + 1}: "${line.slice(0, 60)}" does not start with a date (2026-11-24 or 24/11/2026) or a range (2026-02-14..2026-02-22).`,
        ),
      );
      continue;
    }
    const [name = '', source = ''] = (m[3] ?? '').split('|').map((s) => s.trim());
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && days.length <= MAX_DAYS; t += 86_400_000) {
      days.push({ date: new Date(t).toISOString().slice(0, 10), name, ...(source ? { source } : {}) });
    }
  }
  if (days.length > MAX_DAYS) problems.push(tr(lang, `Quá nhiều ngày (tối đa ${MAX_DAYS}).`, `Too many days (at most ${MAX_DAYS}).`));
  return { days, problems };
}

const WEEKDAY: Record<Lang, string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const weekday = (lang: Lang, iso: string) => WEEKDAY[lang][new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
const STATUS: Record<YearCalendar['status'], [string, string]> = {
  announced: ['Theo thông báo của Chính phủ', 'As announced by the Government'],
  edited: ['Đã được quản trị nền tảng chỉnh sửa', 'Edited by the platform administrator'],
  provisional: [
    'Tạm tính theo Bộ luật Lao động và âm lịch (chưa có thông báo)',
    'Provisional: computed from the Labour Code and the lunar calendar (not announced yet)',
  ],
};

function linesOf(days: readonly { date: string; name?: string; source?: string }[]): string {
  return days.map((d) => `${d.date}${d.name ? ` ${d.name}` : ''}${d.source ? ` | ${d.source}` : ''}`).join('\n');
}

export function registerCalendarAdmin(app: FastifyInstance, deps: { accounts: AccountsModule; calendar: CalendarService; db: Db }): void {
  const { admin } = deps.accounts;
  const guard = csrfGuard(app, deps.db);
  admin.addNav({ label: { vi: 'Lịch ngày nghỉ', en: 'Working-day calendar' }, path: 'calendar', action: 'calendar.edit' });

  for (const L of ['vi', 'en'] as const) {
    const base = adminHref(L, 'calendar');
    const platformAdmin = async (request: FastifyRequest): Promise<AdminScope> => {
      const s = await admin.scope(request);
      authorize(s.actor, 'calendar.edit', null);
      return s;
    };

    app.get(base, async (request, reply) => {
      const s = await platformAdmin(request);
      const now = new Date().getUTCFullYear();
      const years = await Promise.all(Array.from({ length: 8 }, (_, i) => deps.calendar.year(now - 2 + i)));
      return admin.send(
        request,
        reply,
        {
          title: tr(L, 'Lịch ngày nghỉ', 'Working-day calendar'),
          main: html`<h1>${tr(L, 'Lịch ngày nghỉ, ngày làm bù', 'Days off and make-up working days')}</h1>
<p>${tr(L, 'Mọi thời hạn của nền tảng được tính theo ngày làm việc của lịch này (múi giờ Asia/Ho_Chi_Minh). Sửa một năm khi có thông báo mới của Chính phủ hoặc khi một ngày lễ mới được ban hành; các thời hạn đang mở được tính lại.', 'Every deadline of the platform is counted in working days of this calendar (Asia/Ho_Chi_Minh). Edit a year when the Government announces its days off or a new holiday is enacted; open deadlines are computed again.')}</p>
<table class="data"><caption class="visually-hidden">${tr(L, 'Các năm', 'Years')}</caption><thead><tr><th scope="col">${tr(L, 'Năm', 'Year')}</th><th scope="col">${tr(L, 'Trạng thái', 'Status')}</th><th scope="col">${tr(L, 'Ngày nghỉ (kể cả cuối tuần trong kỳ nghỉ)', 'Days off (with weekends inside breaks)')}</th><th scope="col">${tr(L, 'Ngày làm bù', 'Make-up days')}</th></tr></thead>
<tbody>${years.map((y) => html`<tr><td><a href="${base}/${y.year}">${y.year}</a></td><td>${tr(L, STATUS[y.status][0], STATUS[y.status][1])}</td><td>${y.off.length}</td><td>${y.makeUp.length}</td></tr>`)}</tbody></table>
<p class="muted">${tr(L, `Các năm khác (${FIRST_YEAR}–${LAST_YEAR}): mở /lich-nghi/<năm>.`, `Other years (${FIRST_YEAR}–${LAST_YEAR}): open …/calendar/<year>.`)}</p>`,
        },
        s,
      );
    });

    const yearScreen = async (
      request: FastifyRequest,
      reply: FastifyReply,
      s: AdminScope,
      year: number,
      values?: { off: string; makeUp: string; source: string },
      errors: string[] = [],
      status = 200,
    ) => {
      const y = await deps.calendar.year(year);
      const v = values ?? { off: linesOf(y.off), makeUp: linesOf(y.makeUp), source: '' };
      const saved = (request.query as Record<string, string | undefined>).tb === 'da-luu';
      return admin.send(
        request,
        reply,
        {
          title: tr(L, `Lịch ngày nghỉ năm ${year}`, `Calendar ${year}`),
          ...(errors.length
            ? { notice: { kind: 'error' as const, text: errors.join(' ') } }
            : saved
              ? { notice: { kind: 'ok' as const, text: tr(L, 'Đã lưu lịch và tính lại các thời hạn.', 'Calendar saved; deadlines computed again.') } }
              : {}),
          main: html`<h1>${tr(L, `Lịch ngày nghỉ năm ${year}`, `Calendar ${year}`)}</h1>
<p><strong>${tr(L, STATUS[y.status][0], STATUS[y.status][1])}</strong></p>
<table class="data"><caption>${tr(L, 'Ngày nghỉ đang áp dụng (ngoài thứ Bảy, Chủ nhật thông thường)', 'Days off in force (besides ordinary Saturdays and Sundays)')}</caption>
<thead><tr><th scope="col">${tr(L, 'Ngày', 'Date')}</th><th scope="col">${tr(L, 'Thứ', 'Day')}</th><th scope="col">${tr(L, 'Tên', 'Name')}</th><th scope="col">${tr(L, 'Căn cứ', 'Source')}</th></tr></thead>
<tbody>${y.off.map((d) => html`<tr><td>${formatDate(new Date(`${d.date}T00:00:00+07:00`))}</td><td>${weekday(L, d.date)}</td><td>${d.name}</td><td>${d.source ?? ''}</td></tr>`)}
${y.makeUp.map((d) => html`<tr><td>${formatDate(new Date(`${d.date}T00:00:00+07:00`))}</td><td>${weekday(L, d.date)}</td><td><strong>${tr(L, 'Làm bù', 'Make-up working day')}</strong> ${d.name ?? ''}</td><td></td></tr>`)}</tbody></table>
<form method="post" action="${base}/${year}">
${csrfInput(csrfToken(request, reply))}
<div class="field"><label for="f-off">${tr(L, 'Ngày nghỉ: mỗi dòng một ngày hoặc một khoảng ngày, rồi tên, rồi "| căn cứ"', 'Days off: one day or range per line, then the name, then "| source"')}</label>
<textarea id="f-off" name="off" rows="14" aria-describedby="f-off-hint">${v.off}</textarea>
<p id="f-off-hint" class="hint">2026-11-24 Ngày Văn hóa Việt Nam | Nghị quyết … — 2026-02-14..2026-02-22 Tết Nguyên đán</p></div>
<div class="field"><label for="f-makeup">${tr(L, 'Ngày làm bù (thứ Bảy hoặc Chủ nhật đi làm): mỗi dòng một ngày', 'Make-up working days (a Saturday or Sunday worked): one per line')}</label>
<textarea id="f-makeup" name="makeUp" rows="3">${v.makeUp}</textarea></div>
<div class="field"><label for="f-source">${tr(L, 'Căn cứ của lần sửa này (văn bản, thông báo)', 'What this change is based on (document, announcement)')}</label>
<input id="f-source" type="text" name="source" value="${v.source}" maxlength="300" required></div>
<p><button type="submit" name="action" value="save">${tr(L, 'Lưu và tính lại thời hạn', 'Save and recompute deadlines')}</button>
${y.status === 'edited' ? html` <button type="submit" name="action" value="reset" class="secondary">${tr(L, 'Bỏ chỉnh sửa, dùng lịch công bố hoặc tạm tính', 'Drop the edit: use the announced or provisional calendar')}</button>` : ''}</p>
</form>
<p><a href="${base}">${tr(L, 'Các năm', 'All years')}</a></p>`,
        },
        s,
        status,
      );
    };

    const yearParam = (request: FastifyRequest): number => {
      const raw = (request.params as { year: string }).year;
      const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
      if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw Object.assign(new Error('No such year'), { statusCode: 404, code: 'calendar.year_out_of_range' });
      return year;
    };

    app.get<{ Params: { year: string } }>(`${base}/:year`, async (request, reply) => {
      const s = await platformAdmin(request);
      return yearScreen(request, reply, s, yearParam(request));
    });

    app.post<{ Params: { year: string } }>(`${base}/:year`, { preHandler: guard }, async (request, reply) => {
      const s = await platformAdmin(request);
      const year = yearParam(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const values = { off: str('off').slice(0, 50_000), makeUp: str('makeUp').slice(0, 5_000), source: str('source').slice(0, 300) };
      if (str('action') === 'reset') {
        await deps.calendar.resetYear(s.actor, year);
        return reply.redirect(`${base}/${year}?tb=da-luu`, 303);
      }
      const off = parseDayLines(values.off, L);
      const makeUp = parseDayLines(values.makeUp, L);
      const problems = [...off.problems, ...makeUp.problems];
      if (!values.source.trim())
        problems.push(tr(L, 'Cần ghi căn cứ của lần sửa (văn bản, thông báo).', 'Say what the change is based on (document, announcement).'));
      if (problems.length) return yearScreen(request, reply, s, year, values, problems, 422);
      try {
        await deps.calendar.editYear(s.actor, year, {
          off: off.days,
          makeUp: makeUp.days.map((d) => ({ date: d.date, ...(d.name ? { name: d.name } : {}) })),
          source: values.source,
        });
      } catch (err) {
        if (!isDomainError(err) || err.status !== 422) throw err;
        return yearScreen(request, reply, s, year, values, err.details.length ? err.details.map((d) => d.message) : [err.message], 422);
      }
      return reply.redirect(`${base}/${year}?tb=da-luu`, 303);
    });
  }
}
