/**
 * The working-day calendar and legal deadlines (DL-1..12): which days are working days in
 * Việt Nam, and when a deadline counted in working days or hours falls due, with how it was
 * computed. Other modules use only what is exported here.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { registerCalendarApi } from './calendar.api.ts';
import { registerCalendarAdmin } from './calendar.admin.ts';
import { registerCompliance } from './compliance.admin.ts';
import { registerRulesAdmin } from './rules.admin.ts';
import { remindDeadlines } from './reminders.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { CalendarService } from './calendar.service.ts';
import { DeadlineService } from './deadlines.service.ts';

export { CalendarService, FIRST_YEAR, LAST_YEAR, type YearInput } from './calendar.service.ts';
export { WorkingCalendar, CalendarRangeError, type DueMoment, type DueUnit, type Skipped } from './working-days.ts';
export type { YearCalendar, DayOff } from './holidays.ts';
export { DeadlineService, vnDay, type DeadlineRow, type TrackInput, type PromiseInput } from './deadlines.service.ts';
export { DEFAULT_RULES, FREQUENCY_RULES, ruleInForce, type DeadlineRule, type SiteRule } from './rules.ts';

export function calendarModule(platform: Platform, deps: { accounts: AccountsModule }) {
  const calendar = new CalendarService(platform.db);
  const deadlines = new DeadlineService(calendar);
  calendar.onChange({
    openOwners: (db) => deadlines.openOwners(db),
    recompute: (tx, next) => deadlines.recomputeOpen(tx, next),
    contact: (id) => deps.accounts.contact(id),
  });
  return {
    name: 'calendar',
    calendar,
    deadlines,
    /** Background job: owners of deadlines due soon, then the board heads of overdue ones, are written to once each. */
    remindDeadlines: (now?: Date) =>
      remindDeadlines({ db: platform.db, calendar, accounts: deps.accounts }, now, { withinWorkingDays: platform.config.deadlineReminderWorkingDays }),
    register: async (app: FastifyInstance) => {
      registerCalendarApi(app, calendar);
      registerCalendarAdmin(app, { accounts: deps.accounts, calendar, db: platform.db });
      registerRulesAdmin(app, { accounts: deps.accounts, deadlines, db: platform.db });
      registerCompliance(app, { accounts: deps.accounts, calendar, db: platform.db, slots: platform.config.publishingSlots });
    },
  };
}

export type CalendarModule = ReturnType<typeof calendarModule>;
