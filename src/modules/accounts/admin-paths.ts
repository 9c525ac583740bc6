/**
 * Paths of the administration area, per language: /quan-tri/… and /english/admin/….
 * TRANSITIONAL — the entries of other modules move to those modules (`defineAdminPaths`) as they
 * move into the admin tree; what stays is the accounts module's own.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { ADMIN_ROOT } from '../../platform/http/route-trees.ts';
import { adminAlternate as alternate, adminHrefByName, adminLang as langOf, defineAdminPaths } from '../../platform/http/paths.ts';

export { ADMIN_ROOT };

export const ADMIN_PATHS = {
  dashboard: { vi: '', en: '' },
  signIn: { vi: '/dang-nhap', en: '/sign-in' },
  verify: { vi: '/xac-thuc', en: '/verify' },
  enrol: { vi: '/dang-ky-xac-thuc', en: '/enrol' },
  signOut: { vi: '/dang-xuat', en: '/sign-out' },
  forgot: { vi: '/quen-mat-khau', en: '/forgot-password' },
  reset: { vi: '/dat-lai-mat-khau', en: '/reset-password' },
  profile: { vi: '/ho-so', en: '/profile' },
  password: { vi: '/ho-so/mat-khau', en: '/profile/password' },
  sessions: { vi: '/ho-so/phien', en: '/profile/sessions' },
  twoFactor: { vi: '/ho-so/xac-thuc', en: '/profile/two-factor' },
  switchSite: { vi: '/chon-trang', en: '/switch-site' },
  accounts: { vi: '/tai-khoan', en: '/accounts' },
  accountNew: { vi: '/tai-khoan/moi', en: '/accounts/new' },
  audit: { vi: '/nhat-ky', en: '/audit' },
  auditCsv: { vi: '/nhat-ky.csv', en: '/audit.csv' },
  media: { vi: '/thu-vien', en: '/media' },
  calendar: { vi: '/lich-nghi', en: '/calendar' },
  deadlineRules: { vi: '/quy-tac-thoi-han', en: '/deadline-rules' },
  compliance: { vi: '/tuan-thu', en: '/compliance' },
  inquiries: { vi: '/hoi-dap', en: '/inquiries' },
  hotline: { vi: '/duong-day-nong', en: '/hotline' },
  inquiryAgencies: { vi: '/hoi-dap-co-quan', en: '/inquiry-agencies' },
} as const satisfies Record<string, Record<Lang, string>>;

export type AdminPath = keyof typeof ADMIN_PATHS;

defineAdminPaths(ADMIN_PATHS);

/**
 * "/quan-tri/tai-khoan" (+ suffix such as "/12"), for any module's registered admin page.
 * TRANSITIONAL — by name while modules move their paths out of ADMIN_PATHS.
 */
export function adminHref(lang: Lang, name: AdminPath | (string & {}), suffix = ''): string {
  return adminHrefByName(lang, name, suffix);
}

export const adminLang = langOf;
export const adminAlternate = alternate;
