/** The accounts module's pages in the administration, per language (relative to `/quan-tri` | `/english/admin`). */
import { defineAdminPaths } from '../../platform/http/paths.ts';

export const paths = defineAdminPaths({
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
  accounts: { vi: '/tai-khoan', en: '/accounts' },
  accountNew: { vi: '/tai-khoan/moi', en: '/accounts/new' },
});

export type AccountsPath = keyof typeof paths.paths;
