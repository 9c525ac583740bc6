/**
 * What the accounts pages read: their forms and query strings, as TypeBox shapes. Sign-in fields
 * take any text (bounded): an empty or odd e-mail is answered like a wrong password, never as a
 * form problem, so the answer does not tell whether an account exists. The services decide what
 * is valid; these shapes only bound and type what arrives.
 */
import { Type } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';

/** `?tb=` notices of the sign-in page, after a redirect. */
export const SIGN_IN_NOTICES = ['dang-xuat', 'het-phien', 'da-dat-lai', 'tam-khoa'] as const;
/** `?tb=` notices of the profile pages. */
export const PROFILE_NOTICES = ['doi-mat-khau', 'ket-thuc-phien', 'tat-xac-thuc', 'het-han-mat-khau'] as const;
/** `?tb=` notices of the account pages. */
export const ACCOUNT_NOTICES = ['da-tao', 'da-luu', 'da-khoa', 'da-mo', 'da-cap', 'da-thu-hoi'] as const;

export type SignInNotice = (typeof SIGN_IN_NOTICES)[number];
export type ProfileNotice = (typeof PROFILE_NOTICES)[number];
export type AccountNotice = (typeof ACCOUNT_NOTICES)[number];

/** Where to go once signed in (checked by `safeNext`). */
const next = FormField.text({ max: 2000 });

// Query strings are read leniently (`queryForm`): a value that does not fit is left out, so each
// field may be missing.
export const SignInQuery = Type.Object({ next: Type.Optional(next), tb: Type.Optional(FormField.choice(SIGN_IN_NOTICES)) });
export const VerifyQuery = Type.Object({ next: Type.Optional(next) });
export const ResetQuery = Type.Object({ ma: Type.Optional(FormField.text({ max: 200 })) });
export const ProfileQuery = Type.Object({ tb: Type.Optional(FormField.choice(PROFILE_NOTICES)) });
export const AccountsQuery = Type.Object({ tb: Type.Optional(FormField.choice(ACCOUNT_NOTICES)) });

export const SignInForm = Type.Object({ email: FormField.text({ max: 1000 }), password: FormField.text({ max: 1000 }), next });
export const VerifyForm = Type.Object({ code: FormField.text({ max: 100 }), next });
export const EnrolForm = Type.Object({ code: FormField.text({ max: 100 }) });
/** The sign-out button: its CSRF token and nothing else. */
export const SignOutForm = Type.Object({});
export const ForgotForm = Type.Object({ email: FormField.text({ max: 1000 }) });
export const ResetForm = Type.Object({ ma: FormField.text({ max: 200 }), password: FormField.text({ max: 1000 }), confirm: FormField.text({ max: 1000 }) });

export const PasswordForm = Type.Object({
  current: FormField.text({ max: 1000 }),
  password: FormField.text({ max: 1000 }),
  confirm: FormField.text({ max: 1000 }),
});
/** `thao-tac=tat` turns the second factor off; anything else asks for new recovery codes. */
export const TwoFactorForm = Type.Object({ 'thao-tac': FormField.text({ max: 20 }) });
/** A session named by the first 16 characters of its id. */
export const SessionForm = Type.Object({ phien: FormField.text({ max: 100 }) });

export const NewAccountForm = Type.Object({
  name: FormField.text({ max: 1000 }),
  email: FormField.text({ max: 1000 }),
  phone: FormField.text({ max: 1000 }),
  unit: FormField.text({ max: 1000 }),
  role: FormField.text({ max: 100 }),
  grantUnit: FormField.text({ max: 1000 }),
});

/**
 * The forms of one account's page, told apart by `thao-tac`: `luu` (details), `khoa` (suspend),
 * `mo` (re-activate), `cap` (grant a role), `thu-hoi` (revoke `grant`). An unknown action is a
 * malformed request (400), not a form problem.
 */
export const AccountActionForm = Type.Object({
  'thao-tac': FormField.text({ max: 20 }),
  name: FormField.text({ max: 1000 }),
  phone: FormField.text({ max: 1000 }),
  unit: FormField.text({ max: 1000 }),
  reason: FormField.text({ max: 1000 }),
  role: FormField.text({ max: 100 }),
  grantUnit: FormField.text({ max: 1000 }),
  grant: FormField.integer({ min: 1 }),
});
