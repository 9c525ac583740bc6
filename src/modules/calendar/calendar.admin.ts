/**
 * The platform admin's calendar screens (/quan-tri/lich-nghi): the years and their status, and
 * a year's days off and make-up working days, edited as lines of text (day-lines.ts). Every
 * change is audited by the service; lines that cannot be read and contradictions come back with
 * the lines as typed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Routes } from '../../platform/module.ts';
import { Invalid } from '../../platform/http/errors.ts';
import { formRoute, queryForm, type FormState } from '../../platform/http/forms.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { authorize } from '../access/index.ts';
import { csrfToken, type AdminContext } from '../accounts/index.ts';
import type { CalendarService } from './calendar.service.ts';
import { NoticeQuery, YearForm, YearParams } from './calendar.schema.ts';
import { dayLines, parseDayLines } from './day-lines.ts';
import { paths } from './paths.ts';
import { presentYear, presentYears } from './present/calendar.ts';
import { calendarYearView } from './views/calendar-year.view.ts';
import { calendarYearsView } from './views/calendar-years.view.ts';
import { t } from './messages.ts';

export interface CalendarAdminDeps {
  admin: Pick<AdminContext, 'scope' | 'send'>;
  calendar: CalendarService;
}

/** The year of a year page's path (its pattern checked by the route's schema). */
function yearIn(request: FastifyRequest): number {
  const params = request.params;
  return params && typeof params === 'object' && 'year' in params ? Number(params.year) : Number.NaN;
}

export function calendarAdmin(routes: Routes, lang: Lang, deps: CalendarAdminDeps): void {
  const { admin, calendar } = deps;
  const path = paths.paths.calendar[lang];
  const base = paths.href(lang, 'calendar');

  const platformAdmin = async (request: FastifyRequest) => {
    const s = await admin.scope(request);
    authorize(s.actor, 'calendar.edit', null);
    return s;
  };

  routes.get(path, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const s = await platformAdmin(request);
    const now = new Date().getUTCFullYear();
    const years = await Promise.all(Array.from({ length: 8 }, (_, i) => calendar.year(now - 2 + i)));
    return admin.send(request, reply, { title: t(lang, 'calendar.workingDayCalendar'), main: calendarYearsView(lang, base, presentYears(years, lang)) }, s);
  });

  /** A year's page; `form` holds what was typed when it comes back refused. */
  const yearScreen = async (request: FastifyRequest, reply: FastifyReply, form: FormState<typeof YearForm> | undefined, status = 200, saved = false) => {
    const s = await platformAdmin(request);
    const y = await calendar.year(yearIn(request));
    const state = form ?? { values: { off: dayLines(y.off), makeUp: dayLines(y.makeUp), source: '' }, errors: {} };
    const refused = Object.values(state.errors);
    const notice = refused.length
      ? { notice: { kind: 'error' as const, text: refused.join(' ') } }
      : saved
        ? { notice: { kind: 'ok' as const, text: t(lang, 'calendar.calendarSavedDeadlinesComputedAgain') } }
        : {};
    const main = calendarYearView(lang, base, presentYear(y, lang), state, csrfToken(request, reply));
    return admin.send(request, reply, { title: t(lang, 'calendar.calendar', { year: y.year }), main, ...notice }, s, status);
  };

  const withNotice = queryForm(NoticeQuery);
  routes.get(`${path}/:year`, { ...withNotice, schema: { ...withNotice.schema, params: YearParams } }, async (request, reply) =>
    yearScreen(request, reply, undefined, 200, request.query.tb === 'da-luu'),
  );

  const yearForm = formRoute(YearForm, { render: (request, reply, state, status) => yearScreen(request, reply, state, status) });
  routes.post(`${path}/:year`, { ...yearForm, schema: { ...yearForm.schema, params: YearParams } }, async (request, reply) => {
    const s = await platformAdmin(request);
    // A year outside the calendar is no page, whichever button was pressed.
    const { year } = await calendar.year(Number(request.params.year));
    const body = request.body;
    if (body.action === 'reset') {
      await calendar.resetYear(s.actor, year);
      return reply.redirect(`${base}/${year}?tb=da-luu`, 303);
    }
    const off = parseDayLines(body.off, lang);
    const makeUp = parseDayLines(body.makeUp, lang);
    const problems = [...off.problems, ...makeUp.problems];
    if (!body.source.trim()) problems.push(t(lang, 'calendar.sayWhatChangeBasedDocument'));
    if (problems.length) throw new Invalid('calendar.lines', problems.join(' '), { details: problems.map((message) => ({ field: 'form', message })) });
    await calendar.editYear(s.actor, year, {
      off: off.days,
      makeUp: makeUp.days.map((d) => ({ date: d.date, ...(d.name ? { name: d.name } : {}) })),
      source: body.source,
    });
    return reply.redirect(`${base}/${year}?tb=da-luu`, 303);
  });
}
