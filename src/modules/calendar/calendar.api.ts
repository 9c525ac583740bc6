/** GET /api/v1/calendar/{year}: a year's days off and make-up working days, for other systems. */
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import { NotFound } from '../../platform/http/errors.ts';
import type { CalendarService } from './calendar.service.ts';
import { FIRST_YEAR, LAST_YEAR } from './calendar.service.ts';

const Day = Type.Object({ date: Type.String({ format: 'date' }), name: Type.String(), source: Type.Optional(Type.String()) });

export function registerCalendarApi(app: FastifyInstance, calendar: CalendarService): void {
  app.get(
    '/api/v1/calendar/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch ngày nghỉ / A year of the Vietnamese working-day calendar',
        description:
          'Working days are Monday to Friday, except the days off listed here (public holidays, Tết and the ranges announced for civil servants, compensatory days), plus the make-up working days listed (Saturdays worked in exchange for a bridge day off). `status` says whether the year is as announced, as edited by the platform administrator, or provisional (computed from the Labour Code and the lunar calendar, not yet announced).',
        params: Type.Object({ year: Type.String({ pattern: '^\\d{4}$', description: `${FIRST_YEAR}–${LAST_YEAR}` }) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            status: Type.Union([Type.Literal('announced'), Type.Literal('edited'), Type.Literal('provisional')]),
            timeZone: Type.Literal('Asia/Ho_Chi_Minh'),
            daysOff: Type.Array(Day, {
              description: 'Every day off that is not an ordinary Saturday or Sunday, and the weekend days inside announced ranges.',
            }),
            makeUpWorkingDays: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), name: Type.Optional(Type.String()) })),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const year = Number((request.params as { year: string }).year);
      if (year < FIRST_YEAR || year > LAST_YEAR) throw new NotFound('calendar.year_out_of_range', `The calendar covers ${FIRST_YEAR}–${LAST_YEAR}`);
      const y = await calendar.year(year);
      return {
        year: y.year,
        status: y.status,
        timeZone: 'Asia/Ho_Chi_Minh' as const,
        daysOff: y.off.map((d) => ({ date: d.date, name: d.name, ...(d.source ? { source: d.source } : {}) })),
        makeUpWorkingDays: y.makeUp.map((d) => ({ date: d.date, ...(d.name ? { name: d.name } : {}) })),
      };
    },
  );
}
