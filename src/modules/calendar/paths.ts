/** The calendar module's admin pages, per language (relative to the admin root). */
import { defineAdminPaths } from '../../platform/http/paths.ts';

export const paths = defineAdminPaths({
  calendar: { vi: '/lich-nghi', en: '/calendar' },
  deadlineRules: { vi: '/quy-tac-thoi-han', en: '/deadline-rules' },
  compliance: { vi: '/tuan-thu', en: '/compliance' },
});
