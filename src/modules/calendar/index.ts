/**
 * The working-day calendar and legal deadlines (DL-1..12): which days are working days in
 * Việt Nam, and when a deadline counted in working days or hours falls due, with how it was
 * computed; the administration of the calendar and of a site's deadline rules; the compliance
 * dashboard; reminders of deadlines due soon or passed. Other modules use only what is exported here.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { calendarAdmin } from './calendar.admin.ts';
import { calendarApi } from './calendar.api.ts';
import { CalendarService } from './calendar.service.ts';
import { complianceAdmin } from './compliance.admin.ts';
import { ComplianceService } from './compliance.service.ts';
import { DeadlineService } from './deadlines.service.ts';
import { paths } from './paths.ts';
import { remindDeadlines } from './reminders.ts';
import { rulesAdmin } from './rules.admin.ts';
import { t } from './messages.ts';

export { CalendarService, FIRST_YEAR, LAST_YEAR, type YearInput } from './calendar.service.ts';
export { WorkingCalendar, CalendarRangeError, type DueMoment, type DueUnit, type Skipped } from './working-days.ts';
export type { YearCalendar, DayOff } from './holidays.ts';
export { currentQuarter, type Figures as ComplianceFigures } from './compliance.service.ts';
export { DeadlineService, vnDay, type DeadlineRow, type TrackInput, type PromiseInput } from './deadlines.service.ts';
export { DEFAULT_RULES, FREQUENCY_RULES, defaultRuleLabel, ruleInForce, type DeadlineRule, type SiteRule } from './rules.ts';

export function calendarModule(platform: Platform, deps: { accounts: AccountsModule }) {
  const { db, config } = platform;
  const { admin } = deps.accounts;
  const calendar = new CalendarService(db);
  const deadlines = new DeadlineService(calendar);
  calendar.onChange({
    openOwners: (tx) => deadlines.openOwners(tx),
    recompute: (tx, next) => deadlines.recomputeOpen(tx, next),
    contact: (id) => deps.accounts.contact(id),
  });
  const compliance = new ComplianceService(db, calendar, config.publishingSlots, (ids) => deps.accounts.unitsOf(ids));
  /** Owners of deadlines due soon, then the board heads of overdue ones, are written to once each. */
  const remind = (now?: Date) => remindDeadlines({ db, calendar, accounts: deps.accounts }, now, { withinWorkingDays: config.deadlineReminderWorkingDays });

  return defineModule({
    name: 'calendar',
    needs: ['accounts'],
    adminRoutes: (routes, lang) => {
      calendarAdmin(routes, lang, { admin, calendar });
      rulesAdmin(routes, lang, { admin, deadlines, db });
      complianceAdmin(routes, lang, { admin, service: compliance, slots: config.publishingSlots });
    },
    apiRoutes: (routes) => calendarApi(routes, calendar),
    apiTags: [{ name: 'calendar', description: 'The working-day calendar of Việt Nam: days off and make-up working days' }],
    jobs: [{ name: 'calendar.deadline_reminders', everyMs: 15 * 60_000, run: () => remind() }],
    adminNav: [
      { label: (lang) => t(lang, 'calendar.nav'), href: (lang) => paths.href(lang, 'calendar'), action: 'calendar.edit' },
      { label: (lang) => t(lang, 'rules.nav'), href: (lang) => paths.href(lang, 'deadlineRules'), action: 'site.settings' },
      { label: (lang) => t(lang, 'compliance.nav'), href: (lang) => paths.href(lang, 'compliance'), action: 'admin.enter' },
    ],
    provides: { calendar, deadlines, compliance, remindDeadlines: remind },
  });
}

export type CalendarModule = ReturnType<typeof calendarModule>;
