/** GET /api/v1/calendar/{year}: a year's days off and make-up working days, for other systems. */
import type { Routes } from '../../platform/module.ts';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { FIRST_YEAR, LAST_YEAR, type CalendarService } from './calendar.service.ts';
import { presentApiYear } from './present/calendar.ts';
import { ApiYear, YearParams } from './calendar.schema.ts';

export function calendarApi(routes: Routes, calendar: CalendarService): void {
  routes.get(
    '/calendar/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch ngày nghỉ / A year of the Vietnamese working-day calendar',
        description:
          'Working days are Monday to Friday, except the days off listed here (public holidays, Tết and the ranges announced for civil servants, compensatory days), plus the make-up working days listed (Saturdays worked in exchange for a bridge day off). `status` says whether the year is as announced, as edited by the platform administrator, or provisional (computed from the Labour Code and the lunar calendar, not yet announced).',
        params: YearParams,
        response: { 200: ApiYear, 404: ErrorBody },
      },
    },
    async (request) => {
      const year = Number(request.params.year);
      if (year < FIRST_YEAR || year > LAST_YEAR) throw new NotFound('calendar.year_out_of_range', `The calendar covers ${FIRST_YEAR}–${LAST_YEAR}`);
      return presentApiYear(await calendar.year(year));
    },
  );
}
