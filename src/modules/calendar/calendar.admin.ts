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
import { csrfInput } from '../../platform/views/forms.ts';
import { authorize } from '../access/index.ts';
import { adminHref, csrfGuard, csrfToken, type AccountsModule, type AdminScope } from '../accounts/index.ts';
import type { CalendarService } from './calendar.service.ts';
import { FIRST_YEAR, LAST_YEAR } from './calendar.service.ts';
import type { DayOff } from './holidays.ts';
import { t } from './messages.ts';

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
      problems.push(t(lang, 'calendar.lineDoesNotStartDate', { value: i + 1, slice: line.slice(0, 60) }));
      continue;
    }
    const [name = '', source = ''] = (m[3] ?? '').split('|').map((s) => s.trim());
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && days.length <= MAX_DAYS; t += 86_400_000) {
      days.push({ date: new Date(t).toISOString().slice(0, 10), name, ...(source ? { source } : {}) });
    }
  }
  if (days.length > MAX_DAYS) problems.push(t(lang, 'calendar.tooManyDaysMost', { MAX_DAYS }));
  return { days, problems };
}

const WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const weekday = (lang: Lang, iso: string) => t(lang, `weekday.${WEEKDAY[new Date(`${iso}T00:00:00Z`).getUTCDay()]!}`);

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
          title: t(L, 'calendar.workingDayCalendar'),
          main: html`<h1>${t(L, 'calendar.daysOffMakeUpWorking')}</h1>
<p>${t(L, 'calendar.everyDeadlinePlatformCountedWorking')}</p>
<table class="data"><caption class="visually-hidden">${t(L, 'calendar.years')}</caption><thead><tr><th scope="col">${t(L, 'calendar.year')}</th><th scope="col">${t(L, 'calendar.status')}</th><th scope="col">${t(L, 'calendar.daysOffWeekendsInsideBreaks')}</th><th scope="col">${t(L, 'calendar.makeUpDays')}</th></tr></thead>
<tbody>${years.map((y) => html`<tr><td><a href="${base}/${y.year}">${y.year}</a></td><td>${t(L, `calendar.status.${y.status}`)}</td><td>${y.off.length}</td><td>${y.makeUp.length}</td></tr>`)}</tbody></table>
<p class="muted">${t(L, 'calendar.otherYearsOpenCalendarYear', { FIRST_YEAR, LAST_YEAR })}</p>`,
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
          title: t(L, 'calendar.calendar', { year }),
          ...(errors.length
            ? { notice: { kind: 'error' as const, text: errors.join(' ') } }
            : saved
              ? { notice: { kind: 'ok' as const, text: t(L, 'calendar.calendarSavedDeadlinesComputedAgain') } }
              : {}),
          main: html`<h1>${t(L, 'calendar.calendar', { year })}</h1>
<p><strong>${t(L, `calendar.status.${y.status}`)}</strong></p>
<table class="data"><caption>${t(L, 'calendar.daysOffForceBesidesOrdinary')}</caption>
<thead><tr><th scope="col">${t(L, 'common.date')}</th><th scope="col">${t(L, 'calendar.day')}</th><th scope="col">${t(L, 'calendar.name')}</th><th scope="col">${t(L, 'common.source')}</th></tr></thead>
<tbody>${y.off.map((d) => html`<tr><td>${formatDate(new Date(`${d.date}T00:00:00+07:00`))}</td><td>${weekday(L, d.date)}</td><td>${d.name}</td><td>${d.source ?? ''}</td></tr>`)}
${y.makeUp.map((d) => html`<tr><td>${formatDate(new Date(`${d.date}T00:00:00+07:00`))}</td><td>${weekday(L, d.date)}</td><td><strong>${t(L, 'calendar.makeUpWorkingDay')}</strong> ${d.name ?? ''}</td><td></td></tr>`)}</tbody></table>
<form method="post" action="${base}/${year}">
${csrfInput(csrfToken(request, reply))}
<div class="field"><label for="f-off">${t(L, 'calendar.daysOffOneDayRange')}</label>
<textarea id="f-off" name="off" rows="14" aria-describedby="f-off-hint">${v.off}</textarea>
<p id="f-off-hint" class="hint">2026-11-24 Ngày Văn hóa Việt Nam | Nghị quyết … — 2026-02-14..2026-02-22 Tết Nguyên đán</p></div>
<div class="field"><label for="f-makeup">${t(L, 'calendar.makeUpWorkingDaysSaturday')}</label>
<textarea id="f-makeup" name="makeUp" rows="3">${v.makeUp}</textarea></div>
<div class="field"><label for="f-source">${t(L, 'calendar.whatChangeBasedDocumentAnnouncement')}</label>
<input id="f-source" type="text" name="source" value="${v.source}" maxlength="300" required></div>
<p><button type="submit" name="action" value="save">${t(L, 'calendar.saveRecomputeDeadlines')}</button>
${y.status === 'edited' ? html` <button type="submit" name="action" value="reset" class="secondary">${t(L, 'calendar.dropEditUseAnnouncedProvisional')}</button>` : ''}</p>
</form>
<p><a href="${base}">${t(L, 'calendar.allYears')}</a></p>`,
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
      if (!values.source.trim()) problems.push(t(L, 'calendar.sayWhatChangeBasedDocument'));
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
